package org.mms.calendar.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mms.calendar.graph.emulator.GraphEmulator;
import org.mms.secret.Secret;

/**
 * The check {@code Set-CsCalendarStore -Kind Graph} makes before it saves, against the Graph emulator: a
 * token and one mailbox's one-minute calendar view; a wrong secret, and each way Graph refuses the
 * mailbox, said in one line that names what to check.
 */
class CheckGraphAccessTest {

    private static GraphEmulator emulator;
    private static HttpClient http;

    @BeforeAll
    static void start() {
        emulator = GraphEmulator.builder().https().start();
        emulator.addMailbox("adele@contoso.example");
        emulator.addMailbox("blocked@contoso.example");
        emulator.denyAppAccess("blocked@contoso.example");
        emulator.addMailboxOnPremises("onprem@contoso.example");
        http = HttpClient.newBuilder().sslContext(emulator.sslContext().orElseThrow()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static GraphSettings settings() {
        return new GraphSettings(emulator.tenantId(), emulator.clientId(), emulator.graphUrl(), emulator.authorityUrl(), 4, 64,
                Duration.ofSeconds(10));
    }

    private static CheckGraphAccess.Outcome check(String secret, Optional<String> mailbox) {
        return CheckGraphAccess.check(settings(), MsalAccessTokens.withSecret(settings(), new Secret(secret), http), mailbox, http);
    }

    @Test
    void the_right_secret_signs_in_and_reads_one_minute_of_the_mailboxs_calendar() {
        assertThat(check(emulator.clientSecret(), Optional.of("adele@contoso.example")))
                .isEqualTo(new CheckGraphAccess.Works(Optional.of("adele@contoso.example")));
        assertThat(emulator.requests()).last().satisfies(request -> {
            assertThat(request.path()).isEqualTo("/v1.0/users/adele%40contoso.example/calendarView");
            assertThat(request.query()).contains("startDateTime=").contains("endDateTime=");
        });
    }

    @Test
    void a_wrong_secret_is_said_in_one_line_without_the_secret() {
        String wrong = "not~the.secret-0000";

        assertThat(check(wrong, Optional.of("adele@contoso.example")).describe())
                .startsWith("the client secret is wrong or expired").doesNotContain(wrong).doesNotContain("\n");
    }

    @Test
    void each_refusal_of_the_mailbox_names_what_to_check() {
        assertThat(check(emulator.clientSecret(), Optional.of("blocked@contoso.example")).describe())
                .contains("denies the application the calendar of blocked@contoso.example").contains("Calendars.ReadWrite")
                .contains("RBAC for Applications").endsWith("(HTTP 403 ErrorAccessDenied)");
        assertThat(check(emulator.clientSecret(), Optional.of("nobody@contoso.example")).describe())
                .contains("no mailbox nobody@contoso.example").endsWith("(HTTP 404 ErrorInvalidUser)");
        assertThat(check(emulator.clientSecret(), Optional.of("onprem@contoso.example")).describe())
                .contains("on Exchange Online").endsWith("(HTTP 404 MailboxNotEnabledForRESTAPI)");
    }

    @Test
    void with_no_mailbox_to_read_the_check_signs_in_only() {
        assertThat(check(emulator.clientSecret(), Optional.empty())).isEqualTo(new CheckGraphAccess.Works(Optional.empty()));
    }
}
