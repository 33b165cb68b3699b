package org.mms.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mms.config.LoadConfig;
import org.mms.config.ServiceConfig;
import org.mms.testing.RawHttp;

/**
 * A {@code --workers-only} process serves no API, yet its orchestrator must see whether it can work and
 * Prometheus must see its workers: with {@code metrics.port} it answers {@code /health}, {@code /ready} and
 * {@code /metrics} there, under the same token rules, and nothing else.
 */
class WorkersOnlyProcessTest {

    @TempDir
    Path dir;

    private ServiceConfig config;
    private String adminToken;
    private String metricsToken;

    @BeforeEach
    void firstStartWithTheApi() throws Exception {
        config = LoadConfig.load(Optional.of(dir.resolve("data")), Optional.of(fixture("workers-only.json")), Map.of());
        // The process with the API makes the first tenant and the tokens; a workers-only process never does.
        try (MmsService api = MmsService.start(config, Clock.systemUTC())) {
            adminToken = Files.readString(dir.resolve("data").resolve(MmsService.ADMIN_TOKEN_FILE)).strip();
            metricsToken = Files.readString(dir.resolve("data").resolve(MmsService.METRICS_TOKEN_FILE)).strip();
        }
    }

    @Test
    void with_a_metrics_port_it_answers_health_readiness_and_metrics_and_no_tenant_route() throws Exception {
        try (MmsService workers = MmsService.start(config, Clock.systemUTC(), MmsService.Role.WORKERS_ONLY)) {
            assertThat(get(workers, "/health", null).status()).isEqualTo(200);
            RawHttp.Response ready = awaitReady(workers);
            assertThat(ready.body()).contains("\"status\":\"ready\"");

            RawHttp.Response scrape = get(workers, "/metrics", metricsToken);
            assertThat(scrape.status()).isEqualTo(200);
            assertThat(scrape.body()).contains("mms_loop_up{").contains("migration-worker-1").contains("jvm_memory_used_bytes");
            assertThat(get(workers, "/metrics", null).status()).as("the metrics token is still needed").isEqualTo(401);

            assertThat(get(workers, "/api/v1/migrations", adminToken).status()).as("no tenant route").isEqualTo(404);
            assertThat(get(workers, "/api/v1/tenant/migration-configuration", adminToken).status()).isEqualTo(404);
            assertThat(get(workers, "/", null).status()).as("no dashboard").isEqualTo(404);
        }
    }

    @Test
    void without_a_metrics_port_it_listens_nowhere() throws Exception {
        ServiceConfig silent = config.withMetrics(new ServiceConfig.Metrics(config.metrics().allowFrom()));
        try (MmsService workers = MmsService.start(silent, Clock.systemUTC(), MmsService.Role.WORKERS_ONLY)) {
            assertThatThrownBy(workers::port).isInstanceOf(IllegalStateException.class).hasMessageContaining("not started");
        }
    }

    @Test
    void a_metrics_port_on_a_public_address_without_tls_is_refused_as_the_api_would_be() {
        ServiceConfig exposed = config.withHttp(new ServiceConfig.Http("0.0.0.0", 0));

        assertThatThrownBy(() -> MmsService.start(exposed, Clock.systemUTC(), MmsService.Role.WORKERS_ONLY))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("refusing to start");
    }

    @Test
    void the_port_comes_from_the_file_or_the_environment_and_must_be_a_port() throws Exception {
        assertThat(config.metrics().port()).contains(0);
        assertThat(LoadConfig.load(Optional.of(dir), Optional.of(fixture("workers-only.json")), Map.of("MMS_METRICS_PORT", "9470"))
                .metrics().port()).as("the environment wins").contains(9470);
        assertThat(LoadConfig.load(Optional.of(dir), Optional.empty(), Map.of()).metrics().port()).as("none by default").isEmpty();
        assertThat(LoadConfig.load(Optional.of(dir), Optional.empty(), Map.of("MMS_METRICS_PORT", "9470")).describe())
                .contains("a workers-only process answers /health, /ready and /metrics on port 9470");

        assertThatThrownBy(() -> LoadConfig.load(Optional.of(dir), Optional.empty(), Map.of("MMS_METRICS_PORT", "70000")))
                .hasMessageContaining("metrics.port must be between 0 and 65535, not 70000");
        assertThatThrownBy(() -> LoadConfig.load(Optional.of(dir), Optional.empty(), Map.of("MMS_METRICS_PORT", "ninety")))
                .hasMessageContaining("metrics.port must be a whole number, not \"ninety\"");
    }

    private static RawHttp.Response awaitReady(MmsService service) throws Exception {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        RawHttp.Response last = get(service, "/ready", null);
        while (last.status() != 200 && Instant.now().isBefore(until)) {
            Thread.sleep(100);
            last = get(service, "/ready", null);
        }
        assertThat(last.status()).as(last.body()).isEqualTo(200);
        return last;
    }

    private static Path fixture(String name) throws Exception {
        return Path.of(Objects.requireNonNull(WorkersOnlyProcessTest.class.getResource("/fixtures/metrics/" + name), name).toURI());
    }

    private static RawHttp.Response get(MmsService service, String path, String token) {
        return new RawHttp(service.port()).send("GET", path, token == null ? Map.of() : Map.of("Authorization", "Bearer " + token), null);
    }
}
