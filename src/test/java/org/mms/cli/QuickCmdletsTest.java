package org.mms.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mms.testing.RunningApi.CONTOSO_TOKEN;
import static org.mms.testing.RunningApi.FABRIKAM_TOKEN;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mms.testing.KeytoolCertificates;
import org.mms.testing.RunningApi;
import org.mms.testing.StubAdmin;

/**
 * The quick start of the version and the status cmdlet against the real API server: for every command line it
 * takes, the same standard output, standard error and exit code as the full cmdlet, byte for byte, and the same
 * calls reaching the server; every other command line, and every answer it is not sure of, left to the full
 * cmdlet with nothing printed.
 */
class QuickCmdletsTest {

    private static RunningApi api;

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();

    /** What a command line printed and returned, and the calls it made to the server. */
    record Run(int exitCode, String out, String err, List<StubAdmin.Call> calls) {
    }

    @BeforeAll
    static void start() {
        api = new RunningApi();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @BeforeEach
    void reset() {
        api.reset();
        env.put("MMS_URL", api.baseUrl());
        env.put("MMS_TOKEN", CONTOSO_TOKEN);
    }

    private Run full(String... args) {
        api.reset();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = MmsCommand.run(args, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8), env);
        return new Run(code, out.toString(UTF_8), err.toString(UTF_8), api.admin.calls());
    }

    /** The quick start's run, which must have answered. */
    private Run quick(String... args) {
        api.reset();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        QuickCmdlets.Outcome outcome = QuickCmdlets.answer(args, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8), env);
        assertThat(outcome).as("the quick start answers %s", List.of(args)).isInstanceOf(QuickCmdlets.Outcome.Answered.class);
        return new Run(((QuickCmdlets.Outcome.Answered) outcome).exitCode(), out.toString(UTF_8), err.toString(UTF_8), api.admin.calls());
    }

    private void assertSameAsFull(String... args) {
        Run full = full(args);
        Run quick = quick(args);
        assertThat(quick).isEqualTo(full);
    }

    /** The quick start leaves it to the full cmdlet, having printed nothing. */
    private void assertLeftToFull(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        QuickCmdlets.Outcome outcome = QuickCmdlets.answer(args, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8), env);
        assertThat(outcome).as("left to the full cmdlet: %s", List.of(args)).isInstanceOf(QuickCmdlets.Outcome.LeftToFullCommand.class);
        assertThat(out.size()).isZero();
        assertThat(err.size()).isZero();
    }

    static Stream<List<String>> quickForms() {
        String status = "Get-CsMeetingMigrationStatus";
        return Stream.of(
                List.of("--version"),
                List.of("-V"),
                List.of(status),
                List.of(status, "-SummaryOnly"),
                List.of("get-csmeetingmigrationstatus", "-summaryonly"),
                List.of("GET-CSMEETINGMIGRATIONSTATUS", "-SUMMARYONLY:$true"),
                List.of(status, "-SummaryOnly:True", "-State", "Failed"),
                List.of(status, "-SummaryOnly:$false", "-State", "Failed"),
                List.of(status, "-State", "Failed"),
                List.of(status, "-state:succeeded"),
                List.of(status, "-State", "Awaiting Approval"),
                List.of(status, "-State", "Échoué & 100% = ?"),
                List.of(status, "-Identity", "alice@contoso.example"),
                List.of(status, "-IDENTITY", "  alice@contoso.example "),
                List.of(status, "-identity:alice@contoso.example", "-State", "Failed", "-SummaryOnly"),
                List.of(status, "-SummaryOnly", "-Identity:alice@contoso.example", "-State:Pending"));
    }

    @ParameterizedTest
    @MethodSource("quickForms")
    void each_quick_command_line_prints_and_returns_what_the_full_cmdlet_does_byte_for_byte(List<String> args) {
        assertSameAsFull(args.toArray(String[]::new));
    }

    @Test
    void the_quick_status_does_print_the_migrations_and_the_summary() {
        Run list = quick("Get-CsMeetingMigrationStatus");
        Run summary = quick("Get-CsMeetingMigrationStatus", "-SummaryOnly");

        assertThat(list.out()).contains("LastMessage       : the calendar store refused the update (503)\n");
        assertThat(summary.out()).startsWith("State      UserCount\n-----      ---------\nPending           21\n")
                .endsWith("\nUpdatesWaiting   : 40\nUpdatesWaitUntil : 2026-11-24T05:30:00Z\n");
        assertThat(summary.calls()).extracting(StubAdmin.Call::operation).containsExactly("migrationSummary", "updatesWaiting");
    }

    @Test
    void an_unreachable_server_is_the_same_message_and_exit_code() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        env.put("MMS_URL", "http://127.0.0.1:" + closedPort + "/");

        assertSameAsFull("Get-CsMeetingMigrationStatus", "-SummaryOnly");
        assertThat(quick("Get-CsMeetingMigrationStatus").err()).contains("(connection refused)");
    }

    @Test
    void a_token_the_server_refuses_is_the_same_message_and_exit_code() {
        env.put("MMS_TOKEN", "not-a-token");

        assertSameAsFull("Get-CsMeetingMigrationStatus", "-SummaryOnly");
        assertThat(quick("Get-CsMeetingMigrationStatus").exitCode()).isEqualTo(ExitCodes.ERROR);
    }

    @Test
    void the_token_comes_from_the_data_directory_and_its_absence_or_emptiness_is_worded_the_same() throws IOException {
        env.remove("MMS_TOKEN");
        env.put("MMS_DATA", dir.toString());
        assertSameAsFull("Get-CsMeetingMigrationStatus", "-SummaryOnly");

        Files.writeString(dir.resolve("admin-token"), "  \n");
        assertSameAsFull("Get-CsMeetingMigrationStatus", "-SummaryOnly");

        Files.writeString(dir.resolve("admin-token"), FABRIKAM_TOKEN + "\n");
        assertSameAsFull("Get-CsMeetingMigrationStatus");
        assertThat(quick("Get-CsMeetingMigrationStatus").out()).contains("alice@fabrikam.example");
    }

    @Test
    void a_token_file_that_cannot_be_read_is_left_to_the_full_cmdlet_to_word() throws IOException {
        env.remove("MMS_TOKEN");
        env.put("MMS_DATA", dir.toString());
        Files.createDirectory(dir.resolve("admin-token"));

        assertLeftToFull("Get-CsMeetingMigrationStatus", "-SummaryOnly");
    }

    @Test
    void a_malformed_url_and_plain_http_to_another_machine_are_refused_the_same_way() {
        env.put("MMS_URL", "not a url");
        assertSameAsFull("Get-CsMeetingMigrationStatus", "-SummaryOnly");

        // An address of the documentation range: refused before any connection is tried.
        env.put("MMS_URL", "http://192.0.2.1:8470");
        assertSameAsFull("Get-CsMeetingMigrationStatus");
        assertThat(quick("Get-CsMeetingMigrationStatus").err()).startsWith("mms: refusing to send the token over plain http to 192.0.2.1");
    }

    @Test
    void a_server_that_is_not_mms_or_refuses_with_a_problem_is_worded_the_same() throws IOException {
        try (FixedAnswer proxy = new FixedAnswer(502, "text/html", "proxy-error.html")) {
            env.put("MMS_URL", proxy.url());
            assertSameAsFull("Get-CsMeetingMigrationStatus", "-SummaryOnly");
            assertThat(quick("Get-CsMeetingMigrationStatus").err()).contains("answered GET /api/v1/migrations with HTTP 502");
            env.put("MMS_URL", proxy.url() + "/mms/");
            assertSameAsFull("Get-CsMeetingMigrationStatus", "-SummaryOnly");
            assertThat(quick("Get-CsMeetingMigrationStatus").err()).contains("answered GET /mms/api/v1/migrations with HTTP 502");
        }
        try (FixedAnswer forbidden = new FixedAnswer(403, "application/problem+json", "forbidden.problem.json")) {
            env.put("MMS_URL", forbidden.url());
            assertSameAsFull("Get-CsMeetingMigrationStatus", "-State", "Failed");
            assertThat(quick("Get-CsMeetingMigrationStatus").err()).isEqualTo("mms: a reader token may not do this" + System.lineSeparator());
        }
    }

    @Test
    void hostile_values_line_breaks_and_big_numbers_print_as_the_full_cmdlet_prints_them() throws IOException {
        try (FixedAnswer hostile = new FixedAnswer(200, "application/json", "hostile-values.json")) {
            env.put("MMS_URL", hostile.url());
            assertSameAsFull("Get-CsMeetingMigrationStatus");
            assertSameAsFull("Get-CsMeetingMigrationStatus", "-SummaryOnly");
        }
    }

    @Test
    void a_url_with_a_user_a_query_or_a_fragment_is_left_to_the_full_cmdlet() {
        for (String odd : List.of("http://admin:secret@127.0.0.1:", "http://127.0.0.1:")) {
            String port = api.baseUrl().substring(api.baseUrl().lastIndexOf(':') + 1);
            for (String tail : odd.contains("@") ? List.of("") : List.of("?tenant=contoso", "#status")) {
                env.put("MMS_URL", odd + port + tail);
                assertLeftToFull("Get-CsMeetingMigrationStatus", "-SummaryOnly");
            }
        }
    }

    @Test
    void a_tls_failure_is_left_to_the_full_cmdlet_which_says_it_cannot_reach_the_server() throws IOException {
        byte[] pfx = KeytoolCertificates.pfx("127.0.0.1", "untrusted", "san=ip:127.0.0.1");
        HttpsServer untrusted = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        untrusted.setHttpsConfigurator(new HttpsConfigurator(KeytoolCertificates.server(pfx, "untrusted")));
        untrusted.createContext("/", exchange -> {
            try (exchange) {
                exchange.sendResponseHeaders(500, -1);
            }
        });
        untrusted.start();
        try {
            env.put("MMS_URL", "https://127.0.0.1:" + untrusted.getAddress().getPort());

            assertLeftToFull("Get-CsMeetingMigrationStatus", "-SummaryOnly");
            Run full = full("Get-CsMeetingMigrationStatus", "-SummaryOnly");
            assertThat(full.exitCode()).isEqualTo(ExitCodes.ERROR);
            assertThat(full.err()).startsWith("mms: cannot reach the MMS server at https://127.0.0.1:");
        } finally {
            untrusted.stop(0);
        }
    }

    @Test
    void answers_of_another_shape_are_left_to_the_full_cmdlet() throws IOException {
        for (String fixture : List.of("nested-values.json", "fractions.json", "proxy-error.html")) {
            try (FixedAnswer other = new FixedAnswer(200, "application/json", fixture)) {
                env.put("MMS_URL", other.url());
                assertLeftToFull("Get-CsMeetingMigrationStatus");
                assertLeftToFull("Get-CsMeetingMigrationStatus", "-SummaryOnly");
            }
        }
    }

    @Test
    void a_quick_call_in_its_own_jvm_loads_no_class_of_picocli_the_jdk_http_client_or_jackson_data_binding() throws Exception {
        Path classes = dir.resolve("classes.log");
        ProcessBuilder java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load:file=" + classes, "-cp", System.getProperty("java.class.path"), "org.mms.Main",
                "Get-CsMeetingMigrationStatus", "-SummaryOnly").redirectError(ProcessBuilder.Redirect.INHERIT);
        java.environment().put("MMS_URL", api.baseUrl());
        java.environment().put("MMS_TOKEN", CONTOSO_TOKEN);
        Process process = java.start();
        String out = new String(process.getInputStream().readAllBytes(), UTF_8);

        assertThat(process.waitFor()).isZero();
        assertThat(out.replace(System.lineSeparator(), "\n")).isEqualTo(full("Get-CsMeetingMigrationStatus", "-SummaryOnly").out());
        assertThat(Files.readString(classes)).contains("org.mms.cli.QuickClient ")
                .doesNotContain("picocli.").doesNotContain("java.net.http.").doesNotContain("tools.jackson.databind.")
                .doesNotContain("org.mms.cli.MmsCommand ");
    }

    static Stream<List<String>> otherForms() {
        String status = "Get-CsMeetingMigrationStatus";
        return Stream.of(
                List.of(),
                List.of("--version", "--help"),
                List.of("--VERSION"),
                List.of("--help"),
                List.of("Get-CsOnlineUser"),
                List.of("Get-CsMeetingMigrationStatuses"),
                List.of(status, "--help"),
                List.of(status, "-?"),
                List.of(status, "--json"),
                List.of(status, "-SummaryOnly", "--json"),
                List.of(status, "-AllowPlainHttp"),
                List.of(status, "-StartTime", "10/1/2026"),
                List.of(status, "-EndTime:2026-10-08T00:00:00Z"),
                List.of(status, "alice@contoso.example"),
                List.of(status, "-Identity", "alice@contoso.example,bob@contoso.example"),
                List.of(status, "-Identity", "alice@contoso.example", "-Identity", "bob@contoso.example"),
                List.of(status, "-IdentityFile", "users.csv"),
                List.of(status, "-Identity", "@users.txt"),
                List.of(status, "-Identity", "\"alice@contoso.example\""),
                List.of(status, "-Identity"),
                List.of(status, "-Identity:"),
                List.of(status, "-Identity", "-SummaryOnly"),
                List.of(status, "-State", "Failed", "-State", "Pending"),
                List.of(status, "-State", " "),
                List.of(status, "-SummaryOnly", "$true"),
                List.of(status, "-SummaryOnly:maybe"),
                List.of(status, "-SummaryOnly", "-SummaryOnly"),
                List.of(status, "-Summary"),
                List.of(status, "-Identty", "alice@contoso.example"),
                List.of(status, "-İdentity", "alice@contoso.example"),
                List.of(status, "-ſtate", "Failed"),
                List.of(status, "--", "-State"));
    }

    @ParameterizedTest
    @MethodSource("otherForms")
    void every_other_command_line_is_left_to_the_full_cmdlet_without_a_call(List<String> args) {
        assertLeftToFull(args.toArray(String[]::new));
        assertThat(api.admin.calls()).isEmpty();
    }

    /** A real HTTP server on this machine that answers every request with one status, content type and fixture. */
    private static final class FixedAnswer implements AutoCloseable {

        private final HttpServer server;

        FixedAnswer(int status, String contentType, String fixture) throws IOException {
            byte[] body;
            try (InputStream in = QuickCmdletsTest.class.getResourceAsStream("/fixtures/cli/quick/" + fixture)) {
                body = in.readAllBytes();
            }
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                try (exchange) {
                    exchange.getRequestBody().readAllBytes();
                    exchange.getResponseHeaders().set("Content-Type", contentType);
                    exchange.sendResponseHeaders(status, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
