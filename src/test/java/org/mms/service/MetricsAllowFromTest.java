package org.mms.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mms.config.LoadConfig;
import org.mms.config.ServiceConfig;

/**
 * {@code metrics.allowFrom}: a scraper on a listed network reads {@code /metrics} without a token; from
 * anywhere else the token is still needed, and the other routes never open up.
 */
class MetricsAllowFromTest {

    @TempDir
    Path dir;

    @Test
    void an_address_in_allow_from_reads_the_metrics_without_a_token_and_nothing_else() throws Exception {
        try (MmsService service = MmsService.start(config("allow-loopback.json"), Clock.systemUTC())) {
            HttpResponse<String> scrape = get(service, "/metrics", null);

            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.body()).contains("mms_migrations{").contains("mms_loop_up{");
            assertThat(get(service, "/api/v1/migrations", null).statusCode()).as("only /metrics opens to the network").isEqualTo(401);
            assertThat(get(service, "/api/v1/tenants", null).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void an_address_outside_allow_from_still_needs_the_metrics_token() throws Exception {
        try (MmsService service = MmsService.start(config("allow-elsewhere.json"), Clock.systemUTC())) {
            String token = Files.readString(dir.resolve("data").resolve(MmsService.METRICS_TOKEN_FILE)).strip();

            assertThat(get(service, "/metrics", null).statusCode()).isEqualTo(401);
            assertThat(get(service, "/metrics", token).statusCode()).isEqualTo(200);
            assertThat(service.config().describe()).contains("metrics: GET /metrics with a Metrics token, or without one from [10.20.0.0/16, fd00:1::/32]");
        }
    }

    @Test
    void blocks_that_are_not_address_literals_are_refused_with_every_problem_named() throws Exception {
        assertThatThrownBy(() -> config("allow-bad.json"))
                .isInstanceOf(LoadConfig.InvalidConfigException.class)
                .hasMessageContaining("4 problems")
                .hasMessageContaining("'10.0.0.0/33' has a prefix length that is not 0 to 32")
                .hasMessageContaining("'monitoring.contoso.com' is not an IP address")
                .hasMessageContaining("'300.1.1.1' is not an IP address")
                .hasMessageContaining("unknown setting \"metrics.token\"");
    }

    @Test
    void the_environment_gives_the_blocks_comma_separated_and_wins_over_the_file() throws Exception {
        ServiceConfig config = LoadConfig.load(Optional.of(dir.resolve("data")), Optional.of(fixture("allow-loopback.json")),
                Map.of("MMS_METRICS_ALLOW_FROM", "192.0.2.0/24, 198.51.100.7"));

        assertThat(config.metrics().allowFrom()).extracting(Object::toString).containsExactly("192.0.2.0/24", "198.51.100.7");
        assertThat(LoadConfig.load(Optional.of(dir), Optional.empty(), Map.of()).metrics().allowFrom()).as("token only by default").isEmpty();
    }

    private ServiceConfig config(String fixture) throws Exception {
        return LoadConfig.load(Optional.of(dir.resolve("data")), Optional.of(fixture(fixture)), Map.of());
    }

    private static Path fixture(String name) throws Exception {
        return Path.of(Objects.requireNonNull(MetricsAllowFromTest.class.getResource("/fixtures/metrics/" + name), name).toURI());
    }

    private static HttpResponse<String> get(MmsService service, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
