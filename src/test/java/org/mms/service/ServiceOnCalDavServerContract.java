package org.mms.service;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mms.calendar.CalendarObject;
import org.mms.calendar.SplitCalendar;
import org.mms.config.ServiceConfig;
import org.mms.testing.CalDavServer;
import org.mms.testing.CalendarContent;
import org.mms.testing.CalendarResources;
import org.mms.testing.GoldenRule;
import org.mms.testing.PlainCalDavClient;
import org.mms.testing.UndoGoldenRule;
import tools.jackson.databind.JsonNode;

/**
 * The service against a real CalDAV server, driven as an admin drives it: a calendar on the server
 * that another client filled with the shapes of the engine's fixtures (Teams and Skype blocks in
 * several languages, Unicode, series with past and future overrides, and every kind of meeting a
 * migration leaves alone), the store pointed at the server with {@code Set-CsCalendarStore}, the
 * organizer's dial-in number changed with a cmdlet. Then, on the server: every migrated meeting, as
 * the server renders it, equals the server's rendering of the original outside the block; everything
 * else is byte-identical with its ETag unchanged; one update message per migrated meeting.
 */
abstract class ServiceOnCalDavServerContract {

    /** The moment the fixtures are written against (see fixtures/ics/README.md). */
    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    static final String ALICE = "alice@contoso.com";
    static final String NEW_TOLL = "+14255550175";
    static final String NEW_TOLL_SHOWN = "+1 425-555-0175";
    /** The new number with Alice's conference ID, as a CONFERENCE line carries it. */
    static final String NEW_TOLL_TEL = "tel:" + NEW_TOLL + "%2c%2c241752659%23";

    /**
     * Fixture files left out: those with meetings the engine refuses to migrate (the request would
     * stay failed and the others would be retried), and the file with two meetings without a UID.
     */
    static final Set<String> LEFT_OUT = Set.of("no-uid-twins.ics");

    @TempDir
    Path dir;

    /** The server, started once for the class. */
    protected abstract CalDavServer server();

    @Test
    void a_dial_in_change_migrates_the_fixture_meetings_on_the_server_and_leaves_everything_else_alone() throws Exception {
        CalDavServer server = server();
        Map<URI, Expected> seeded = seedFixtures(server);
        Map<URI, PlainCalDavClient.Fetched> before = fetch(server, seeded);

        try (MmsService service = startService()) {
            AdminShell admin = setUp(service, server.password());
            String shown = admin.run("Get-CsCalendarStore");
            assertThat(shown).contains(server.baseUrl().toString());
            server.password().ifPresent(password -> assertThat(shown).doesNotContain(password));

            admin.run("Set-CsOnlineDialInConferencingUser", "-Identity", ALICE, "-ServiceNumber", NEW_TOLL);
            JsonNode statuses = admin.waitForMigrations(Duration.ofSeconds(120));

            assertThat(statuses).hasSize(1);
            JsonNode status = statuses.get(0);
            assertThat(status.path("State").asString()).as(status.toString()).isEqualTo("Succeeded");
            assertThat(status.path("FailedMeeting").asInt()).as(status.toString()).isZero();
            int invites = status.path("InvitesUpdate").asInt();

            int migrated = 0;
            try (PlainCalDavClient client = new PlainCalDavClient(server)) {
                for (Map.Entry<URI, Expected> entry : seeded.entrySet()) {
                    PlainCalDavClient.Fetched was = before.get(entry.getKey());
                    PlainCalDavClient.Fetched now = client.get(entry.getKey());
                    String what = entry.getValue().file() + " at " + entry.getKey();
                    if (entry.getValue().migrates()) {
                        migrated++;
                        assertThat(now.etag()).as("ETag of the migrated %s", what).isNotEqualTo(was.etag());
                        String stored = new String(now.data(), UTF_8).replace("\r\n ", "");
                        assertThat(stored).as(what).contains(NEW_TOLL_SHOWN);
                        // The RFC 7986 line MMS adds keeps its conference ID as the server stores it.
                        assertThat(stored).as("the stored CONFERENCE line of %s", what).contains(":" + NEW_TOLL_TEL);
                        GoldenRule.checkRendering(was.data(), now.data(), CalendarContent::line);
                    } else {
                        assertThat(now.etag()).as("ETag of the untouched %s", what).isEqualTo(was.etag());
                        assertThat(now.data()).as("the untouched %s", what).isEqualTo(was.data());
                    }
                }
            }
            assertThat(migrated).as("meetings the fixtures say migrate").isGreaterThan(20);
            assertThat(invites).as("neither server schedules: MMS sends, at most one message per migrated meeting")
                    .isPositive().isLessThanOrEqualTo(migrated);
            assertThat(waitForMessages(service.config().mail().pickupDirectory(), invites)).hasSize(invites);
        }
    }

    @Test
    void undoing_the_migration_gives_each_meeting_back_on_the_server_as_it_was_outside_sequence_and_dtstamp() throws Exception {
        CalDavServer server = server();
        Map<URI, Expected> seeded = seedFixtures(server);
        Map<URI, PlainCalDavClient.Fetched> before = fetch(server, seeded);

        try (MmsService service = startService()) {
            AdminShell admin = setUp(service, server.password());
            admin.run("Set-CsOnlineDialInConferencingUser", "-Identity", ALICE, "-ServiceNumber", NEW_TOLL);
            JsonNode migration = admin.waitForMigrations(Duration.ofSeconds(120)).get(0);
            assertThat(migration.path("State").asString()).as(migration.toString()).isEqualTo("Succeeded");
            Map<URI, PlainCalDavClient.Fetched> migrated = fetch(server, seeded);

            admin.run("Undo-CsMeetingMigration", "-CorrelationId", migration.path("CorrelationId").asString());
            JsonNode statuses = admin.waitForMigrations(Duration.ofSeconds(120));

            JsonNode undo = statuses.get(1);
            assertThat(undo.path("MigrationType").asString()).isEqualTo("Undo");
            assertThat(undo.path("State").asString()).as(undo.toString()).isEqualTo("Succeeded");
            assertThat(undo.path("SucceededMeeting").asInt()).isEqualTo(migration.path("SucceededMeeting").asInt());
            int putBack = 0;
            try (PlainCalDavClient client = new PlainCalDavClient(server)) {
                for (Map.Entry<URI, Expected> entry : seeded.entrySet()) {
                    PlainCalDavClient.Fetched now = client.get(entry.getKey());
                    String what = entry.getValue().file() + " at " + entry.getKey();
                    if (entry.getValue().migrates()) {
                        putBack++;
                        UndoGoldenRule.check(what, before.get(entry.getKey()).data(), now.data());
                    } else {
                        assertThat(now.etag()).as("ETag of the untouched %s", what).isEqualTo(migrated.get(entry.getKey()).etag());
                    }
                }
            }
            assertThat(putBack).isGreaterThan(20);
            int messages = migration.path("InvitesUpdate").asInt() + undo.path("InvitesUpdate").asInt();
            assertThat(undo.path("InvitesUpdate").asInt()).isEqualTo(migration.path("InvitesUpdate").asInt());
            assertThat(waitForMessages(service.config().mail().pickupDirectory(), messages)).hasSize(messages);
        }
    }

    /**
     * Alice's calendar made anew on the server (an earlier test's goes first) and filled by another client with the
     * fixtures' meetings, one resource per UID, each with what it should do.
     */
    static Map<URI, Expected> seedFixtures(CalDavServer server) {
        Map<URI, Expected> seeded = new LinkedHashMap<>();
        try (PlainCalDavClient client = new PlainCalDavClient(server)) {
            client.delete(server.calendarUrl("alice"));
            URI calendar = server.makeCalendar("alice");
            for (Map.Entry<String, Map<String, Boolean>> file : fixtureOutcomes().entrySet()) {
                for (CalendarObject resource : SplitCalendar.of(CalendarResources.icsFixture(file.getKey())).resources()) {
                    Boolean migrates = file.getValue().get(resource.uid());
                    assertThat(migrates).as("expectations.tsv has a row for %s %s", file.getKey(), resource.uid()).isNotNull();
                    URI url = calendar.resolve(resource.ref().href());
                    assertThat(client.create(url, resource.data())).as("seeding %s from %s", url, file.getKey()).isEqualTo(201);
                    seeded.put(url, new Expected(file.getKey(), migrates));
                }
            }
        }
        return seeded;
    }

    /** Each seeded meeting as the server gives it back now. */
    static Map<URI, PlainCalDavClient.Fetched> fetch(CalDavServer server, Map<URI, Expected> seeded) {
        Map<URI, PlainCalDavClient.Fetched> now = new HashMap<>();
        try (PlainCalDavClient client = new PlainCalDavClient(server)) {
            seeded.keySet().forEach(url -> now.put(url, client.get(url)));
        }
        return now;
    }

    /** The service on a fresh H2 database in the test's directory, one worker, its clock at {@link #NOW}. */
    MmsService startService() throws IOException {
        return startService(dir);
    }

    static MmsService startService(Path dir) throws IOException {
        ServiceConfig config = ServiceConfig.defaults(dir.resolve("data")).withHttp(new ServiceConfig.Http("127.0.0.1", 0))
                .withWorkers(new ServiceConfig.Workers(1, Duration.ofMillis(50), Duration.ofMinutes(2)));
        return MmsService.start(config, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /**
     * Alice's directory imported, no settle window, the store on the server signed in with {@code password};
     * {@code extra} parameters of Set-CsCalendarStore such as {@code -SkipValidation} (to save a wrong password).
     */
    AdminShell setUp(MmsService service, Optional<String> password, String... extra) throws IOException {
        return setUp(dir, server(), service, password, extra);
    }

    static AdminShell setUp(Path dir, CalDavServer server, MmsService service, Optional<String> password, String... extra)
            throws IOException {
        AdminShell admin = new AdminShell(service, service.config().dataDir());
        Path directory = dir.resolve("directory.json");
        Files.writeString(directory, directoryJson());
        admin.run("Import-CsDirectory", "-Path", directory.toString());
        admin.run("Set-CsTenantMigrationConfiguration", "-SettleWindowSeconds", "0");
        List<String> store = new ArrayList<>(List.of(storeCommand(server, password)));
        store.addAll(List.of(extra));
        admin.run(store.toArray(String[]::new));
        return admin;
    }

    /** Whether a seeded resource should change: it does when any of its meetings is to be migrated. */
    record Expected(String file, boolean migrates) {
    }

    /** For each fixture file kept, its UIDs and whether a meeting of that UID migrates. */
    static Map<String, Map<String, Boolean>> fixtureOutcomes() {
        Map<String, Map<String, Boolean>> files = new LinkedHashMap<>();
        Set<String> failing = new java.util.HashSet<>();
        for (String line : new String(CalendarResources.icsFixture("expectations.tsv"), UTF_8).split("\r?\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] row = line.split("\t");
            if (row[3].startsWith("fail:")) {
                failing.add(row[0]);
            }
            files.computeIfAbsent(row[0], f -> new HashMap<>()).merge(row[1], row[3].equals("migrate"), Boolean::logicalOr);
        }
        files.keySet().removeIf(f -> failing.contains(f) || LEFT_OUT.contains(f));
        return files;
    }

    /** Set-CsCalendarStore pointing at the server, each user's calendar where the test server keeps it. */
    static String[] storeCommand(CalDavServer server, Optional<String> password) {
        List<String> args = new ArrayList<>(List.of("Set-CsCalendarStore", "-Kind", "CalDav", "-Url", server.baseUrl().toString(),
                "-CalendarPath", server.calendarPathTemplate().replace("{name}", "{user}")));
        server.username().ifPresent(user -> args.addAll(List.of("-UserName", user)));
        password.ifPresent(given -> args.addAll(List.of("-Password", given)));
        return args.toArray(String[]::new);
    }

    /**
     * Alice (alias alice.smith@), the organizer of the fixtures, on Teams with a dial-in bridge; her object id is
     * the one her Teams links in the fixtures name, which shows her meetings exported without the add-in's properties.
     */
    static String directoryJson() {
        return """
                {
                  "tenant": {"name": "Contoso", "domains": ["contoso.com"], "onlineMeetingUrl": "https://meet.lync.com/contoso",
                             "localNumbersUrl": "https://dialin.teams.microsoft.com/ca398836?id=241752659",
                             "pinResetUrl": "https://dialin.teams.microsoft.com/usp/pstnconferencing",
                             "helpUrl": "https://aka.ms/JoinTeamsMeeting"},
                  "bridges": [{"name": "Contoso Bridge", "defaultNumber": "+13238494874", "numbers": [
                    {"number": "+13238494874", "kind": "toll", "display": "+1 323-849-4874", "city": "United States, Los Angeles"},
                    {"number": "+18666799995", "kind": "toll-free", "display": "(866) 679-9995", "city": "United States"},
                    {"number": "+14255550175", "kind": "toll", "display": "+1 425-555-0175", "city": "United States, Redmond"}]}],
                  "users": [
                    {"upn": "alice@contoso.com", "displayName": "Alice Smith", "aliases": ["alice.smith@contoso.com"],
                     "objectId": "b7d1c2e4-8f3a-4c6b-9e2d-1a5f7c3b9d80", "hosting": "online", "meetingType": "teams", "mailbox": "reachable",
                     "audioConferencing": {"licensed": true, "enabled": true, "provider": "microsoft", "bridge": "Contoso Bridge",
                       "serviceNumber": "+13238494874", "conferenceId": "241752659", "publicMeetings": true}}
                  ]
                }
                """;
    }

    static List<Path> waitForMessages(Path pickup, int expected) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            List<Path> files = listEml(pickup);
            if (files.size() >= expected || Instant.now().isAfter(deadline)) {
                return files;
            }
            Thread.sleep(100);
        }
    }

    private static List<Path> listEml(Path dir) {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".eml")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
