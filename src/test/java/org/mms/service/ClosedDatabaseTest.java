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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mms.config.ServiceConfig;
import org.mms.db.Database;
import org.mms.db.DatabaseConfig;
import org.mms.testing.RawHttp;

/**
 * Defect 7 of issue 13: H2 closed itself (out of memory) and every later call got "The database has
 * been closed" while the process lived on. Here the database is closed under the running service, as
 * H2 does after such a failure, and the service must come back by itself.
 */
class ClosedDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void a_database_that_closed_under_the_service_is_reopened_and_the_api_works_again() throws Exception {
        ServiceConfig config = ServiceConfig.defaults(dir.resolve("data")).withHttp(new ServiceConfig.Http("127.0.0.1", 0))
                .withWorkers(new ServiceConfig.Workers(1, Duration.ofMillis(50), Duration.ofMinutes(2)));
        try (MmsService service = MmsService.start(config, Clock.systemUTC())) {
            RawHttp http = new RawHttp(service.port());
            Map<String, String> auth = Map.of("Authorization", "Bearer " + Files.readString(dir.resolve("data/admin-token")).strip());
            assertThat(http.send("GET", "/api/v1/users", auth, null).status()).isEqualTo(200);

            try (Connection c = DriverManager.getConnection(config.database().url(), config.database().user(), config.database().password());
                    Statement s = c.createStatement()) {
                // What is committed is on disk (H2 writes in the background); then H2 closes as after a fatal error.
                s.execute("CHECKPOINT");
                s.execute("SHUTDOWN IMMEDIATELY");
            }

            Instant deadline = Instant.now().plusSeconds(20);
            RawHttp.Response users = http.send("GET", "/api/v1/users", auth, null);
            while (users.status() != 200 && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
                users = http.send("GET", "/api/v1/users", auth, null);
            }
            assertThat(users.status()).as(users.toString()).isEqualTo(200);
            assertThat(http.send("GET", "/ready", Map.of(), null).status()).isEqualTo(200);
        }
    }

    @Test
    void a_database_that_stays_closed_ends_the_process_with_a_non_zero_status() {
        Database db = Database.open(DatabaseConfig.inMemory("closed-" + java.util.UUID.randomUUID()));
        List<Integer> exits = new ArrayList<>();
        WatchDatabase watch = new WatchDatabase(db, 3, exits::add);

        watch.check();
        assertThat(exits).as("an open database").isEmpty();
        db.close();
        watch.check();
        watch.check();
        assertThat(exits).as("patience: two checks are not yet three").isEmpty();
        watch.check();

        assertThat(exits).containsExactly(WatchDatabase.EXIT_CODE);
        assertThat(WatchDatabase.EXIT_CODE).isNotZero();
    }

    @Test
    void a_database_that_opened_again_without_its_tables_ends_the_process_too() throws Exception {
        DatabaseConfig config = DatabaseConfig.inMemory("emptied-" + java.util.UUID.randomUUID());
        try (Database db = Database.open(config)) {
            List<Integer> exits = new ArrayList<>();
            WatchDatabase watch = new WatchDatabase(db, 2, exits::add);
            watch.check();
            assertThat(exits).isEmpty();

            // An in-memory database closed and opened again is empty, as an embedded file closed before it was written.
            try (Connection c = DriverManager.getConnection(config.url(), config.user(), config.password()); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            }
            watch.check();
            watch.check();

            assertThat(exits).containsExactly(WatchDatabase.EXIT_CODE);
        }
    }
}
