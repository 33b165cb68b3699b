package org.mms.calendar.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mms.block.MeetingType;
import org.mms.calendar.CalendarStore;
import org.mms.calendar.Mailbox;
import org.mms.calendar.StoredResource;
import org.mms.calendar.WriteResult;
import org.mms.calendar.graph.emulator.GraphEmulator;
import org.mms.migration.CoordinatesTemplate;
import org.mms.migration.Organizer;
import org.mms.migration.ResourcePlan;
import org.mms.migration.SelectionRules;
import org.mms.migration.Targets;
import org.mms.testing.CalendarResources;
import tools.jackson.databind.node.ObjectNode;

/**
 * A batch of writes to one mailbox goes as many at once as Graph allows in flight there, never more, and its results
 * come in the order of the writes.
 */
class GraphBatchWriteTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final String ALICE = "alice@contoso.com";

    private final GraphEmulator graph = GraphEmulator.start();
    private final Mailbox mailbox = CalendarResources.aMailbox();
    private final GraphCalendarStore store = new GraphCalendarStore(
            new GraphSettings(graph.tenantId(), graph.clientId(), graph.graphUrl(), graph.authorityUrl(), 4, 16, Duration.ofSeconds(30)),
            new EmulatorTokens(graph), m -> ALICE, HttpClient.newHttpClient(), Clock.fixed(NOW, ZoneOffset.UTC), d -> { });

    @AfterEach
    void stop() {
        store.close();
        graph.close();
    }

    private GraphCalendarStore storeWithin(int perMailbox, int inAll) {
        return new GraphCalendarStore(new GraphSettings(graph.tenantId(), graph.clientId(), graph.graphUrl(), graph.authorityUrl(), perMailbox,
                inAll, Duration.ofSeconds(30)), new EmulatorTokens(graph), m -> ALICE, HttpClient.newHttpClient(), Clock.fixed(NOW, ZoneOffset.UTC),
                d -> { });
    }

    /** Twelve Teams meetings as Outlook's add-in leaves them, read by {@code reader} and planned with new coordinates. */
    private List<CalendarStore.Write> twelveMeetingsToWrite(GraphCalendarStore reader) {
        graph.addMailbox(ALICE);
        var fixture = GraphFixtures.json("teams-meeting-single.json");
        for (int day = 1; day <= 12; day++) {
            // A Teams meeting as Outlook's add-in leaves it, as GraphCalendarStoreTest makes it.
            ObjectNode event = GraphFixtures.JSON.createObjectNode().put("subject", "Sync " + day);
            event.set("body", fixture.path("body").deepCopy());
            event.set("attendees", fixture.path("attendees").deepCopy());
            event.set("singleValueExtendedProperties", fixture.path("singleValueExtendedProperties").deepCopy());
            event.putObject("start").put("dateTime", String.format(Locale.ROOT, "2026-12-%02dT09:00:00", day)).put("timeZone", "UTC");
            event.putObject("end").put("dateTime", String.format(Locale.ROOT, "2026-12-%02dT10:00:00", day)).put("timeZone", "UTC");
            graph.createEvent(ALICE, event.toString());
        }
        List<StoredResource> read = new ArrayList<>();
        reader.forEachCandidate(mailbox, NOW, NOW.plus(Duration.ofDays(60)), 100, read::add);
        Targets teams = Targets.all(new CoordinatesTemplate(MeetingType.TEAMS,
                "https://teams.microsoft.com/l/meetup-join/19%3ameeting_{uidHash}%40thread.v2/0", java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.of("582913407"), List.of(), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(), Locale.US, java.util.Optional.empty()));
        return read.stream().map(r -> new CalendarStore.Write(r.ref(), ResourcePlan.of(r.data(),
                new SelectionRules(Organizer.of(ALICE), NOW, 250, Set.of(MeetingType.TEAMS, MeetingType.SKYPE)), teams, ZoneOffset.UTC)
                .newBytes(), r.etag())).toList();
    }

    @Test
    void a_batch_of_twelve_meetings_is_written_four_at_a_time_in_order() {
        List<CalendarStore.Write> writes = twelveMeetingsToWrite(store);
        graph.latency(Duration.ofMillis(50));

        List<WriteResult> results = store.putAll(mailbox, writes);

        assertThat(results).hasSize(12).allSatisfy(r -> assertThat(r).isInstanceOf(WriteResult.Written.class));
        for (int i = 0; i < writes.size(); i++) {
            StoredResource now = store.get(mailbox, writes.get(i).ref()).orElseThrow();
            assertThat(now.etag()).isEqualTo(((WriteResult.Written) results.get(i)).etag());
        }
        assertThat(graph.maxInFlightSeen(ALICE)).isEqualTo(GraphEmulator.MAILBOX_CONCURRENCY);
        assertThat(graph.requests()).noneMatch(r -> r.status() == 429);
        assertThat(graph.notifications()).hasSize(12);
    }

    @ParameterizedTest(name = "{0} per mailbox, {1} in all")
    @CsvSource({"2, 64", "4, 2"})
    void a_store_set_to_two_requests_per_mailbox_or_in_all_never_has_more_than_two_in_flight(int perMailbox, int inAll) {
        try (GraphCalendarStore two = storeWithin(perMailbox, inAll)) {
            List<CalendarStore.Write> writes = twelveMeetingsToWrite(two);
            graph.latency(Duration.ofMillis(50));

            assertThat(two.putAll(mailbox, writes)).hasSize(12).allSatisfy(r -> assertThat(r).isInstanceOf(WriteResult.Written.class));

            assertThat(graph.maxInFlightSeen(ALICE)).isEqualTo(2);
            assertThat(graph.maxInFlightSeenOverall()).isEqualTo(2);
            assertThat(graph.notifications()).hasSize(12);
        }
    }
}
