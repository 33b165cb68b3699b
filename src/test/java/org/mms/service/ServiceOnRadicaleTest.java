package org.mms.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mms.config.ServiceConfig;
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
        Path data = dir.resolve("data");
        ServiceConfig config = ServiceConfig.defaults(data).withHttp(new ServiceConfig.Http("127.0.0.1", 0))
                .withWorkers(new ServiceConfig.Workers(1, Duration.ofMillis(50), Duration.ofMinutes(2)));
        String wrong = "wrong-" + server.password().orElseThrow();
        try (MmsService service = MmsService.start(config, Clock.fixed(NOW, ZoneOffset.UTC))) {
            AdminShell admin = new AdminShell(service, data);
            Path directory = dir.resolve("directory.json");
            Files.writeString(directory, directoryJson());
            admin.run("Import-CsDirectory", "-Path", directory.toString());
            admin.run("Set-CsTenantMigrationConfiguration", "-SettleWindowSeconds", "0");
            admin.run("Set-CsCalendarStore", "-Kind", "CalDav", "-Url", server.baseUrl().toString(),
                    "-CalendarPath", server.calendarPathTemplate().replace("{name}", "{user}"),
                    "-UserName", RadicaleServer.USER, "-Password", wrong);

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
