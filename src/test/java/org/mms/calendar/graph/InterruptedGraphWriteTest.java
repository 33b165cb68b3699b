package org.mms.calendar.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mms.calendar.TransientStoreException;
import org.mms.calendar.graph.emulator.GraphEmulator;
import org.mms.directory.User;
import org.mms.migration.MigrateOrganizer;
import org.mms.migration.MigrationType;
import org.mms.testing.ForwardingHttpClient;
import org.mms.testing.ServiceHarness;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A migration on Exchange Online that stops between a PATCH and its confirmation in the journal, settled by the next
 * run. Exchange renders a meeting its own way, so the next run cannot recognize the write by the bytes it reads back;
 * it recognizes it by the hash the PATCH left on the event. A write that reached Exchange counts as written (its
 * update went out, once); one that never left is dropped and the meeting migrated anew.
 */
class InterruptedGraphWriteTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final String ALICE = "alice@contoso.com";
    private static final String NEW_TOLL_SHOWN = "+1 425-555-0175";

    @TempDir
    Path dir;

    private final GraphEmulator graph = GraphEmulator.start();
    private final LosesOnePatch network = new LosesOnePatch(HttpClient.newHttpClient());
    private ServiceHarness service;
    private GraphCalendarStore store;

    @BeforeEach
    void start() {
        service = new ServiceHarness(dir.resolve("pickup"), NOW);
        service.admin.importDirectory(ServiceHarness.TENANT, directoryJson());
        store = new GraphCalendarStore(new GraphSettings(graph.tenantId(), graph.clientId(), graph.graphUrl(), graph.authorityUrl(), 4, 16,
                Duration.ofSeconds(30)), new EmulatorTokens(graph), m -> ALICE, network, service.clock, d -> { });
        graph.addMailbox(ALICE);
    }

    @AfterEach
    void stop() {
        store.close();
        service.close();
        graph.close();
    }

    @Test
    void a_patch_that_reached_exchange_but_whose_answer_was_lost_is_settled_as_written_and_not_sent_again() {
        String id = aTeamsMeeting();
        network.loseTheAnswerToTheNextPatch();

        assertThatThrownBy(() -> migrate("first-run")).isInstanceOf(TransientStoreException.class);
        assertThat(graph.notifications()).as("the PATCH reached Exchange, which sent the update").hasSize(1);
        assertThat(service.journal.openIntents(ServiceHarness.TENANT, alice().id())).hasSize(1);
        long patches = patches();

        MigrateOrganizer.Result second = migrate("second-run");

        assertThat(service.journal.openIntents(ServiceHarness.TENANT, alice().id())).isEmpty();
        assertThat(service.journal.blocks(ServiceHarness.TENANT, "first-run", uidOf(id))).as("the first run's write stands").isPresent();
        assertThat(second.total()).isEqualTo(1);
        assertThat(second.succeeded()).isEqualTo(1);
        assertThat(second.invites()).as("nothing new for Exchange to send").isZero();
        assertThat(patches()).as("no PATCH sent again").isEqualTo(patches);
        assertThat(graph.notifications()).as("attendees got one update").hasSize(1);
        assertThat(body(id)).contains(NEW_TOLL_SHOWN);
    }

    @Test
    void a_patch_that_never_left_is_dropped_and_the_next_run_migrates_the_meeting_once() {
        String id = aTeamsMeeting();
        network.failTheNextPatchBeforeSendingIt();

        assertThatThrownBy(() -> migrate("first-run")).isInstanceOf(TransientStoreException.class);
        assertThat(graph.notifications()).isEmpty();

        MigrateOrganizer.Result second = migrate("second-run");

        assertThat(service.journal.openIntents(ServiceHarness.TENANT, alice().id())).isEmpty();
        assertThat(service.journal.blocks(ServiceHarness.TENANT, "first-run", uidOf(id))).as("the first run's write was dropped").isEmpty();
        assertThat(service.journal.blocks(ServiceHarness.TENANT, "second-run", uidOf(id))).isPresent();
        assertThat(second.invites()).isEqualTo(1);
        assertThat(graph.notifications()).hasSize(1);
        assertThat(body(id)).contains(NEW_TOLL_SHOWN);
    }

    private MigrateOrganizer.Result migrate(String correlationId) {
        User alice = alice();
        var tenant = service.directory.tenant(ServiceHarness.TENANT).orElseThrow();
        return new MigrateOrganizer(store, service.journal, service.clock).run(new MigrateOrganizer.Request(tenant, alice,
                alice.audio().bridgeId().flatMap(service.directory::bridge), MigrationType.TO_SAME_TYPE, correlationId), soFar -> { });
    }

    private User alice() {
        return service.directory.findUser(ServiceHarness.TENANT, ALICE).orElseThrow().value();
    }

    private long patches() {
        return graph.requests().stream().filter(r -> r.method().equals("PATCH")).count();
    }

    private String body(String id) {
        return graph.event(ALICE, id).orElseThrow().path("body").path("content").asString();
    }

    private String uidOf(String id) {
        return graph.event(ALICE, id).orElseThrow().path("iCalUId").asString();
    }

    /** The single-meeting fixture on 8 December, as Outlook's add-in leaves a Teams meeting in Exchange. */
    private String aTeamsMeeting() {
        JsonNode fixture = GraphFixtures.json("teams-meeting-single.json");
        ObjectNode event = GraphFixtures.JSON.createObjectNode();
        event.put("subject", "Q1 planning");
        event.set("body", fixture.path("body").deepCopy());
        event.putObject("start").put("dateTime", "2026-12-08T09:00:00").put("timeZone", "UTC");
        event.putObject("end").put("dateTime", "2026-12-08T10:00:00").put("timeZone", "UTC");
        event.set("attendees", fixture.path("attendees").deepCopy());
        event.set("singleValueExtendedProperties", fixture.path("singleValueExtendedProperties").deepCopy());
        return graph.createEvent(ALICE, event.toString());
    }

    /** Alice on Teams, her default dial-in number the Redmond one: the fixture's block shows the Los Angeles one. */
    private static String directoryJson() {
        return """
                {
                  "tenant": {"name": "Contoso", "domains": ["contoso.com"]},
                  "bridges": [{"name": "Contoso Bridge", "defaultNumber": "+13238494874", "numbers": [
                    {"number": "+13238494874", "kind": "toll", "display": "+1 323-849-4874", "city": "United States, Los Angeles"},
                    {"number": "+14255550175", "kind": "toll", "display": "+1 425-555-0175", "city": "United States, Redmond"}]}],
                  "users": [
                    {"upn": "alice@contoso.com", "displayName": "Alice Smith", "hosting": "online", "meetingType": "teams",
                     "mailbox": "reachable",
                     "audioConferencing": {"licensed": true, "enabled": true, "provider": "microsoft", "bridge": "Contoso Bridge",
                       "serviceNumber": "+14255550175", "conferenceId": "241752659", "publicMeetings": true}}
                  ]
                }
                """;
    }

    /** The network between MMS and Graph, which can lose one PATCH: before it leaves, or its answer after Graph took it. */
    private static final class LosesOnePatch extends ForwardingHttpClient {

        private volatile boolean loseAnswer;
        private volatile boolean failBefore;

        LosesOnePatch(HttpClient delegate) {
            super(delegate);
        }

        void loseTheAnswerToTheNextPatch() {
            loseAnswer = true;
        }

        void failTheNextPatchBeforeSendingIt() {
            failBefore = true;
        }

        @Override
        public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException, InterruptedException {
            boolean patch = request.method().equals("PATCH");
            if (patch && failBefore) {
                failBefore = false;
                throw new IOException("connection refused");
            }
            HttpResponse<T> response = forward(request, handler);
            if (patch && loseAnswer) {
                loseAnswer = false;
                throw new IOException("connection reset before the answer arrived");
            }
            return response;
        }
    }
}
