package org.mms.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mms.testing.RunningApi.CONTOSO_TOKEN;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mms.testing.RunningApi;
import org.mms.testing.StubAdmin;

/** Starting on a free port, and stopping gracefully: no new connections, requests in flight finish. */
class ApiServerLifecycleTest {

    @Test
    void port_zero_binds_a_free_port_and_reports_it() {
        try (RunningApi a = new RunningApi(); RunningApi b = new RunningApi()) {
            assertThat(a.server.port()).isPositive().isNotEqualTo(b.server.port());
            assertThat(new Http(a.baseUrl(), null).get("/health").status()).isEqualTo(200);
            assertThat(new Http(b.baseUrl(), null).get("/health").status()).isEqualTo(200);
        }
    }

    @Test
    void a_started_server_cannot_be_started_again() {
        try (RunningApi api = new RunningApi()) {
            assertThatThrownBy(() -> api.server.start("127.0.0.1", 0)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void a_server_whose_port_is_taken_fails_to_start_and_can_then_start_elsewhere() throws IOException {
        ApiServer server = new ApiServer(new StubAdmin(), token -> Optional.empty(), ReadinessCheck.alwaysReady());
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> server.start("127.0.0.1", taken.getLocalPort())).isInstanceOf(RuntimeException.class);
        }
        try {
            server.start("127.0.0.1", 0);
            assertThat(new Http("http://127.0.0.1:" + server.port(), null).get("/health").status()).isEqualTo(200);
            assertThat(server.routes()).contains(new Route("GET", "/health"));
        } finally {
            server.stop();
        }
    }

    @Test
    void stop_refuses_new_connections_but_lets_a_request_in_flight_finish() throws Exception {
        RunningApi api = new RunningApi();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        api.admin.hold("bridges", entered, release);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        // Taken before stopping: a stopped server no longer knows its port.
        String base = api.baseUrl();
        CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/v1/bridges"))
                .header("Authorization", "Bearer " + CONTOSO_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(entered.await(10, TimeUnit.SECONDS)).as("the request reached the facade").isTrue();

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(api::close);
        assertThat(refusesConnections(base, Duration.ofSeconds(10))).as("the listener closes while the request is held").isTrue();
        assertThat(inFlight).isNotDone();
        assertThat(stopping).isNotDone();

        release.countDown();
        HttpResponse<String> response = inFlight.get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Conference Bridge");
        stopping.get(10, TimeUnit.SECONDS);
    }

    @Test
    void stopping_twice_is_harmless() {
        RunningApi api = new RunningApi();
        api.close();
        api.close();
    }

    /** Whether a fresh connection is refused within {@code patience}; a new client each time, so no pooled connection is reused. */
    private static boolean refusesConnections(String base, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            try (HttpClient fresh = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(1)).build()) {
                fresh.send(HttpRequest.newBuilder(URI.create(base + "/health")).timeout(Duration.ofSeconds(1)).build(),
                        HttpResponse.BodyHandlers.discarding());
            } catch (ConnectException e) {
                return true;
            } catch (IOException e) {
                // accepted, then closed or timed out while shutting down: not yet the refusal we wait for
            }
            Thread.sleep(20);
        }
        return false;
    }
}
