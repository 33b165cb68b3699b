package org.mms.service;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mms.block.FindHtmlBlock;
import org.mms.block.BlockSpan;
import org.mms.calendar.graph.emulator.GraphEmulator;
import org.mms.calendar.graph.emulator.Notification;
import org.mms.config.ServiceConfig;
import org.mms.ical.CalendarReader;
import org.mms.ical.Component;
import org.mms.ical.ContentLine;
import org.mms.ical.TextEscaping;
import org.mms.ical.TextValue;
import org.mms.testing.CalendarResources;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code mms serve} with its calendars on Exchange Online, on the Graph emulator, driven as an admin drives it: two
 * organizers whose mailboxes hold Teams and Skype meetings as Outlook's add-in left them (single meetings, series with
 * an exception), a meeting whose block was pasted from someone else's invitation, a past one, and one without the
 * add-in's properties, as an Outlook export leaves them. The store set with {@code Set-CsCalendarStore -Kind Graph},
 * each organizer's dial-in number changed with a cmdlet, while Graph throttles and someone edits a meeting during the
 * run. Then: every migrated event's HTML is Exchange's outside the block, its properties carry the new number, Exchange
 * was asked for exactly one update per migrated event (and {@code InvitesUpdate} says so), MMS wrote no mail of its
 * own, no mailbox ever had more than four requests in flight; and a second run finds nothing to do.
 */
class ServiceOnExchangeOnlineTest {

    private static final String ALICE = "alice@contoso.com";
    private static final String BOB = "bob@contoso.com";
    private static final String NEW_TOLL = "+14255550175";
    private static final String NEW_TOLL_SHOWN = "+1 425-555-0175";
    private static final String PUBLIC_STRINGS = "String {00020329-0000-0000-C000-000000000046} Name ";
    private static final String KEPT_LINES = "String {6b1f3c2e-9a47-4d5b-8e0c-2f7a9d4b1c63} Name MmsKeptLines";
    /** The add-in's named properties behind the X-MICROSOFT-* lines of the iCalendar fixtures. */
    private static final Map<String, String> ADD_IN = Map.of(
            "X-MICROSOFT-ONLINEMEETINGEXTERNALLINK", "OnlineMeetingExternalLink",
            "X-MICROSOFT-ONLINEMEETINGINTERNALLINK", "OnlineMeetingInternalLink",
            "X-MICROSOFT-ONLINEMEETINGCONFLINK", "OnlineMeetingConfLink",
            "X-MICROSOFT-CONFERENCETELURI", "ConferenceTelURI");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    @TempDir
    Path dir;

    private GraphEmulator graph;
    private SSLContext trustedBefore;
    private final Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
    /** Meeting ids by what they are, and whether the migration is to change them. */
    private final Map<String, Seeded> seeded = new LinkedHashMap<>();

    private record Seeded(String upn, String id, boolean migrates) {
    }

    @BeforeEach
    void start() throws Exception {
        graph = GraphEmulator.builder().https().start();
        trustedBefore = SSLContext.getDefault();
        // msal4j signs in only over https: the service trusts the emulator's certificate for the length of the test.
        SSLContext.setDefault(graph.sslContext().orElseThrow());
        graph.addMailbox(ALICE);
        graph.addMailbox(BOB);
    }

    @AfterEach
    void stop() {
        SSLContext.setDefault(trustedBefore);
        graph.close();
    }

    @Test
    void a_dial_in_change_migrates_the_meetings_on_exchange_through_throttling_and_a_race_and_a_second_run_finds_nothing_to_do()
            throws Exception {
        seedMailboxes();
        Map<String, JsonNode> before = new LinkedHashMap<>();
        seeded.forEach((what, s) -> before.put(what, stored(s)));

        ServiceConfig config = AdminShell.onLoopback(dir.resolve("data"), 1);
        try (MmsService service = MmsService.start(config, Clock.systemUTC())) {
            AdminShell admin = new AdminShell(service, config.dataDir());
            admin.run("Import-CsDirectory", "-Path", Files.writeString(dir.resolve("directory.json"), directoryJson()).toString());
            admin.run("Set-CsTenantMigrationConfiguration", "-SettleWindowSeconds", "0");
            admin.run("Set-CsCalendarStore", "-Kind", "Graph", "-DirectoryTenantId", graph.tenantId(), "-ClientId", graph.clientId(),
                    "-GraphUrl", graph.graphUrl().toString(), "-AuthorityUrl", graph.authorityUrl().toString(),
                    "-ClientSecretFile", Files.writeString(dir.resolve("secret"), graph.clientSecret() + "\n").toString());

            // Graph throttles the first requests, and Alice edits a meeting between MMS's read and its PATCH.
            graph.failNext(4, 429, Duration.ofSeconds(1));
            graph.latency(Duration.ofMillis(60));
            Seeded raced = seeded.get("alice teams single");
            Thread editor = Thread.ofVirtual().start(() -> editWhenMmsHasReadIt(raced));
            admin.run("Set-CsOnlineDialInConferencingUser", "-Identity", ALICE, "-ServiceNumber", NEW_TOLL);
            admin.run("Set-CsOnlineDialInConferencingUser", "-Identity", BOB, "-ServiceNumber", NEW_TOLL);
            JsonNode statuses = waitForMigrations(admin, 2, Duration.ofSeconds(120));
            editor.interrupt();
            editor.join();
            graph.latency(Duration.ZERO);

            int invites = 0;
            for (JsonNode status : statuses) {
                assertThat(status.path("State").asString()).as(status.toString()).isEqualTo("Succeeded");
                assertThat(status.path("FailedMeeting").asInt()).as(status.toString()).isZero();
                invites += status.path("InvitesUpdate").asInt();
            }

            List<String> migratedIds = new ArrayList<>();
            for (Map.Entry<String, Seeded> entry : seeded.entrySet()) {
                String what = entry.getKey();
                Seeded s = entry.getValue();
                JsonNode was = before.get(what);
                JsonNode now = stored(s);
                if (s.migrates()) {
                    migratedIds.add(s.id());
                    assertThat(body(now)).as("the body of %s", what).contains(NEW_TOLL_SHOWN);
                    assertBodyOutsideTheBlockIsExchanges(what, body(was), body(now));
                    assertThat(property(now, KEPT_LINES)).as("the CONFERENCE lines of %s, kept on the event", what)
                            .hasValueSatisfying(kept -> assertThat(kept).contains("CONFERENCE;VALUE=URI;FEATURE=PHONE")
                                    .contains("tel:" + NEW_TOLL));
                    assertThat(addInPropertiesShowing(now, NEW_TOLL_SHOWN, NEW_TOLL)).as("add-in properties of %s with the new number", what)
                            .isNotEmpty();
                } else {
                    assertThat(now.path("@odata.etag").asString()).as("the ETag of %s, left alone", what)
                            .isEqualTo(was.path("@odata.etag").asString());
                    assertThat(body(now)).as("the body of %s, left alone", what).isEqualTo(body(was));
                }
            }
            assertThat(stored(raced).path("subject").asString()).as("Alice's edit during the run stands").isEqualTo("Q1 planning (room 4.12)");
            assertThat(graph.requests()).as("MMS lost the race once, and Graph said so").anyMatch(r -> r.method().equals("PATCH") && r.status() == 412);
            assertThat(graph.requests()).as("the storm of 429s was waited out").filteredOn(r -> r.status() == 429).hasSizeGreaterThanOrEqualTo(4);

            List<Notification> notified = graph.notifications();
            assertThat(notified).extracting(Notification::eventId).as("one update per migrated event, Exchange's")
                    .containsExactlyInAnyOrderElementsOf(migratedIds);
            assertThat(invites).as("InvitesUpdate counts the updates Exchange was asked to send").isEqualTo(notified.size());
            assertThat(graph.maxInFlightSeen(ALICE)).isLessThanOrEqualTo(GraphEmulator.MAILBOX_CONCURRENCY);
            assertThat(graph.maxInFlightSeen(BOB)).isLessThanOrEqualTo(GraphEmulator.MAILBOX_CONCURRENCY);
            Thread.sleep(500);
            assertThat(emlFiles(config.mail().pickupDirectory())).as("Exchange sends the updates; MMS writes no mail").isEmpty();

            // A second run with the same settings: every meeting is already what it should be.
            long patches = graph.requests().stream().filter(r -> r.method().equals("PATCH")).count();
            admin.run("Start-CsExMeetingMigration", "-Identity", ALICE);
            admin.run("Start-CsExMeetingMigration", "-Identity", BOB);
            JsonNode again = waitForMigrations(admin, 4, Duration.ofSeconds(60));
            for (JsonNode status : again) {
                if (values(statuses, "CorrelationId").contains(status.path("CorrelationId").asString())) {
                    continue;
                }
                assertThat(status.path("State").asString()).as(status.toString()).isEqualTo("Succeeded");
                assertThat(status.path("InvitesUpdate").asInt()).as(status.toString()).isZero();
                assertThat(status.path("SucceededMeeting").asInt()).as(status.toString()).isPositive();
                JsonNode meetings = JSON.readTree(admin.run("Get-CsMeetingMigrationDetail", status.path("CorrelationId").asString(), "--json"));
                assertThat(values(meetings, "Outcome")).as("the second run's decisions: %s", meetings).isNotEmpty()
                        .doesNotContain("MIGRATED").contains("UNCHANGED");
            }
            assertThat(graph.requests().stream().filter(r -> r.method().equals("PATCH")).count()).as("no PATCH the second time")
                    .isEqualTo(patches);
            assertThat(graph.notifications()).as("no update the second time").hasSameSizeAs(notified);
        }
    }

    // ---- the mailboxes ----

    private void seedMailboxes() {
        Instant tuesdayBefore = today.atZone(ZoneOffset.UTC).toLocalDate().minusDays(7)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.TUESDAY)).atStartOfDay(ZoneOffset.UTC).toInstant();
        JsonNode teams = graphFixture("teams-meeting-single.json");
        JsonNode teamsProperties = teams.path("singleValueExtendedProperties");

        seed("alice teams single", ALICE, true, event("Q1 planning", teams.path("body"), days(3, 9), days(3, 10), teams.path("attendees"),
                teamsProperties));
        String series = seed("alice teams series", ALICE, true, weeklySeries("Weekly design sync", graphFixture("weekly-series-master.json"),
                tuesdayBefore.plus(Duration.ofHours(13))));
        Instant moved = tuesdayBefore.plus(Duration.ofDays(21)).plus(Duration.ofHours(13));
        JsonNode exception = graphFixture("weekly-series-exception.json");
        seeded.put("alice teams series exception", new Seeded(ALICE, graph.addException(ALICE, series, moved,
                JSON.createObjectNode().set("body", exception.path("body").deepCopy()).toString()), true));
        seed("alice outlook export without the add-in's properties", ALICE, true,
                event("Roadmap review", teams.path("body"), days(4, 9), days(4, 10), teams.path("attendees"), JSON.createArrayNode()));
        seed("alice pasted block of someone else's meeting", ALICE, false, event("Vendor call (their link)",
                withBody(teams.path("body"), teams.path("body").path("content").asString()
                        .replace("b7d1c2e4-8f3a-4c6b-9e2d-1a5f7c3b9d80", "0c9e8d7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f")
                        .replace("MDcwYjc2YjUtM2Y3Ni0yOThkLTFhODItZmU0NTcxZjFlM2Ri", "OTk5OTk5OTktOTk5OS05OTk5LTk5OTktOTk5OTk5OTk5")),
                days(5, 9), days(5, 10), teams.path("attendees"), JSON.createArrayNode()));
        seed("alice past teams meeting", ALICE, false, event("Retrospective", teams.path("body"), days(-3, 9), days(-3, 10),
                teams.path("attendees"), teamsProperties));
        Skype skype = skypeFixture();
        seed("alice skype single", ALICE, true, event("Q4 incident review", skype.body(), days(6, 16), days(6, 17), skype.attendees(),
                skype.properties()));

        seed("bob teams single", BOB, true, event("Hiring sync", teams.path("body"), days(2, 14), days(2, 15), teams.path("attendees"),
                teamsProperties));
        ObjectNode skypeSeries = event("Ops stand-up", skype.body(), tuesdayBefore.plus(Duration.ofHours(8)),
                tuesdayBefore.plus(Duration.ofHours(8)).plus(Duration.ofMinutes(15)), skype.attendees(), skype.properties());
        skypeSeries.set("recurrence", weekly(tuesdayBefore));
        String bobSeries = seed("bob skype series", BOB, true, skypeSeries);
        String movedBody = skype.body().path("content").asString().replace("Team,", "Team, one hour later this week,");
        seeded.put("bob skype series exception", new Seeded(BOB, graph.addException(BOB, bobSeries,
                tuesdayBefore.plus(Duration.ofDays(14)).plus(Duration.ofHours(8)),
                JSON.createObjectNode().set("body", withBody(skype.body(), movedBody)).toString()), true));
    }

    private String seed(String what, String upn, boolean migrates, ObjectNode event) {
        String id = graph.createEvent(upn, event.toString());
        seeded.put(what, new Seeded(upn, id, migrates));
        return id;
    }

    private Instant days(int fromToday, int hour) {
        return today.plus(Duration.ofDays(fromToday)).plus(Duration.ofHours(hour));
    }

    private static ObjectNode event(String subject, JsonNode body, Instant start, Instant end, JsonNode attendees, JsonNode properties) {
        ObjectNode event = JSON.createObjectNode();
        event.put("subject", subject);
        event.set("body", body.deepCopy());
        event.putObject("start").put("dateTime", GRAPH_TIME.format(start)).put("timeZone", "UTC");
        event.putObject("end").put("dateTime", GRAPH_TIME.format(end)).put("timeZone", "UTC");
        event.set("attendees", attendees.deepCopy());
        event.set("singleValueExtendedProperties", properties.deepCopy());
        return event;
    }

    private static ObjectNode withBody(JsonNode body, String content) {
        ObjectNode copy = (ObjectNode) body.deepCopy();
        copy.put("content", content);
        return copy;
    }

    /** The weekly fixture series, starting on {@code first}, every Tuesday for twenty weeks. */
    private static ObjectNode weeklySeries(String subject, JsonNode fixture, Instant first) {
        ObjectNode series = event(subject, fixture.path("body"), first, first.plus(Duration.ofMinutes(30)), fixture.path("attendees"),
                fixture.path("singleValueExtendedProperties"));
        series.set("recurrence", weekly(first));
        return series;
    }

    private static ObjectNode weekly(Instant first) {
        LocalDate day = first.atZone(ZoneOffset.UTC).toLocalDate();
        ObjectNode recurrence = JSON.createObjectNode();
        recurrence.putObject("pattern").put("type", "weekly").put("interval", 1).put("firstDayOfWeek", "monday")
                .putArray("daysOfWeek").add(day.getDayOfWeek().name().toLowerCase(Locale.ROOT));
        recurrence.putObject("range").put("type", "endDate").put("startDate", day.toString()).put("endDate", day.plusWeeks(20).toString())
                .put("recurrenceTimeZone", "UTC");
        return recurrence;
    }

    private static JsonNode graphFixture(String name) {
        try (InputStream in = ServiceOnExchangeOnlineTest.class.getResourceAsStream("/fixtures/graph/" + name)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Alice's Skype meeting of the iCalendar fixtures, as Exchange keeps it: its HTML body, attendees and add-in properties. */
    private record Skype(JsonNode body, ArrayNode attendees, ArrayNode properties) {
    }

    private static Skype skypeFixture() {
        Component event = onlyEvent(CalendarResources.icsFixture("skype-en-dialin.ics"));
        ContentLine html = event.first("X-ALT-DESC").orElseThrow();
        ObjectNode body = JSON.createObjectNode().put("contentType", "html")
                .put("content", TextValue.of(html, html.head().valueOffset()).text());
        ArrayNode attendees = JSON.createArrayNode();
        for (ContentLine line : event.all("ATTENDEE")) {
            String address = line.property().value().replaceFirst("(?i)^mailto:", "");
            attendees.addObject().put("type", "required").putObject("emailAddress").put("address", address)
                    .put("name", line.property().parameter("CN").orElse(""));
        }
        ArrayNode properties = JSON.createArrayNode();
        ADD_IN.forEach((ical, mapi) -> event.value(ical).ifPresent(v -> properties.addObject().put("id", PUBLIC_STRINGS + mapi)
                .put("value", TextEscaping.unescape(v))));
        return new Skype(body, attendees, properties);
    }

    private static Component onlyEvent(byte[] calendar) {
        CalendarReader reader = CalendarReader.of(calendar);
        for (CalendarReader.Item item = reader.next(); item != null; item = reader.next()) {
            if (item instanceof CalendarReader.TopComponent c && c.name().equals("VEVENT")) {
                return Component.parse(c.bytes());
            }
        }
        throw new AssertionError("no VEVENT");
    }

    /**
     * Alice and Bob on Teams with the same dial-in bridge; Alice's object id is the one her Teams links in the
     * fixtures name, which shows that her meeting exported without the add-in's properties is hers.
     */
    private static String directoryJson() {
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
                       "serviceNumber": "+13238494874", "conferenceId": "241752659", "publicMeetings": true}},
                    {"upn": "bob@contoso.com", "displayName": "Bob Jones", "objectId": "3e5f7a9b-1c2d-4e6f-8a0b-2c4d6e8f0a1b",
                     "hosting": "online", "meetingType": "teams", "mailbox": "reachable",
                     "audioConferencing": {"licensed": true, "enabled": true, "provider": "microsoft", "bridge": "Contoso Bridge",
                       "serviceNumber": "+13238494874", "conferenceId": "530184726", "publicMeetings": true}}
                  ]
                }
                """;
    }

    // ---- the run ----

    /**
     * Alice edits her meeting in Outlook right after MMS read her calendar, before its PATCH: the PATCH carries the
     * version MMS read, so Graph answers 412, and MMS reads the meeting again, plans it again and writes it again.
     */
    private void editWhenMmsHasReadIt(Seeded meeting) {
        String view = "/users/" + URLEncoder.encode(meeting.upn(), UTF_8).replace("+", "%20") + "/calendarView";
        // Only the migration's reading counts, not Set-CsCalendarStore's check of access before it.
        int before = graph.requests().size();
        try {
            while (graph.requests().stream().skip(before)
                    .noneMatch(r -> r.method().equals("GET") && r.path().endsWith(view) && r.status() == 200)) {
                Thread.sleep(2);
            }
            graph.changeEvent(meeting.upn(), meeting.id(), "{\"subject\":\"Q1 planning (room 4.12)\"}");
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    /** Get-CsMeetingMigrationStatus until at least {@code count} migrations exist and all have ended. */
    private static JsonNode waitForMigrations(AdminShell admin, int count, Duration patience) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (true) {
            JsonNode all = JSON.readTree(admin.run("Get-CsMeetingMigrationStatus", "--json"));
            boolean done = all.size() >= count;
            for (JsonNode s : all) {
                done &= Set.of("Succeeded", "Failed").contains(s.path("State").asString());
            }
            if (done || Instant.now().isAfter(deadline)) {
                return all;
            }
            Thread.sleep(100);
        }
    }

    private static List<String> values(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.path(field).asString()));
        return values;
    }

    // ---- what Exchange holds ----

    private JsonNode stored(Seeded s) {
        return graph.event(s.upn(), s.id()).orElseThrow();
    }

    private static String body(JsonNode event) {
        return event.path("body").path("content").asString();
    }

    private static Optional<String> property(JsonNode event, String id) {
        for (JsonNode p : event.path("singleValueExtendedProperties")) {
            if (p.path("id").asString().equalsIgnoreCase(id)) {
                return Optional.of(p.path("value").asString()).filter(v -> !v.isBlank());
            }
        }
        return Optional.empty();
    }

    private static List<String> addInPropertiesShowing(JsonNode event, String... shown) {
        List<String> showing = new ArrayList<>();
        for (JsonNode p : event.path("singleValueExtendedProperties")) {
            String value = p.path("value").asString();
            if (p.path("id").asString().toLowerCase(Locale.ROOT).startsWith(PUBLIC_STRINGS.toLowerCase(Locale.ROOT))
                    && Stream.of(shown).anyMatch(value::contains)) {
                showing.add(p.path("id").asString());
            }
        }
        return showing;
    }

    /** The golden rule on Exchange's HTML: before and after the block, the stored body is what it was, byte for byte. */
    private static void assertBodyOutsideTheBlockIsExchanges(String what, String was, String now) {
        var before = block(what, was);
        var after = block(what, now);
        assertThat(now.substring(0, after.start())).as("the HTML of %s before its block", what).isEqualTo(was.substring(0, before.start()));
        assertThat(now.substring(after.end())).as("the HTML of %s after its block", what).isEqualTo(was.substring(before.end()));
    }

    private static BlockSpan block(String what, String html) {
        if (FindHtmlBlock.in(html, Optional.empty()) instanceof FindHtmlBlock.Found(var found)) {
            return found.span();
        }
        throw new AssertionError("no online-meeting block in the HTML of " + what);
    }

    private static List<Path> emlFiles(Path pickup) throws IOException {
        if (!Files.exists(pickup)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(pickup)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".eml")).collect(Collectors.toList());
        }
    }
}
