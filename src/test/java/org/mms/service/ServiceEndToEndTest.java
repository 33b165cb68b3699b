package org.mms.service;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mms.calendar.Mailbox;
import org.mms.calendar.SplitCalendar;
import org.mms.config.ServiceConfig;
import org.mms.directory.UserId;
import org.mms.sample.SampleOrganization;
import org.mms.testing.GoldenRule;
import tools.jackson.databind.JsonNode;

/**
 * The real service on a free port, driven only through the cmdlets as an admin would: import an
 * organization and its calendars, make the article's changes, wait for the migrations, then check
 * the status, every stored meeting against the golden rule, and the update messages.
 */
class ServiceEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void changes_made_with_the_cmdlets_migrate_the_meetings_and_write_the_update_messages() throws Exception {
        Path data = dir.resolve("data");
        ServiceConfig defaults = ServiceConfig.defaults(data);
        ServiceConfig config = defaults.withHttp(new ServiceConfig.Http("127.0.0.1", 0))
                .withWorkers(new ServiceConfig.Workers(2, Duration.ofMillis(50), Duration.ofMinutes(2)));
        SampleOrganization org = new SampleOrganization(4);
        Instant now = Instant.now();
        try (MmsService service = MmsService.start(config, Clock.systemUTC())) {
            assertThat(service.newTokenFile()).contains(data.resolve("admin-token"));
            AdminShell admin = new AdminShell(service, data);

            Path directory = dir.resolve("directory.json");
            Files.writeString(directory, org.directoryJson());
            admin.run("Import-CsDirectory", "-Path", directory.toString());
            Map<String, byte[]> originals = new HashMap<>();
            for (SampleOrganization.Organizer o : org.organizers()) {
                Path ics = dir.resolve(o.localPart() + ".ics");
                byte[] calendar = org.calendar(o, now, 25, o.upn().hashCode());
                Files.write(ics, calendar);
                admin.run("import-cscalendar", "-identity", o.upn(), "-Path:" + ics);
                SplitCalendar.of(calendar).forEachResource(r -> originals.put(o.upn() + "/" + r.ref().href(), r.data()));
            }
            admin.run("Set-CsTenantMigrationConfiguration", "-SettleWindowSeconds", "0");

            SampleOrganization.Organizer onPrem = org.organizers().getFirst();
            String moved = admin.run("Move-CsUser", "-Identity", onPrem.upn(), "-Target", "sipfed.online.lync.com");
            assertThat(moved).contains("Queue").contains("AllToTeams");
            admin.run("Unregister-CsOnlineDialInConferencingServiceNumber", "-Identity", SampleOrganization.TOLL_FREE,
                    "-BridgeName", SampleOrganization.BRIDGE);

            JsonNode statuses = admin.waitForMigrations(Duration.ofSeconds(90));
            int invites = 0;
            for (JsonNode s : statuses) {
                assertThat(s.path("State").asString()).as(s.toString()).isEqualTo("Succeeded");
                assertThat(s.path("FailedMeeting").asInt()).isZero();
                invites += s.path("InvitesUpdate").asInt();
            }
            assertThat(invites).isPositive();
            String decisions = admin.run("Get-CsMeetingMigrationTriggerDecision", "-Identity", org.organizers().get(1).upn());
            assertThat(decisions).contains("NoMigration");

            List<Path> messages = waitForMessages(config.mail().pickupDirectory(), invites);
            for (Path eml : messages) {
                try (InputStream in = Files.newInputStream(eml)) {
                    MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
                    assertThat(new String(message.getInputStream().readAllBytes(), UTF_8)).isNotEmpty();
                    assertThat(message.getFrom()[0].toString()).contains("@contoso.com");
                }
            }

            int changed = 0;
            for (SampleOrganization.Organizer o : org.organizers()) {
                UserId id = new UserId(service.admin().users(MmsService.FIRST_TENANT, java.util.Optional.of(o.upn())).getFirst().UserId());
                Mailbox mailbox = new Mailbox(MmsService.FIRST_TENANT, id);
                int[] count = {0};
                service.store().forEachCandidate(mailbox, now, now.plus(Duration.ofDays(3650)), 100, r -> {
                    byte[] before = originals.get(o.upn() + "/" + r.ref().href());
                    assertThat(before).as("every stored meeting was imported").isNotNull();
                    if (!java.util.Arrays.equals(before, r.data())) {
                        GoldenRule.checkResource(before, r.data());
                        count[0]++;
                    }
                });
                changed += count[0];
            }
            // With no settle window, the move and the number change may run as two migrations one after the
            // other: a meeting can then get two updates, one per change.
            assertThat(changed).as("every changed meeting got at least one message").isPositive().isLessThanOrEqualTo(invites);

            Path exported = dir.resolve("exported.ics");
            String export = admin.run("Export-CsCalendar", "-Identity", org.organizers().get(3).upn(), "-Path", exported.toString());
            assertThat(export).containsPattern("Meetings\\s*:\\s*[1-9]");
            String exportedText = Files.readString(exported, UTF_8).replace("\r\n ", "");
            assertThat(exportedText).startsWith("BEGIN:VCALENDAR").contains("+1 323-849-4874\\,\\,241752659#");

            HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + service.port() + "/api/v1/migrations")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).isEqualTo(401);
        }
    }

    private static List<Path> waitForMessages(Path pickup, int expected) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            List<Path> files = Files.exists(pickup) ? listEml(pickup) : List.of();
            if (files.size() >= expected || Instant.now().isAfter(deadline)) {
                assertThat(files).hasSize(expected);
                return files;
            }
            Thread.sleep(100);
        }
    }

    private static List<Path> listEml(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".eml")).toList();
        }
    }
}
