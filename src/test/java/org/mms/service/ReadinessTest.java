package org.mms.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mms.access.Role;
import org.mms.api.ApiServer;
import org.mms.config.ServiceConfig;
import org.mms.db.JdbcAccessControl;
import org.mms.testing.RawHttp;
import org.mms.testing.ServiceHarness;

/**
 * {@code GET /ready} tells whether the process can do its work: the database usable, every loop alive
 * and not stuck. The reason goes to a caller with a valid token; anyone else learns only "not ready".
 */
class ReadinessTest {

    /** What an unauthenticated answer must never carry: names of threads, drivers, SQL, exception types. */
    private static final List<String> INTERNAL = List.of("worker", "sender", "housekeeping", "jdbc", "SQL", "h2", "Exception", "pool",
            "tenant");

    @TempDir
    Path dir;

    private ServiceHarness harness;
    private ApiServer api;
    private RawHttp http;
    private Map<String, String> reader;
    private final List<Loop> loops = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() {
        harness = new ServiceHarness(dir.resolve("pickup"), Instant.now());
        JdbcAccessControl access = new JdbcAccessControl(harness.db, Clock.systemUTC());
        String token = access.issue(ServiceHarness.TENANT, "monitoring", Role.READER, Optional.empty()).secret();
        reader = Map.of("Authorization", "Bearer " + token);
        api = new ApiServer(harness.admin, access, new CheckReadiness(harness.db, () -> loops), Clock.systemUTC()).start("127.0.0.1", 0);
        http = new RawHttp(api.port());
    }

    @AfterEach
    void stop() {
        release.countDown();
        loops.forEach(Loop::stop);
        loops.forEach(Loop::awaitStop);
        api.stop();
        harness.close();
    }

    private Loop running(String name, Duration stallAfter, java.util.function.BooleanSupplier step) {
        Loop loop = new Loop(name, Duration.ofMillis(10), stallAfter, step);
        loops.add(loop);
        loop.start();
        return loop;
    }

    private static void assertNoInternalText(RawHttp.Response r) {
        assertThat(INTERNAL).allSatisfy(word -> assertThat(r.body()).as(r.toString()).doesNotContainIgnoringCase(word));
    }

    private RawHttp.Response awaitStatus(int status, Map<String, String> headers) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        RawHttp.Response r = http.send("GET", "/ready", headers, null);
        while (r.status() != status && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
            r = http.send("GET", "/ready", headers, null);
        }
        return r;
    }

    @Test
    void a_process_whose_database_answers_and_whose_loops_turn_is_ready() throws InterruptedException {
        running("migration-worker-1", Duration.ofMinutes(2), () -> false);
        running("outbox-sender-1", Duration.ofMinutes(2), () -> false);

        RawHttp.Response r = awaitStatus(200, Map.of());

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(http.send("GET", "/ready", reader, null).body()).contains("\"ready\"");
    }

    @Test
    void a_loop_stuck_in_one_turn_makes_the_process_not_ready_and_a_caller_with_a_token_learns_which() throws InterruptedException {
        running("outbox-sender-1", Duration.ofMinutes(2), () -> false);
        running("migration-worker-1", Duration.ofMillis(200), () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        });

        RawHttp.Response withToken = awaitStatus(503, reader);
        RawHttp.Response anonymous = http.send("GET", "/ready", Map.of(), null);

        assertThat(withToken.status()).isEqualTo(503);
        assertThat(withToken.body()).contains("migration-worker-1 has shown no sign of life for").doesNotContain("outbox-sender-1");
        assertThat(anonymous.status()).isEqualTo(503);
        assertNoInternalText(anonymous);

        release.countDown();
        assertThat(awaitStatus(200, reader).status()).as("ready again once the turn ends").isEqualTo(200);
    }

    @Test
    void a_loop_whose_thread_is_not_running_makes_the_process_not_ready() throws InterruptedException {
        Loop stopped = running("housekeeping", Duration.ofMinutes(2), () -> false);
        stopped.stop();
        stopped.awaitStop();

        RawHttp.Response r = awaitStatus(503, reader);

        assertThat(r.status()).isEqualTo(503);
        assertThat(r.body()).contains("housekeeping is not running");
    }

    @Test
    void a_thread_that_died_and_was_replaced_shows_in_the_reason_for_a_while() throws InterruptedException {
        int[] turns = {0};
        running("migration-worker-2", Duration.ofMinutes(2), () -> {
            if (++turns[0] == 1) {
                throw new OutOfMemoryError("a 2 GB calendar");
            }
            return false;
        });

        RawHttp.Response r = awaitStatus(503, reader);

        assertThat(r.status()).isEqualTo(503);
        assertThat(r.body()).contains("migration-worker-2's thread died 1 time(s)").contains("a new thread replaced it");
        assertThat(r.body()).doesNotContain("2 GB").doesNotContain("OutOfMemory");
    }

    @Test
    void a_database_without_its_tables_makes_the_process_not_ready_with_a_code_and_no_sql() throws Exception {
        running("migration-worker-1", Duration.ofMinutes(2), () -> false);
        harness.db.jdbi().useHandle(h -> h.execute("ALTER TABLE tenant RENAME TO tenant_moved"));

        RawHttp.Response withToken = awaitStatus(503, reader);
        RawHttp.Response anonymous = http.send("GET", "/ready", Map.of(), null);

        assertThat(withToken.status()).isEqualTo(503);
        assertThat(withToken.body()).containsPattern("the database cannot be used \\(internal error [0-9a-f]{8}")
                .doesNotContainIgnoringCase("SQL").doesNotContain("tenant_moved").doesNotContain("Exception");
        assertThat(anonymous.status()).isEqualTo(503);
        assertNoInternalText(anonymous);
    }

    @Test
    void a_closed_database_makes_the_process_not_ready() throws InterruptedException {
        running("migration-worker-1", Duration.ofMinutes(2), () -> false);
        harness.db.close();

        RawHttp.Response anonymous = awaitStatus(503, Map.of());
        RawHttp.Response withToken = http.send("GET", "/ready", reader, null);

        assertThat(anonymous.status()).isEqualTo(503);
        assertNoInternalText(anonymous);
        assertThat(withToken.status()).as("tokens live in the closed database: the caller is not known").isEqualTo(503);
        assertNoInternalText(withToken);
    }

    @Test
    void the_service_whose_embedded_database_is_gone_answers_503_and_its_exit_does_not_end_this_jvm() throws Exception {
        ServiceConfig config = ServiceConfig.defaults(dir.resolve("data")).withHttp(new ServiceConfig.Http("127.0.0.1", 0))
                .withWorkers(new ServiceConfig.Workers(1, Duration.ofMillis(50), Duration.ofMinutes(2)));
        List<Integer> exits = new CopyOnWriteArrayList<>();
        try (MmsService service = MmsService.start(config, Clock.systemUTC(), MmsService.Role.API_AND_WORKERS, exits::add)) {
            RawHttp served = new RawHttp(service.port());
            Map<String, String> admin = Map.of("Authorization", "Bearer " + Files.readString(dir.resolve("data/admin-token")).strip());
            assertThat(served.send("GET", "/ready", admin, null).status()).isEqualTo(200);

            try (Connection c = DriverManager.getConnection(config.database().url(), config.database().user(), config.database().password());
                    Statement s = c.createStatement()) {
                s.execute("SHUTDOWN IMMEDIATELY");
            }
            try (Stream<Path> files = Files.list(dir.resolve("data"))) {
                for (Path file : files.filter(f -> f.getFileName().toString().startsWith("mms.")).toList()) {
                    Files.delete(file);
                }
            }

            Instant deadline = Instant.now().plusSeconds(10);
            RawHttp.Response r = served.send("GET", "/ready", Map.of(), null);
            while (r.status() != 503 && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
                r = served.send("GET", "/ready", Map.of(), null);
            }
            assertThat(r.status()).as(r.toString()).isEqualTo(503);
            assertNoInternalText(r);
        }
        assertThat(exits).allMatch(status -> status == WatchDatabase.EXIT_CODE);
    }
}
