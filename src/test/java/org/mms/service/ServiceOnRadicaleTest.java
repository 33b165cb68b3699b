package org.mms.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mms.testing.CalDavServer;
import org.mms.testing.RadicaleServer;
import tools.jackson.databind.JsonNode;

/** The service on a real Radicale (Debian package), which asks for a password. */
class ServiceOnRadicaleTest extends ServiceOnCalDavServerContract {

    private static RadicaleServer server;

    @BeforeAll
    static void start() {
        server = RadicaleServer.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected CalDavServer server() {
        return server;
    }

    @Test
    void a_wrong_password_fails_the_migration_at_once_with_the_servers_refusal_and_never_shows_the_password() throws Exception {
        String wrong = "wrong-" + server.password().orElseThrow();
        try (MmsService service = startService()) {
            // Saved without the check before saving, which would refuse it (SetCalendarStoreTriesTheServerTest).
            AdminShell admin = setUp(service, Optional.of(wrong), "-SkipValidation");
            admin.run("Start-CsExMeetingMigration", "-Identity", ALICE);
            JsonNode status = admin.waitForMigrations(Duration.ofSeconds(60)).get(0);
            String detail = admin.run("Get-CsMeetingMigrationStatus", "-Identity", ALICE);

            assertThat(status.path("State").asString()).as(status.toString()).isEqualTo("Failed");
            assertThat(status.path("RetryCount").asInt()).as("not retried: retrying cannot fix a password").isZero();
            assertThat(status.toString()).contains("401").contains("Set-CsCalendarStore").doesNotContain(wrong);
            assertThat(detail).doesNotContain(wrong);
        }
    }
}
