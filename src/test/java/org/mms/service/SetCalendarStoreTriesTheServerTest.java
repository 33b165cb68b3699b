package org.mms.service;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mms.config.ServiceConfig;
import org.mms.testing.CalDavServer;
import org.mms.testing.RadicaleServer;
import org.mms.testing.XandikosServer;

/**
 * Issue 13, defect 10: {@code Set-CsCalendarStore} tries the settings on the server before it saves them
 * and says what failed (unreachable, login refused, not a CalDAV server); {@code -SkipValidation} saves
 * anyway. The password can come from a file, standard input or the environment instead of the command
 * line; that it arrived is proven by the real server accepting it. Real Radicale (which asks for a
 * password) and Xandikos (which does not).
 */
class SetCalendarStoreTriesTheServerTest {

    @AutoClose
    private static RadicaleServer radicale;
    @AutoClose
    private static XandikosServer xandikos;
    @TempDir
    static Path dir;
    @AutoClose
    private static MmsService service;
    private static AdminShell admin;

    @BeforeAll
    static void start() throws Exception {
        radicale = RadicaleServer.start();
        xandikos = XandikosServer.start();
        ServiceConfig config = AdminShell.onLoopback(dir.resolve("data"), 0);
        service = MmsService.start(config, Clock.systemUTC());
        admin = new AdminShell(service, config.dataDir());
    }

    @BeforeEach
    void embedded() {
        admin.run("Set-CsCalendarStore", "-Kind", "Embedded");
    }

    /** Set-CsCalendarStore at {@code server} as {@code user}, with more parameters. */
    private static String[] store(CalDavServer server, String... more) {
        List<String> args = new ArrayList<>(List.of("Set-CsCalendarStore", "-Kind", "CalDav", "-Url", server.baseUrl().toString(),
                "-CalendarPath", server.calendarPathTemplate().replace("{name}", "{user}")));
        server.username().ifPresent(user -> args.addAll(List.of("-UserName", user)));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static String shownStore() {
        return admin.run("Get-CsCalendarStore");
    }

    @Test
    void the_right_password_is_tried_on_radicale_and_saved() {
        String shown = admin.run(store(radicale, "-Password", radicale.password().orElseThrow()));

        assertThat(shown).containsPattern("Kind\\s*:\\s*CalDav").contains(radicale.baseUrl().toString())
                .containsPattern("PasswordSet\\s*:\\s*True").doesNotContain(radicale.password().orElseThrow());
    }

    @Test
    void a_wrong_password_is_refused_with_the_servers_401_and_nothing_is_saved() {
        AdminShell.Outcome refused = admin.attempt(store(radicale, "-Password", "wrong-password-given"));

        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("refused the user name and password (HTTP 401)", "nothing was saved", "SkipValidation")
                .doesNotContain("wrong-password-given");
        assertThat(shownStore()).containsPattern("Kind\\s*:\\s*Embedded");
    }

    @Test
    void skip_validation_saves_a_password_the_server_would_refuse() {
        admin.run(store(radicale, "-Password", "wrong-password-given", "-SkipValidation"));

        assertThat(shownStore()).containsPattern("Kind\\s*:\\s*CalDav").containsPattern("PasswordSet\\s*:\\s*True");
    }

    @Test
    void a_server_that_does_not_answer_is_said_to_be_unreachable() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        AdminShell.Outcome refused = admin.attempt("Set-CsCalendarStore", "-Kind", "CalDav", "-Url", "http://127.0.0.1:" + closed + "/",
                "-UserName", "mms", "-Password", "pw-unreachable");

        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("cannot be reached").doesNotContain("pw-unreachable");
        assertThat(shownStore()).containsPattern("Kind\\s*:\\s*Embedded");
    }

    @Test
    void a_url_that_is_no_caldav_server_is_said_to_be_one_that_is_not() {
        // MMS's own API: an HTTP server that answers, but no calendar server.
        AdminShell.Outcome refused = admin.attempt("Set-CsCalendarStore", "-Kind", "CalDav", "-Url",
                "http://127.0.0.1:" + service.port() + "/", "-UserName", "mms", "-Password", "pw-not-caldav");

        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("is not a CalDAV server").doesNotContain("pw-not-caldav");
    }

    @Test
    void xandikos_without_a_login_is_tried_and_saved() {
        admin.run(store(xandikos));

        assertThat(shownStore()).contains(xandikos.baseUrl().toString()).containsPattern("PasswordSet\\s*:\\s*False");
    }

    @Test
    void the_password_can_come_from_a_file_standard_input_or_the_environment_instead_of_the_command_line() throws Exception {
        String password = radicale.password().orElseThrow();
        Path file = dir.resolve("store-password");
        Files.writeString(file, password + "\n");

        AdminShell.Outcome fromFile = admin.attempt(Map.of(), new ByteArrayInputStream(new byte[0]), store(radicale, "-PasswordFile", file.toString()));
        AdminShell.Outcome fromStdin = admin.attempt(Map.of(), new ByteArrayInputStream((password + "\n").getBytes(UTF_8)),
                store(radicale, "-Password", "-"));
        AdminShell.Outcome fromEnv = admin.attempt(Map.of("MMS_STORE_PASSWORD", password), new ByteArrayInputStream(new byte[0]),
                store(radicale));
        AdminShell.Outcome wrongFromEnv = admin.attempt(Map.of("MMS_STORE_PASSWORD", "not-" + password),
                new ByteArrayInputStream(new byte[0]), store(radicale));

        // Radicale refuses a wrong password: each success proves the password arrived as given.
        for (AdminShell.Outcome outcome : List.of(fromFile, fromStdin, fromEnv)) {
            assertThat(outcome.exitCode()).as(outcome.err()).isZero();
            assertThat(outcome.out()).containsPattern("PasswordSet\\s*:\\s*True");
        }
        assertThat(wrongFromEnv.exitCode()).isNotZero();
        assertThat(wrongFromEnv.err()).contains("HTTP 401");
    }

    @Test
    void an_empty_password_file_is_a_usage_error_that_says_so() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty-password"), "");

        AdminShell.Outcome refused = admin.attempt(store(radicale, "-PasswordFile", empty.toString()));

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("no password in -PasswordFile");
    }
}
