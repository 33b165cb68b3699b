package org.mms.calendar.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mms.block.BlockRenderer;
import org.mms.block.Coordinates;
import org.mms.block.DialInNumber;
import org.mms.block.MeetingType;
import org.mms.calendar.Mailbox;
import org.mms.calendar.StoredResource;
import org.mms.calendar.WriteResult;
import org.mms.directory.TenantId;
import org.mms.directory.UserId;
import org.mms.migration.CoordinatesTemplate;
import org.mms.migration.Organizer;
import org.mms.migration.ResourcePlan;
import org.mms.migration.SelectionRules;
import org.mms.migration.Targets;
import org.mms.secret.Secret;
import org.opentest4j.TestAbortedException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Graph store against a real Exchange Online mailbox: what the emulator can only be built to believe. A Skype for
 * Business meeting as the add-in leaves it (HTML body with the 137-dot fences, a meet.lync.com join link, dial-in
 * numbers and conference ID, the add-in's named properties) is created in the test mailbox through Graph, migrated to
 * Teams by the engine and {@link GraphCalendarStore}, read back and checked: the block replaced, the HTML around it as
 * Exchange kept it, the properties updated, and a second run that writes nothing. The meeting is deleted whatever
 * happens. It has no attendees, so Exchange mails nobody.
 *
 * <p>It runs only with {@code MMS_GRAPH_TENANT}, {@code MMS_GRAPH_CLIENT_ID}, {@code MMS_GRAPH_CLIENT_SECRET} and
 * {@code MMS_GRAPH_TEST_MAILBOX} set (README, "The live suite"); otherwise it is skipped with a notice, also under
 * {@code CI=true}: no tenant can be reached from CI, so the rule that a missing server fails a CI run
 * ({@code RequiredServer}) is not applied here.
 */
class GraphLiveTest {

    static final List<String> VARIABLES = List.of("MMS_GRAPH_TENANT", "MMS_GRAPH_CLIENT_ID", "MMS_GRAPH_CLIENT_SECRET",
            "MMS_GRAPH_TEST_MAILBOX");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter GRAPH_LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final Mailbox MAILBOX = new Mailbox(new TenantId("live"), new UserId("live-test-mailbox"));
    /** The new Teams coordinates: numbers and an ID no real bridge uses. */
    private static final String NEW_TOLL = "+49 69 365301";
    private static final String NEW_CONFERENCE_ID = "582913407";
    private static final String OLD_CONFERENCE_ID = "79261043";

    private static GraphSettings settings;
    private static MsalAccessTokens tokens;
    private static HttpClient http;
    private static String mailbox;

    /** Checked before the test rather than the class, so that the report counts it as skipped. */
    @BeforeEach
    void needsATenant() {
        List<String> missing = VARIABLES.stream().filter(v -> System.getenv(v) == null || System.getenv(v).isBlank()).toList();
        if (!missing.isEmpty()) {
            String message = skipNotice(missing);
            System.err.println("*** SKIPPED: " + message + " ***");
            throw new TestAbortedException(message);
        }
        if (settings != null) {
            return;
        }
        settings = GraphSettings.of(System.getenv("MMS_GRAPH_TENANT").strip(), System.getenv("MMS_GRAPH_CLIENT_ID").strip());
        tokens = MsalAccessTokens.withSecret(settings, new Secret(System.getenv("MMS_GRAPH_CLIENT_SECRET").strip()));
        http = GraphHttp.newClient(settings);
        mailbox = System.getenv("MMS_GRAPH_TEST_MAILBOX").strip();
    }

    /** Why the suite did not run, and why that is not a failure under CI. */
    static String skipNotice(List<String> missing) {
        return "GraphLiveTest needs a Microsoft 365 tenant: set " + String.join(", ", VARIABLES) + " (not set: "
                + String.join(", ", missing) + "; README, 'The live suite'). It is skipped, not failed, also under CI=true: "
                + "no tenant can be reached from CI, so RequiredServer's rule (a missing server fails under CI) does not apply";
    }

    @AfterAll
    static void close() {
        if (http != null) {
            http.close();
        }
    }

    @Test
    void a_skype_meeting_in_a_real_mailbox_gets_a_teams_block_and_properties_and_nothing_around_them_changes() {
        String tag = "mms-live-" + UUID.randomUUID();
        Instant start = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String id = null;
        try (GraphCalendarStore store = new GraphCalendarStore(settings, tokens, m -> mailbox)) {
            JsonNode created = call("POST", "/events", skypeMeeting(tag, start));
            id = created.path("id").asString();
            String organizer = created.path("organizer").path("emailAddress").path("address").asString();
            String before = event(id).path("body").path("content").asString();
            assertThat(before).as("the body as Exchange keeps it").contains("meet.lync.com", OLD_CONFERENCE_ID, "Before-" + tag,
                    "After-" + tag);

            StoredResource read = store.get(MAILBOX, EventNames.of(id)).orElseThrow();
            ResourcePlan plan = plan(read, organizer, start);
            assertThat(plan.changed()).as("the engine finds the Skype block in Exchange's HTML and replaces it").isTrue();
            assertThat(store.put(MAILBOX, read.ref(), plan.newBytes(), Optional.of(read.etag()))).isInstanceOf(WriteResult.Written.class);

            JsonNode migrated = event(id);
            String after = migrated.path("body").path("content").asString();
            assertThat(after).contains(NEW_TOLL, NEW_CONFERENCE_ID, "https://teams.microsoft.com/l/meetup-join/")
                    .doesNotContain("meet.lync.com", OLD_CONFERENCE_ID, ".".repeat(137));
            // Outside the block nothing moved: the text before it ends, and the text after it begins, at the same places.
            int blockFrom = before.indexOf("Before-" + tag) + ("Before-" + tag).length();
            int blockTo = before.indexOf("After-" + tag);
            assertThat(after).startsWith(before.substring(0, blockFrom)).endsWith(before.substring(blockTo));
            assertThat(property(migrated, "SkypeTeamsMeetingUrl")).hasValueSatisfying(url ->
                    assertThat(url).startsWith("https://teams.microsoft.com/l/meetup-join/"));
            assertThat(property(migrated, "OnlineMeetingExternalLink").orElse("")).doesNotContain("meet.lync.com");
            assertThat(property(migrated, "ConferenceTelURI").orElse("")).doesNotContain(OLD_CONFERENCE_ID);

            // A second run finds the meeting current: nothing is written, the version stays.
            String version = migrated.path("@odata.etag").asString();
            StoredResource again = store.get(MAILBOX, EventNames.of(id)).orElseThrow();
            WriteResult second = store.put(MAILBOX, again.ref(), plan(again, organizer, start).newBytes(), Optional.of(again.etag()));
            assertThat(second).isEqualTo(new WriteResult.Written(again.etag()));
            assertThat(event(id).path("@odata.etag").asString()).isEqualTo(version);
        } finally {
            if (id != null) {
                call("DELETE", "/events/" + GraphCalendarStore.segment(id), null);
            }
        }
    }

    /**
     * A Skype for Business meeting as the add-in leaves it in Outlook: a note before the block, the block with its
     * fences, join link, numbers and conference ID, a signature after it, and the add-in's named properties.
     */
    private static ObjectNode skypeMeeting(String tag, Instant start) {
        String local = mailbox.substring(0, mailbox.indexOf('@'));
        String domain = mailbox.substring(mailbox.indexOf('@') + 1);
        String meetingKey = "K" + tag.substring(tag.length() - 7).toUpperCase(Locale.ROOT);
        URI join = URI.create("https://meet.lync.com/" + domain + "/" + local + "/" + meetingKey);
        Coordinates skype = new Coordinates(MeetingType.SKYPE, join, Optional.empty(), Optional.empty(), Optional.of(OLD_CONFERENCE_ID),
                List.of(new DialInNumber("+14255550100", DialInNumber.Kind.TOLL, "+1 (425) 555-0100", Optional.of("Redmond")),
                        new DialInNumber("+18005550199", DialInNumber.Kind.TOLL_FREE, "+1 (800) 555-0199", Optional.of("Toll-free"))),
                Optional.of(URI.create("https://dialin.lync.com/" + UUID.nameUUIDFromBytes(domain.getBytes(StandardCharsets.UTF_8)))),
                Optional.of(URI.create("https://dialin.lync.com/pin")),
                Optional.of(URI.create("https://o15.officeredir.microsoft.com/r/rlidLync15?clid=1033&p1=5&p2=2009")), Optional.empty(),
                Locale.US);
        String html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"></head><body>"
                + "<div><p>Agenda: the quarterly numbers. Before-" + tag + "</p></div>" + BlockRenderer.render(skype).html()
                + "<div><p>After-" + tag + " &ndash; Alice</p></div></body></html>";
        ObjectNode event = JSON.createObjectNode();
        event.put("subject", "MMS live test " + tag);
        event.putObject("body").put("contentType", "html").put("content", html);
        event.putObject("start").put("dateTime", GRAPH_LOCAL.format(start)).put("timeZone", "UTC");
        event.putObject("end").put("dateTime", GRAPH_LOCAL.format(start.plus(30, ChronoUnit.MINUTES))).put("timeZone", "UTC");
        event.putObject("location").put("displayName", "Skype Meeting");
        var properties = event.putArray("singleValueExtendedProperties");
        addIn(properties, "X-MICROSOFT-ONLINEMEETINGEXTERNALLINK", join.toString());
        addIn(properties, "X-MICROSOFT-ONLINEMEETINGCONFLINK", "conf:sip:" + mailbox + ";gruu;opaque=app:conf:focus:id:" + meetingKey);
        addIn(properties, "X-MICROSOFT-CONFERENCETELURI", "tel:+14255550100,," + OLD_CONFERENCE_ID);
        return event;
    }

    private static void addIn(tools.jackson.databind.node.ArrayNode properties, String icalName, String value) {
        properties.addObject().put("id", AddInProperties.forIcal(icalName).orElseThrow().graphId()).put("value", value);
    }

    /** The engine's plan for the meeting: the organizer's Skype meetings become Teams meetings with new dial-in details. */
    private static ResourcePlan plan(StoredResource resource, String organizer, Instant start) {
        Instant now = start.minus(7, ChronoUnit.DAYS);
        Targets teams = Targets.all(new CoordinatesTemplate(MeetingType.TEAMS,
                "https://teams.microsoft.com/l/meetup-join/19%3ameeting_{uidHash}%40thread.v2/0", Optional.empty(), Optional.empty(),
                Optional.of(NEW_CONFERENCE_ID),
                List.of(new DialInNumber("+4969365301", DialInNumber.Kind.TOLL, NEW_TOLL, Optional.of("Deutschland, Frankfurt"))),
                Optional.of(URI.create("https://dialin.teams.microsoft.com/x?id=" + NEW_CONFERENCE_ID)), Optional.empty(),
                Optional.of(URI.create("https://aka.ms/JoinTeamsMeeting")), Optional.empty(), Locale.US, Optional.empty()));
        return ResourcePlan.of(resource.data(), new SelectionRules(Organizer.of(organizer), now, 250,
                Set.of(MeetingType.SKYPE, MeetingType.TEAMS)), teams, ZoneOffset.UTC);
    }

    /** The event as Graph gives it: HTML body, version, and the add-in's properties. */
    private static JsonNode event(String id) {
        return call("GET", "/events/" + GraphCalendarStore.segment(id) + "?$select=body,subject&$expand="
                + GraphCalendarStore.segment(AddInProperties.expandFilter(List.of())), null);
    }

    private static Optional<String> property(JsonNode event, String mapiName) {
        for (JsonNode p : event.path("singleValueExtendedProperties")) {
            if (p.path("id").asString().toLowerCase(Locale.ROOT).endsWith("name " + mapiName.toLowerCase(Locale.ROOT))) {
                return Optional.of(p.path("value").asString());
            }
        }
        return Optional.empty();
    }

    /** One plain Graph request about the test mailbox, with a token from msal4j; fails the test on anything but 2xx. */
    private static JsonNode call(String method, String path, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.graphUrl() + "/users/"
                        + GraphCalendarStore.segment(mailbox) + path))
                .timeout(settings.timeout())
                .header("Authorization", "Bearer " + tokens.token())
                .header("Prefer", String.join(", ", GraphHttp.PREFER))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.toString()));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 != 2) {
                throw new AssertionError(method + " " + path + ": HTTP " + answer.statusCode() + " " + answer.body());
            }
            return answer.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(method + " " + path + " interrupted", e);
        }
    }
}
