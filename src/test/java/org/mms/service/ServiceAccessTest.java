package org.mms.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mms.cli.CliRunner;
import org.mms.config.ServiceConfig;

/** The service's own tokens: first start, recovery from the machine, and no plain HTTP where others can listen. */
class ServiceAccessTest {

    @TempDir
    Path dir;

    private ServiceConfig config(Path data) {
        return ServiceConfig.defaults(data).withHttp(new ServiceConfig.Http("127.0.0.1", 0))
                .withWorkers(new ServiceConfig.Workers(0, Duration.ofMillis(50), Duration.ofMinutes(2)));
    }

    @Test
    void binding_to_a_non_loopback_address_without_tls_is_refused_at_start() {
        ServiceConfig exposed = config(dir.resolve("data")).withHttp(new ServiceConfig.Http("0.0.0.0", 0));

        assertThatThrownBy(() -> MmsService.start(exposed, Clock.systemUTC()))
                .hasMessageContaining("plain HTTP").hasMessageContaining("http.tls.certificate").hasMessageContaining("http.allowPlainHttp");
        assertThat(Files.exists(dir.resolve("data"))).as("refused before anything was created").isFalse();
        assertThat(new ServiceConfig.Http("0.0.0.0", 0, Optional.empty(), true).plainExposure()).isEmpty();
        assertThat(new ServiceConfig.Http("127.0.0.1", 0).plainExposure()).isEmpty();
        assertThat(new ServiceConfig.Http("localhost", 0).plainExposure()).isEmpty();
    }

    @Test
    void first_start_writes_the_service_operators_token_readable_only_by_its_owner_and_it_manages_tenants() throws Exception {
        Path data = dir.resolve("data");
        try (MmsService service = MmsService.start(config(data), Clock.systemUTC())) {
            Path file = data.resolve("operator-token");
            assertThat(service.newOperatorTokenFile()).contains(file);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

            String operator = Files.readString(file).strip();
            assertThat(get(service, "/api/v1/tenants", operator).statusCode()).isEqualTo(200);
            assertThat(get(service, "/api/v1/migrations", operator).statusCode()).isEqualTo(403);
        }
        try (MmsService again = MmsService.start(config(data), Clock.systemUTC())) {
            assertThat(again.newOperatorTokenFile()).as("made once").isEmpty();
        }
    }

    @Test
    void mms_token_makes_a_new_admin_token_from_the_machine_after_the_token_file_was_lost() throws Exception {
        Path data = dir.resolve("data");
        String lost;
        try (MmsService service = MmsService.start(config(data), Clock.systemUTC())) {
            lost = Files.readString(data.resolve("admin-token")).strip();
        }
        Files.delete(data.resolve("admin-token"));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = CliRunner.run(new String[] {"token", "--data", data.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Map.of());

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(data.resolve("admin-token").toAbsolutePath().toString());
        String recovered = Files.readString(data.resolve("admin-token")).strip();
        assertThat(recovered).isNotEqualTo(lost).startsWith("mms_");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("admin-token")))).isEqualTo("rw-------");
        try (MmsService service = MmsService.start(config(data), Clock.systemUTC())) {
            assertThat(service.newTokenFile()).as("a restart does not make or claim another").isEmpty();
            assertThat(get(service, "/api/v1/migrations", recovered).statusCode()).isEqualTo(200);
            assertThat(get(service, "/api/v1/tokens", recovered).body()).contains("first tenant admin", "recovered");
            assertThat(get(service, "/api/v1/audit-log", recovered).body()).contains("mms token", "this machine");
        }
    }

    @Test
    void the_access_cmdlets_make_list_and_revoke_tokens_show_the_audit_log_and_manage_tenants() throws Exception {
        Path data = dir.resolve("data");
        try (MmsService service = MmsService.start(config(data), Clock.systemUTC())) {
            Map<String, String> env = Map.of("MMS_URL", "http://127.0.0.1:" + service.port(), "MMS_DATA", data.toString());

            String created = cli(env, 0, "New-CsAdminToken", "-Name", "reporting", "-Role", "reader", "-ExpiresInDays", "30");
            java.util.regex.Matcher secret = java.util.regex.Pattern.compile("Token\\s+: (mms_\\S+)").matcher(created);
            assertThat(secret.find()).as(created).isTrue();
            assertThat(created).contains("Reader", "Active");
            String listed = cli(env, 0, "get-csadmintoken");
            assertThat(listed).contains("reporting", "first tenant admin").doesNotContain(secret.group(1));
            assertThat(get(service, "/api/v1/migrations", secret.group(1)).statusCode()).isEqualTo(200);

            assertThat(cli(env, 0, "Revoke-CsAdminToken", "reporting")).contains("Revoked");
            assertThat(get(service, "/api/v1/migrations", secret.group(1)).statusCode()).isEqualTo(401);
            String audit = cli(env, 0, "Get-CsAuditLog", "-TokenName", "first tenant admin");
            assertThat(audit).contains("POST /api/v1/tokens", "name=reporting", "201", "POST /api/v1/tokens/{name}/revoke")
                    .doesNotContain(secret.group(1));
            assertThat(cli(env, 0, "Get-CsAuditLog", "-Result", "401")).contains("GET /api/v1/migrations", "reporting");

            assertThat(cli(env, 0, "New-CsTenant", "-Identity", "northwind", "-Domains", "northwind.com,northwind.org"))
                    .contains("AdminToken", "northwind.org");
            assertThat(cli(env, 0, "Get-CsTenant")).contains("northwind", "default");
            assertThat(cli(env, 2, "Remove-CsTenant", "-Identity", "northwind")).isEmpty();
            assertThat(cli(env, 0, "Get-CsTenant")).contains("northwind");
            cli(env, 0, "Remove-CsTenant", "northwind", "-Confirm:$false");
            assertThat(cli(env, 0, "Get-CsTenant")).doesNotContain("northwind");
        }
    }

    /** Runs a cmdlet, checks its exit code and returns what it printed. */
    private static String cli(Map<String, String> env, int expected, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CliRunner.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env);
        assertThat(code).as(String.join(" ", args) + ": " + err.toString(StandardCharsets.UTF_8)).isEqualTo(expected);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> get(MmsService service, String path, String token) throws Exception {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + path)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
