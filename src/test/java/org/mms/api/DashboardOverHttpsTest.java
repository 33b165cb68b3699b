package org.mms.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mms.dashboard.DashboardQueries;
import org.mms.dashboard.DashboardRoutes;
import org.mms.directory.TenantId;
import org.mms.testing.RunningApi;
import org.mms.testing.StubAdmin;

/** The dashboard behind HTTPS: its session cookie is marked Secure there (and only there, see DashboardHttpTest). */
class DashboardOverHttpsTest {

    @TempDir
    Path dir;

    @Test
    void overHttpsTheSessionCookieIsSecureHttpOnlyAndSameSiteStrict() throws Exception {
        KeyStore generated = ApiHttpsTest.selfSigned(dir);
        Certificate certificate = generated.getCertificate("mms");
        Path certPem = Files.writeString(dir.resolve("cert.pem"), ApiHttpsTest.pem("CERTIFICATE", certificate.getEncoded()));
        Path keyPem = Files.writeString(dir.resolve("key.pem"),
                ApiHttpsTest.pem("PRIVATE KEY", generated.getKey("mms", "changeit".toCharArray()).getEncoded()));
        StubAdmin admin = new StubAdmin();
        AdminTokensOnly access = new AdminTokensOnly(token -> Optional.ofNullable(token.equals(RunningApi.CONTOSO_TOKEN) ? RunningApi.CONTOSO : null));
        ApiServer server = new ApiServer(admin, access, ReadinessCheck.Readiness::ok, Clock.systemUTC())
                .withDashboard(new DashboardRoutes(admin, access, new NoActivity(), Clock.systemUTC()))
                .start("127.0.0.1", 0, Optional.of(new Tls(certPem, keyPem)));
        try {
            HttpClient client = ApiHttpsTest.trusting(certificate);

            HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port() + "/sign-in"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(RunningApi.CONTOSO_TOKEN, StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(signedIn.statusCode()).isEqualTo(303);
            assertThat(signedIn.headers().firstValue("Set-Cookie").orElseThrow()).contains("; Secure", "; HttpOnly", "; SameSite=Strict");
            assertThat(signedIn.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("frame-ancestors 'none'");
        } finally {
            server.stop();
        }
    }

    /** A tenant where nothing has happened yet. */
    private static final class NoActivity implements DashboardQueries {
        @Override
        public List<MeetingChange> changes(TenantId tenant, String correlationId) {
            return List.of();
        }

        @Override
        public long[] migrated(TenantId tenant, Instant from, Duration step, int buckets) {
            return new long[buckets];
        }

        @Override
        public java.util.Optional<Instant> noticeSentAt(TenantId tenant, String correlationId) {
            return java.util.Optional.empty();
        }

        @Override
        public long finishedSince(TenantId tenant, Instant since) {
            return 0;
        }

        @Override
        public Map<String, Long> updates(TenantId tenant) {
            return Map.of();
        }

        @Override
        public Page<org.mms.admin.Views.MigrationStatus> migrations(TenantId tenant, MigrationFilter filter, PageRequest page) {
            return new Page<>(List.of(), 1, page.size(), 0);
        }

        @Override
        public Page<org.mms.admin.Views.TriggerDecision> decisions(TenantId tenant, java.util.Optional<org.mms.directory.UserId> user,
                PageRequest page) {
            return new Page<>(List.of(), 1, page.size(), 0);
        }
    }
}
