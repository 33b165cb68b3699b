package org.mms.calendar.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mms.calendar.PermanentStoreException;
import org.mms.calendar.TransientStoreException;
import org.mms.calendar.graph.emulator.GraphEmulator;
import org.mms.calendar.graph.emulator.SignInRefusal;
import org.mms.secret.ClientCertificate;
import org.mms.secret.Secret;
import org.mms.testing.KeytoolCertificates;
import org.slf4j.LoggerFactory;

/**
 * msal4j's client-credential flow against the Graph emulator's Entra token endpoint, on HTTPS (msal4j
 * takes no other authority): a token with a client secret or a certificate, handed out again while it
 * has more than five minutes left, renewed when it has less and after Graph refused it, and Entra's
 * refusals said in one line that names the fix and never the secret, in no message and no log line.
 */
class MsalAccessTokensTest {

    private GraphEmulator emulator;
    private HttpClient http;
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            logged.add(event.getFormattedMessage() + (event.getThrowableProxy() == null ? "" : " " + event.getThrowableProxy().getMessage()));
        }
    };

    @BeforeEach
    void start() {
        emulator = GraphEmulator.builder().https().start();
        emulator.addMailbox("adele@contoso.example");
        http = HttpClient.newBuilder().sslContext(emulator.sslContext().orElseThrow()).followRedirects(HttpClient.Redirect.NEVER).build();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        capture.setContext(root.getLoggerContext());
        capture.start();
        root.addAppender(capture);
        // Everything msal4j says, down to its debug lines, is searched for the secret.
        ((Logger) LoggerFactory.getLogger("com.microsoft.aad.msal4j")).setLevel(Level.DEBUG);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(capture);
        ((Logger) LoggerFactory.getLogger("com.microsoft.aad.msal4j")).setLevel(null);
        emulator.close();
    }

    private GraphSettings settings(String tenant, String client, URI authority) {
        return new GraphSettings(tenant, client, emulator.graphUrl(), authority, 4, 64, Duration.ofSeconds(10));
    }

    private GraphSettings settings() {
        return settings(emulator.tenantId(), emulator.clientId(), emulator.authorityUrl());
    }

    private MsalAccessTokens withSecret(String secret) {
        return MsalAccessTokens.withSecret(settings(), new Secret(secret), http);
    }

    private int calendarRead(String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(emulator.graphUrl() + "/users/adele@contoso.example/calendarView?startDateTime="
                + "2030-01-01T00:00:00Z&endDateTime=2030-01-01T00:01:00Z")).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void a_token_from_the_client_secret_is_one_graph_accepts_and_is_handed_out_again() throws Exception {
        MsalAccessTokens tokens = withSecret(emulator.clientSecret());

        String first = tokens.token();

        assertThat(calendarRead(first)).isEqualTo(200);
        assertThat(tokens.token()).isEqualTo(first);
    }

    @Test
    void after_graph_refuses_a_token_the_next_one_is_new_accepted_and_kept() throws Exception {
        MsalAccessTokens tokens = withSecret(emulator.clientSecret());
        String first = tokens.token();
        emulator.revokeTokens();
        assertThat(calendarRead(first)).isEqualTo(401);

        tokens.refused(first);
        String renewed = tokens.token();

        assertThat(renewed).isNotEqualTo(first);
        assertThat(calendarRead(renewed)).isEqualTo(200);
        assertThat(tokens.token()).isEqualTo(renewed);
    }

    @Test
    void a_token_with_less_than_five_minutes_left_is_renewed_before_it_is_handed_out() {
        emulator.tokenLifetime(Duration.ofMinutes(4));
        MsalAccessTokens tokens = withSecret(emulator.clientSecret());

        assertThat(tokens.token()).isNotEqualTo(tokens.token());
    }

    @Test
    void a_wrong_client_secret_is_one_line_saying_so_without_the_secret_in_the_message_or_any_log_line() {
        String wrong = "wrong~secret.value-that-must-not-show";

        assertThatThrownBy(() -> withSecret(wrong).token()).isInstanceOf(PermanentStoreException.class)
                .hasMessageStartingWith("the client secret is wrong or expired")
                .hasMessageNotContaining(wrong).hasMessageNotContaining("\n");
        assertThat(withSecret(emulator.clientSecret()).token()).isNotBlank();
        assertThat(logged).isNotEmpty().noneMatch(line -> line.contains(wrong) || line.contains(emulator.clientSecret()));
    }

    @Test
    void an_unknown_tenant_and_an_unknown_application_say_which_id_to_check() {
        String otherTenant = "11111111-2222-3333-4444-555555555555";
        String otherClient = "99999999-2222-3333-4444-555555555555";

        assertThatThrownBy(() -> MsalAccessTokens.withSecret(settings(otherTenant, emulator.clientId(), emulator.authorityUrl()),
                new Secret(emulator.clientSecret()), http).token())
                .isInstanceOf(PermanentStoreException.class)
                .hasMessageContaining("tenant " + otherTenant + " is not known to Entra ID").hasMessageContaining("DirectoryTenantId");
        assertThatThrownBy(() -> MsalAccessTokens.withSecret(settings(emulator.tenantId(), otherClient, emulator.authorityUrl()),
                new Secret(emulator.clientSecret()), http).token())
                .isInstanceOf(PermanentStoreException.class)
                .hasMessageContaining("no application with client id " + otherClient).hasMessageContaining("ClientId");
    }

    /** What Entra says for each refusal an admin meets, and the one line MMS makes of it. */
    static Stream<Arguments> refusals() {
        String tenant = GraphEmulator.TENANT_ID;
        String client = GraphEmulator.CLIENT_ID;
        return Stream.of(
                Arguments.of(SignInRefusal.EXPIRED_SECRET, "the client secret has expired: create a new one in the app registration's "
                        + "Certificates & secrets; then set it again with Set-CsCalendarStore"),
                Arguments.of(SignInRefusal.NO_ADMIN_CONSENT, "the application has no admin consent in tenant " + tenant + ": grant admin "
                        + "consent for the Calendars.ReadWrite application permission (API permissions, Grant admin consent)"),
                Arguments.of(SignInRefusal.PERMISSION_NOT_CONFIGURED, "the application has no admin consent in tenant " + tenant
                        + ": grant admin consent for the Calendars.ReadWrite application permission (API permissions, Grant admin consent)"),
                Arguments.of(SignInRefusal.APP_DISABLED, "the application " + client + " is disabled in tenant " + tenant
                        + ": enable its enterprise application"),
                Arguments.of(SignInRefusal.CONDITIONAL_ACCESS, "a Conditional Access policy blocks the application's sign-in in tenant "
                        + tenant + ": exclude the application from the policy, or allow the network MMS signs in from"),
                Arguments.of(SignInRefusal.CERTIFICATE_NOT_REGISTERED, "Entra ID does not accept the certificate: upload its public part "
                        + "to the app registration's Certificates & secrets (the thumbprint must match)"),
                Arguments.of(SignInRefusal.ASSERTION_OUT_OF_TIME, "the certificate's sign-in assertion is outside its valid time: check "
                        + "this machine's clock"),
                Arguments.of(SignInRefusal.ACCOUNT_LOCKED, "Entra ID refused the sign-in (AADSTS50053): Your account is locked because "
                        + "you've tried to sign in too many times with an incorrect user ID or password."));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void each_refusal_entra_answers_becomes_one_line_saying_what_to_fix_without_the_secret(SignInRefusal refusal, String line) {
        emulator.refuseSignIn(refusal);

        assertThatThrownBy(() -> withSecret(emulator.clientSecret()).token()).isInstanceOf(PermanentStoreException.class)
                .hasMessage(line);
        assertThat(logged).noneMatch(l -> l.contains(emulator.clientSecret()));
    }

    @Test
    void a_tenant_entra_cannot_find_by_its_name_says_which_id_to_check() {
        emulator.refuseSignIn(SignInRefusal.TENANT_NOT_FOUND_BY_NAME);

        assertThatThrownBy(() -> withSecret(emulator.clientSecret()).token()).isInstanceOf(PermanentStoreException.class)
                .hasMessageStartingWith("tenant " + emulator.tenantId() + " is not known to Entra ID at " + emulator.authorityUrl())
                .hasMessageContaining("DirectoryTenantId").hasMessageNotContaining("\n");
    }

    @Test
    void entra_being_unavailable_is_transient_and_the_next_try_gets_a_token() {
        emulator.refuseSignIn(SignInRefusal.TEMPORARILY_UNAVAILABLE);
        MsalAccessTokens tokens = withSecret(emulator.clientSecret());

        assertThatThrownBy(tokens::token).isInstanceOf(TransientStoreException.class)
                .hasMessage("the authority " + emulator.authorityUrl() + " answered HTTP 503; trying again later");
        emulator.allowSignIn();
        assertThat(tokens.token()).isNotBlank();
    }

    @Test
    void an_authority_that_does_not_answer_is_a_transient_failure_naming_it() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        GraphSettings nowhere = settings(emulator.tenantId(), emulator.clientId(), URI.create("https://127.0.0.1:" + closed));

        assertThatThrownBy(() -> MsalAccessTokens.withSecret(nowhere, new Secret(emulator.clientSecret()), http).token())
                .isInstanceOf(TransientStoreException.class)
                .hasMessageStartingWith("the authority https://127.0.0.1:" + closed + " cannot be reached")
                .hasMessageNotContaining(emulator.clientSecret());
    }

    @Test
    void a_plain_http_authority_is_refused_by_msal4j_before_anything_is_sent() {
        GraphSettings plain = settings(emulator.tenantId(), emulator.clientId(), URI.create("http://127.0.0.1:1"));

        assertThatThrownBy(() -> MsalAccessTokens.withSecret(plain, new Secret(emulator.clientSecret()), http))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
    }

    @Test
    void a_certificate_from_a_pfx_or_a_pem_file_signs_the_assertion_that_buys_a_token() throws Exception {
        byte[] pfx = KeytoolCertificates.pfx("mms-graph", "pfx-password");
        ClientCertificate fromPfx = ClientCertificate.read(pfx, Optional.of(new Secret("pfx-password")));
        ClientCertificate fromPem = ClientCertificate.read(KeytoolCertificates.pem(pfx, "pfx-password"), Optional.empty());

        String viaPfx = MsalAccessTokens.withCertificate(settings(), fromPfx, http).token();
        String viaPem = MsalAccessTokens.withCertificate(settings(), fromPem, http).token();

        assertThat(calendarRead(viaPfx)).isEqualTo(200);
        assertThat(calendarRead(viaPem)).isEqualTo(200);
        assertThat(fromPem.thumbprint()).isEqualTo(fromPfx.thumbprint()).hasSize(40);
    }
}
