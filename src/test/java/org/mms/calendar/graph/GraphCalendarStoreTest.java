package org.mms.calendar.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mms.block.DialInNumber;
import org.mms.block.MeetingType;
import org.mms.calendar.Mailbox;
import org.mms.calendar.PermanentStoreException;
import org.mms.calendar.StoredResource;
import org.mms.calendar.TransientStoreException;
import org.mms.calendar.WriteResult;
import org.mms.calendar.graph.emulator.GraphEmulator;
import org.mms.calendar.graph.emulator.RecordedRequest;
import org.mms.migration.CoordinatesTemplate;
import org.mms.migration.Organizer;
import org.mms.migration.ResourcePlan;
import org.mms.migration.SelectionRules;
import org.mms.migration.Targets;
import org.mms.testing.CalendarResources;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Graph store under the engine, on the Graph emulator: meetings read from a mailbox, planned by the engine with
 * new dial-in coordinates, and written back through PATCHes of their block, within Graph's limits and through its
 * failures.
 */
class GraphCalendarStoreTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final Instant HORIZON = NOW.plus(Duration.ofDays(5 * 366));
    private static final String ALICE = "alice@contoso.com";
    private static final String OLD_TOLL = "+1 323-849-4874";

    private final GraphEmulator graph = GraphEmulator.start();
    private final EmulatorTokens tokens = new EmulatorTokens(graph);
    private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
    private final Mailbox mailbox = CalendarResources.aMailbox();
    private final GraphCalendarStore store = new GraphCalendarStore(
            new GraphSettings(graph.tenantId(), graph.clientId(), graph.graphUrl(), graph.authorityUrl(), 4, 16, Duration.ofSeconds(30)),
            tokens, m -> ALICE, HttpClient.newHttpClient(), Clock.fixed(NOW, ZoneOffset.UTC), waits::add);

    @AfterEach
    void stop() {
        store.close();
        graph.close();
    }

    /** A Teams meeting as Outlook's add-in leaves it in Exchange, from the single-meeting fixture. */
    private String aTeamsMeeting(String subject, String day) {
        JsonNode fixture = GraphFixtures.json("teams-meeting-single.json");
        ObjectNode event = GraphFixtures.JSON.createObjectNode();
        event.put("subject", subject);
        event.set("body", fixture.path("body").deepCopy());
        event.putObject("start").put("dateTime", day + "T09:00:00").put("timeZone", "UTC");
        event.putObject("end").put("dateTime", day + "T10:00:00").put("timeZone", "UTC");
        event.set("attendees", fixture.path("attendees").deepCopy());
        ObjectNode properties = event.putArray("singleValueExtendedProperties").addObject();
        event.withArray("singleValueExtendedProperties").removeAll();
        for (JsonNode p : fixture.path("singleValueExtendedProperties")) {
            event.withArray("singleValueExtendedProperties").add(p.deepCopy());
        }
        properties.removeAll();
        return graph.createEvent(ALICE, event.toString());
    }

    /** The organizer's new settings: new dial-in numbers and conference ID, a new Teams link for each meeting. */
    private static Targets newCoordinates() {
        return Targets.all(new CoordinatesTemplate(MeetingType.TEAMS,
                "https://teams.microsoft.com/l/meetup-join/19%3ameeting_{uidHash}%40thread.v2/0", Optional.empty(), Optional.empty(),
                Optional.of("582913407"),
                List.of(new DialInNumber("+4969365301", DialInNumber.Kind.TOLL, "+49 69 365301", Optional.of("Deutschland, Frankfurt"))),
                Optional.of(URI.create("https://dialin.teams.microsoft.com/x?id=582913407")), Optional.empty(),
                Optional.of(URI.create("https://aka.ms/JoinTeamsMeeting")), Optional.empty(), Locale.US, Optional.empty()));
    }

    private static ResourcePlan plan(StoredResource resource) {
        return ResourcePlan.of(resource.data(), new SelectionRules(Organizer.of(ALICE), NOW, 250, Set.of(MeetingType.TEAMS, MeetingType.SKYPE)),
                newCoordinates(), ZoneOffset.UTC);
    }

    private List<StoredResource> candidates() {
        List<StoredResource> seen = new ArrayList<>();
        store.forEachCandidate(mailbox, NOW, HORIZON, 100, seen::add);
        return seen;
    }

    /** What MigrateOrganizer does for one meeting: plan, write with the ETag read, and on a lost race read, plan and write again. */
    private WriteResult migrate(StoredResource resource) {
        StoredResource current = resource;
        for (int attempt = 0; attempt < 3; attempt++) {
            ResourcePlan plan = plan(current);
            if (!plan.changed()) {
                return new WriteResult.Written(current.etag());
            }
            WriteResult result = store.put(mailbox, current.ref(), plan.newBytes(), Optional.of(current.etag()));
            if (!(result instanceof WriteResult.PreconditionFailed)) {
                return result;
            }
            current = store.get(mailbox, current.ref()).orElseThrow();
        }
        throw new AssertionError("lost three races in a row");
    }

    private String body(String id) {
        return graph.event(ALICE, id).orElseThrow().path("body").path("content").asString();
    }

    private Optional<String> property(String id, String mapiName) {
        for (JsonNode p : graph.event(ALICE, id).orElseThrow().path("singleValueExtendedProperties")) {
            if (p.path("id").asString().toLowerCase(Locale.ROOT).endsWith("name " + mapiName.toLowerCase(Locale.ROOT))) {
                return Optional.of(p.path("value").asString());
            }
        }
        return Optional.empty();
    }

    @Test
    void a_teams_meeting_gets_its_new_block_and_properties_and_nothing_else_of_its_body_changes() {
        graph.addMailbox(ALICE);
        String id = aTeamsMeeting("Q1 planning", "2026-12-08");
        String before = body(id);

        List<StoredResource> seen = candidates();
        assertThat(seen).singleElement().satisfies(r -> assertThat(r.ref()).isEqualTo(EventNames.of(id)));
        assertThat(plan(seen.getFirst()).changed()).isTrue();
        assertThat(migrate(seen.getFirst())).isInstanceOf(WriteResult.Written.class);

        String after = body(id);
        assertThat(after).isNotEqualTo(before).contains("+49 69 365301").doesNotContain(OLD_TOLL);
        int prefix = 0;
        while (prefix < Math.min(before.length(), after.length()) && before.charAt(prefix) == after.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < Math.min(before.length(), after.length()) - prefix
                && before.charAt(before.length() - 1 - suffix) == after.charAt(after.length() - 1 - suffix)) {
            suffix++;
        }
        // Golden rule: what differs lies inside the block, from the division holding its first fence to the end of the one
        // holding its last.
        String fence = "________________________________________________________________________________";
        int blockStart = before.lastIndexOf("<div", before.indexOf(fence));
        int blockEnd = before.indexOf("</div>", before.lastIndexOf(fence)) + "</div>".length();
        assertThat(prefix).isGreaterThanOrEqualTo(blockStart);
        assertThat(before.length() - suffix).isLessThanOrEqualTo(blockEnd);
        assertThat(before.substring(0, blockStart)).contains("Agenda for the Q1 2027 planning review");
        assertThat(property(id, "OnlineMeetingTollNumber")).contains("+49 69 365301");
        assertThat(property(id, "SkypeTeamsMeetingUrl")).hasValueSatisfying(url -> assertThat(url)
                .startsWith("https://teams.microsoft.com/l/meetup-join/19%3ameeting_").doesNotContain("MDcwYjc2YjUtM2Y3Ni0yOThkLTFhODItZmU0NTcxZjFlM2Ri"));
        assertThat(graph.notifications()).singleElement().satisfies(n -> assertThat(n.eventId()).isEqualTo(id));
        assertThat(store.schedulesForAttendees(mailbox)).isTrue();

        // The RFC 7986 CONFERENCE lines, which Exchange has no place for, read back from MMS's own property: the
        // meeting reads back as it was written, and migrating again plans nothing and sends nothing.
        StoredResource again = candidates().getFirst();
        assertThat(new String(again.data(), java.nio.charset.StandardCharsets.UTF_8).replace("\r\n ", ""))
                .contains("CONFERENCE;VALUE=URI;FEATURE=PHONE").contains("tel:+4969365301");
        assertThat(plan(again).changed()).as("a second run finds the meeting unchanged").isFalse();
        long patches = graph.requests().stream().filter(r -> r.method().equals("PATCH")).count();
        assertThat(migrate(again)).isInstanceOf(WriteResult.Written.class);
        assertThat(graph.requests().stream().filter(r -> r.method().equals("PATCH")).count()).isEqualTo(patches);
        assertThat(graph.notifications()).hasSize(1);
    }

    @Test
    void a_write_that_reached_exchange_is_recognized_by_the_hash_it_left_on_the_event_and_one_that_did_not_is_not() {
        graph.addMailbox(ALICE);
        aTeamsMeeting("Q1 planning", "2026-12-08");
        aTeamsMeeting("Q2 planning", "2026-12-09");
        List<StoredResource> read = candidates();
        byte[] written = plan(read.get(0)).newBytes();
        byte[] neverSent = plan(read.get(1)).newBytes();

        assertThat(store.put(mailbox, read.get(0).ref(), written, Optional.of(read.get(0).etag()))).isInstanceOf(WriteResult.Written.class);

        // What Exchange gives back is its own rendering, never the bytes written; the event remembers the write.
        assertThat(ResourcePlan.hash(store.get(mailbox, read.get(0).ref()).orElseThrow().data())).isNotEqualTo(ResourcePlan.hash(written));
        assertThat(store.holds(mailbox, read.get(0).ref(), ResourcePlan.hash(written))).isTrue();
        assertThat(store.holds(mailbox, read.get(1).ref(), ResourcePlan.hash(neverSent))).isFalse();
        assertThat(store.holds(mailbox, read.get(0).ref(), ResourcePlan.hash(neverSent))).isFalse();
    }

    @Test
    void a_meeting_changed_between_read_and_write_is_a_lost_race_then_read_planned_and_written_again() {
        graph.addMailbox(ALICE);
        String id = aTeamsMeeting("Q1 planning", "2026-12-08");
        StoredResource read = candidates().getFirst();
        ResourcePlan plan = plan(read);

        graph.changeEvent(ALICE, id, "{\"subject\":\"Q1 planning (moved room)\"}");
        WriteResult lost = store.put(mailbox, read.ref(), plan.newBytes(), Optional.of(read.etag()));

        assertThat(lost).isInstanceOf(WriteResult.PreconditionFailed.class);
        assertThat(graph.notifications()).isEmpty();
        assertThat(migrate(store.get(mailbox, read.ref()).orElseThrow())).isInstanceOf(WriteResult.Written.class);
        assertThat(graph.event(ALICE, id).orElseThrow().path("subject").asString()).isEqualTo("Q1 planning (moved room)");
        assertThat(property(id, "OnlineMeetingTollNumber")).contains("+49 69 365301");
        assertThat(graph.notifications()).hasSize(1);
    }

    @Test
    void a_race_lost_inside_the_patch_itself_is_a_precondition_failure() {
        graph.addMailbox(ALICE);
        String id = aTeamsMeeting("Q1 planning", "2026-12-08");
        StoredResource read = candidates().getFirst();
        byte[] planned = plan(read).newBytes();
        // The store reads the meeting again before its PATCH; the edit lands after that read.
        graph.latency(Duration.ofMillis(200));
        Thread editor = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            graph.changeEvent(ALICE, id, "{\"subject\":\"Edited meanwhile\"}");
        });

        WriteResult result = store.put(mailbox, read.ref(), planned, Optional.of(read.etag()));

        editor.interrupt();
        assertThat(result).isInstanceOfAny(WriteResult.PreconditionFailed.class, WriteResult.Written.class);
        if (result instanceof WriteResult.PreconditionFailed) {
            assertThat(graph.notifications()).isEmpty();
        }
    }

    @Test
    void a_storm_of_429s_and_503s_is_waited_out_as_retry_after_says() {
        graph.addMailbox(ALICE);
        String id = aTeamsMeeting("Q1 planning", "2026-12-08");
        graph.failNext(5, 429, Duration.ofSeconds(3));

        StoredResource read = candidates().getFirst();
        graph.failNext(2, 503, Duration.ofSeconds(1));
        assertThat(migrate(read)).isInstanceOf(WriteResult.Written.class);

        assertThat(waits).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(3),
                Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThat(property(id, "OnlineMeetingTollNumber")).contains("+49 69 365301");
        assertThat(graph.notifications()).hasSize(1);
    }

    @Test
    void throttling_that_outlasts_the_tries_is_transient() {
        graph.addMailbox(ALICE);
        aTeamsMeeting("Q1 planning", "2026-12-08");
        graph.failNext(GraphHttp.TRIES, 429, Duration.ofSeconds(2));

        assertThatThrownBy(this::candidates).isInstanceOf(TransientStoreException.class).hasMessageContaining("429");
        assertThat(waits).hasSize(GraphHttp.TRIES - 1);
    }

    @Test
    void many_meetings_written_at_once_never_have_more_than_four_requests_in_flight_for_the_mailbox() throws Exception {
        graph.addMailbox(ALICE);
        graph.latency(Duration.ofMillis(20));
        for (int day = 1; day <= 24; day++) {
            aTeamsMeeting("Meeting " + day, String.format("2026-12-%02d", day));
        }
        List<StoredResource> read = candidates();
        assertThat(read).hasSize(24);

        List<Future<WriteResult>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(12)) {
            for (StoredResource r : read) {
                results.add(pool.submit(() -> migrate(r)));
            }
        }

        for (Future<WriteResult> f : results) {
            assertThat(f.get()).isInstanceOf(WriteResult.Written.class);
        }
        assertThat(graph.maxInFlightSeen(ALICE)).isLessThanOrEqualTo(4);
        assertThat(graph.requests()).extracting(RecordedRequest::status).doesNotContain(429);
        assertThat(graph.notifications()).hasSize(24);
    }

    @Test
    void a_refused_token_is_renewed_once_and_the_request_goes_through() {
        graph.addMailbox(ALICE);
        aTeamsMeeting("Q1 planning", "2026-12-08");
        candidates();

        graph.revokeTokens();

        assertThat(candidates()).hasSize(1);
        assertThat(tokens.refusals()).isEqualTo(1);
    }

    @Test
    void a_mailbox_the_app_may_not_reach_or_graph_does_not_know_fails_for_good_saying_what_to_check() {
        graph.addMailbox(ALICE);
        graph.denyAppAccess(ALICE);

        assertThatThrownBy(this::candidates).isInstanceOf(PermanentStoreException.class)
                .hasMessageContaining("ErrorAccessDenied").hasMessageContaining("application access policy")
                .hasMessageContaining(ALICE).hasMessageNotContaining(graph.accessToken());

        GraphCalendarStore nobody = new GraphCalendarStore(
                new GraphSettings(graph.tenantId(), graph.clientId(), graph.graphUrl(), graph.authorityUrl(), 4, 16, Duration.ofSeconds(30)),
                tokens, m -> "nobody@contoso.com", HttpClient.newHttpClient(), Clock.fixed(NOW, ZoneOffset.UTC), waits::add);
        assertThatThrownBy(() -> nobody.count(mailbox)).isInstanceOf(PermanentStoreException.class)
                .hasMessageContaining("nobody@contoso.com");
    }

    /** A series' master and its exception, by id. */
    private record Series(String masterId, String exceptionId) {
    }

    /** The weekly series of the fixtures, with the exception of the fixtures moved by an hour. */
    private Series aWeeklySeries(String subject) {
        ObjectNode master = (ObjectNode) GraphFixtures.json("weekly-series-master.json").deepCopy();
        for (String readOnly : List.of("@odata.context", "@odata.etag", "id", "type", "seriesMasterId", "iCalUId", "isOrganizer",
                "organizer", "originalStart")) {
            master.remove(readOnly);
        }
        master.put("subject", subject);
        String masterId = graph.createEvent(ALICE, master.toString());
        ObjectNode moved = GraphFixtures.JSON.createObjectNode();
        JsonNode exception = GraphFixtures.json("weekly-series-exception.json");
        moved.set("start", exception.path("start").deepCopy());
        moved.set("end", exception.path("end").deepCopy());
        moved.set("body", exception.path("body").deepCopy());
        return new Series(masterId, graph.addException(ALICE, masterId, Instant.parse("2026-12-15T13:00:00Z"), moved.toString()));
    }

    @Test
    void a_meeting_read_with_the_calendar_view_is_written_with_one_patch_and_no_read_before_it() {
        graph.addMailbox(ALICE);
        String id = aTeamsMeeting("Q1 planning", "2026-12-08");
        StoredResource read = candidates().getFirst();

        assertThat(store.put(mailbox, read.ref(), plan(read).newBytes(), Optional.of(read.etag()))).isInstanceOf(WriteResult.Written.class);

        // The emulator records a request once it has answered it: the view's page may be recorded after the PATCH began.
        assertThat(graph.requests()).extracting(r -> r.method() + " " + r.path().replaceAll("^.*/", ""))
                .containsExactlyInAnyOrder("GET calendarView", "PATCH " + GraphCalendarStore.segment(id));
        assertThat(graph.requests()).filteredOn(r -> r.method().equals("PATCH")).singleElement()
                .satisfies(r -> assertThat(r.header("If-Match")).isPresent());
        assertThat(property(id, "OnlineMeetingTollNumber")).contains("+49 69 365301");
    }

    @Test
    void the_masters_of_a_mailboxs_series_are_read_four_at_a_time_and_each_series_is_then_written_without_reading_it_again() {
        graph.addMailbox(ALICE);
        graph.latency(Duration.ofMillis(50));
        List<String> masters = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            masters.add(aWeeklySeries("Weekly sync " + i).masterId());
        }

        List<StoredResource> seen = candidates();

        assertThat(seen).extracting(StoredResource::ref).containsExactlyInAnyOrderElementsOf(masters.stream().map(EventNames::of).toList());
        assertThat(graph.maxInFlightSeen(ALICE)).isEqualTo(4);
        assertThat(graph.requests()).extracting(RecordedRequest::status).doesNotContain(429);
        long readsBefore = graph.requests().stream().filter(r -> r.method().equals("GET")).count();
        for (StoredResource series : seen) {
            assertThat(store.put(mailbox, series.ref(), plan(series).newBytes(), Optional.of(series.etag())))
                    .isInstanceOf(WriteResult.Written.class);
        }
        assertThat(graph.requests()).as("a PATCH for each master and each exception").filteredOn(r -> r.method().equals("PATCH")).hasSize(18);
        assertThat(graph.requests()).as("and no read before them").filteredOn(r -> r.method().equals("GET")).hasSize((int) readsBefore);
    }

    @Test
    void a_series_is_one_resource_with_its_future_exception_and_both_get_the_new_block() {
        graph.addMailbox(ALICE);
        Series series = aWeeklySeries("Weekly sync");
        String masterId = series.masterId();
        String exceptionId = series.exceptionId();

        List<StoredResource> seen = candidates();

        assertThat(seen).singleElement().satisfies(r -> {
            assertThat(r.ref()).isEqualTo(EventNames.of(masterId));
            assertThat(new String(r.data(), java.nio.charset.StandardCharsets.UTF_8)).contains("RECURRENCE-ID:20261215T130000Z");
        });
        assertThat(migrate(seen.getFirst())).isInstanceOf(WriteResult.Written.class);
        assertThat(body(masterId)).contains("+49 69 365301");
        assertThat(body(exceptionId)).contains("+49 69 365301").contains("moved by an hour");
        assertThat(graph.notifications()).extracting(n -> n.eventId()).containsExactlyInAnyOrder(masterId, exceptionId);
    }
}
