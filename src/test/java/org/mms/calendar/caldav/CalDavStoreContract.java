package org.mms.calendar.caldav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mms.testing.CalendarResources.aMeeting;
import static org.mms.testing.CalendarResources.icsFixture;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mms.calendar.CalendarObject;
import org.mms.calendar.CalendarStore;
import org.mms.calendar.CalendarStoreContract;
import org.mms.calendar.Mailbox;
import org.mms.calendar.PermanentStoreException;
import org.mms.calendar.ResourceRef;
import org.mms.calendar.SplitCalendar;
import org.mms.calendar.StoredResource;
import org.mms.calendar.WriteResult;
import org.mms.directory.TenantId;
import org.mms.directory.UserId;
import org.mms.ical.ContentLine;
import org.mms.ical.ContentLines;
import org.mms.testing.CalDavServer;
import org.mms.testing.CalendarContent;
import org.mms.testing.CalendarResources;

/**
 * The store contract on a real CalDAV server, and what only the CalDAV store promises: conditional
 * writes answered by the server, reading in bounded multigets, server-named resources, discovery,
 * scheduling detection. A subclass per server starts it once for all its tests.
 */
abstract class CalDavStoreContract extends CalendarStoreContract {

    /** Now, as the migration sees it, and the five years it looks ahead. */
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final Instant FIVE_YEARS = Instant.parse("2031-11-23T12:00:00Z");

    protected abstract CalDavServer server();

    /** The store under test, sending through {@link #recorder()}. */
    protected abstract CalDavCalendarStore caldav();

    protected abstract RecordingHttpClient recorder();

    /** Whether this server finds a series by its later occurrences in a time-range query. */
    protected abstract boolean expandsRecurrencesInTimeRangeQueries();

    @Override
    protected final CalendarStore store() {
        return caldav();
    }

    @Override
    protected final boolean keepsBytesExactly() {
        return false;
    }

    @Override
    protected final boolean givesNewEtagForSameContent() {
        return false;
    }

    /** Radicale needs minutes for 2,500 new resources; batching is covered with 500 below. */
    @Override
    protected final int largestMailboxToFill() {
        return 500;
    }

    /**
     * A content line in the compared form of {@link CalendarContent}, seen through what this server is
     * known to damage (each such damage is pinned by a test of the server's own class). Applied to
     * what was written and to what came back alike, so it must give the damaged line the form of the
     * original. A server that keeps everything uses {@link CalendarContent#line}.
     */
    protected String compared(ContentLine line) {
        return CalendarContent.line(line);
    }

    /** The same content, but for what {@link #compared} says the server damages. */
    @Override
    protected final void assertSameContent(byte[] actual, byte[] expected) {
        assertThat(CalendarContent.of(actual, this::compared)).isEqualTo(CalendarContent.of(expected, this::compared));
    }

    /** Each mailbox is a calendar of its own: {@code <tenant>--<user>} where the server keeps calendars. */
    @Override
    protected final Mailbox mailboxOf(TenantId tenant, UserId user) {
        server().makeCalendar(tenant.value() + "--" + user.value());
        return new Mailbox(tenant, user);
    }

    /** The locator every store of these tests uses, matching {@link #mailboxOf}. */
    static MailboxLocator locatorFor(CalDavServer server) {
        return MailboxLocator.template(server.baseUrl(), server.calendarPathTemplate().replace("{name}", "{tenant}--{user}"));
    }

    static CalDavSettings settingsFor(CalDavServer server) {
        return new CalDavSettings(server.baseUrl(), server.username(), server.password(), CalDavSettings.Scheduling.AUTO,
                Duration.ofSeconds(60));
    }

    // ---- conditional writes, as the server answers them ----

    @Test
    void a_stale_if_match_is_answered_412_by_the_server_and_reported_with_the_current_etag() {
        Mailbox mailbox = newMailbox();
        ResourceRef ref = ResourceRef.forUid("uid-1");
        String stale = written(caldav().create(mailbox, ref, aMeeting("uid-1", "First")));
        String current = written(caldav().put(mailbox, ref, aMeeting("uid-1", "Second"), Optional.of(stale)));
        recorder().forget();

        WriteResult result = caldav().put(mailbox, ref, aMeeting("uid-1", "Lost update"), Optional.of(stale));

        assertThat(result).isEqualTo(new WriteResult.PreconditionFailed(Optional.of(current)));
        assertThat(recorder().exchanges(e -> e.method().equals("PUT")))
                .singleElement().satisfies(e -> assertThat(e.status()).isEqualTo(412));
        StoredResource stored = caldav().get(mailbox, ref).orElseThrow();
        assertThat(stored.etag()).isEqualTo(current);
        assertSameContent(stored.data(), aMeeting("uid-1", "Second"));
    }

    @Test
    void creating_the_same_name_twice_with_if_none_match_is_refused_by_the_server_with_the_etag_there() {
        Mailbox mailbox = newMailbox();
        ResourceRef ref = ResourceRef.forUid("uid-1");
        String first = written(caldav().create(mailbox, ref, aMeeting("uid-1", "First")));
        recorder().forget();

        WriteResult second = caldav().create(mailbox, ref, aMeeting("uid-1", "Second"));

        assertThat(second).isEqualTo(new WriteResult.PreconditionFailed(Optional.of(first)));
        assertThat(recorder().exchanges(e -> e.method().equals("PUT")))
                .singleElement().satisfies(e -> assertThat(e.status()).isEqualTo(412));
        assertSameContent(caldav().get(mailbox, ref).orElseThrow().data(), aMeeting("uid-1", "First"));
    }

    /** The conditions servers name for a UID that is taken: RFC 4791's, or RFC 6638's (Cyrus, which checks the account). */
    private static final String UID_CONFLICT = "(?s).*(no-uid-conflict|unique-scheduling-object-resource).*";

    /**
     * A calendar holds a UID once (RFC 4791 §5.3.2.1). Radicale refuses a second resource with a UID it
     * holds with a 409, Xandikos with a 207 holding a 412, Cyrus with a 403: each is a permanent failure
     * naming the condition, never a success and never a lost race.
     */
    @Test
    void a_second_resource_with_a_uid_the_calendar_holds_is_refused_naming_the_conflict() {
        Mailbox mailbox = newMailbox();
        String etag = written(caldav().create(mailbox, new ResourceRef("first.ics"), aMeeting("uid-1", "First")));

        assertThatThrownBy(() -> caldav().create(mailbox, new ResourceRef("second.ics"), aMeeting("uid-1", "Second")))
                .isInstanceOf(PermanentStoreException.class)
                .hasMessageContaining("CalDAV PUT " + locatorFor(server()).calendarOf(mailbox) + "second.ics")
                .hasMessageMatching(UID_CONFLICT);
        assertThat(caldav().put(mailbox, new ResourceRef("second.ics"), aMeeting("uid-1", "Second"), Optional.empty()))
                .isInstanceOfSatisfying(WriteResult.Refused.class, refused -> assertThat(refused.reason()).matches(UID_CONFLICT));
        assertThat(caldav().count(mailbox)).isEqualTo(1);
        assertThat(caldav().get(mailbox, new ResourceRef("first.ics")).orElseThrow().etag()).isEqualTo(etag);
    }

    @Test
    void the_etag_a_write_gives_is_the_one_the_server_serves_and_the_next_write_can_use() {
        Mailbox mailbox = newMailbox();
        ResourceRef ref = ResourceRef.forUid("uid-1");
        String etag = written(caldav().create(mailbox, ref, aMeeting("uid-1")));

        for (int i = 0; i < 3; i++) {
            assertThat(caldav().get(mailbox, ref).orElseThrow().etag()).isEqualTo(etag);
            etag = written(caldav().put(mailbox, ref, aMeeting("uid-1", "Change " + i), Optional.of(etag)));
        }
    }

    // ---- reading in batches ----

    @Test
    void five_hundred_meetings_are_read_fifty_at_a_time_one_multiget_per_batch() throws Exception {
        Mailbox mailbox = newMailbox();
        createAll(mailbox, 500, i -> aMeeting("uid-" + i, "Meeting " + i));
        recorder().forget();

        List<Integer> multigetsWhenSeen = new ArrayList<>();
        List<String> summaries = new ArrayList<>();
        caldav().forEachCandidate(mailbox, NOW, FIVE_YEARS, 50, r -> {
            multigetsWhenSeen.add(recorder().exchanges(RecordingHttpClient.Exchange::isMultiget).size());
            summaries.add(new String(r.data(), StandardCharsets.UTF_8).replaceAll("(?s).*SUMMARY:([^\r\n]*).*", "$1"));
        });

        assertThat(summaries).hasSize(500).doesNotHaveDuplicates().allSatisfy(s -> assertThat(s).startsWith("Meeting "));
        List<RecordingHttpClient.Exchange> multigets = recorder().exchanges(RecordingHttpClient.Exchange::isMultiget);
        assertThat(multigets).hasSize(10).allSatisfy(m -> {
            assertThat(m.hrefCount()).isEqualTo(50);
            assertThat(m.status()).isEqualTo(207);
        });
        // Each batch is handed over before the next is fetched: the i-th resource comes after multiget i / 50 + 1.
        for (int i = 0; i < 500; i++) {
            assertThat(multigetsWhenSeen.get(i)).as("multigets before resource %d", i).isEqualTo(i / 50 + 1);
        }
        // The queries ask for hrefs and ETags only, never for the data.
        assertThat(recorder().exchanges(RecordingHttpClient.Exchange::isQuery)).hasSize(3)
                .allSatisfy(q -> assertThat(q.body()).doesNotContain("calendar-data").contains("getetag"));
        assertThat(recorder().exchanges()).hasSize(13);
    }

    @Test
    void every_time_range_query_has_a_start_and_an_end() {
        Mailbox mailbox = newMailbox();
        caldav().create(mailbox, ResourceRef.forUid("uid-1"), aMeeting("uid-1"));
        recorder().forget();

        caldav().forEachCandidate(mailbox, NOW, FIVE_YEARS, 10, r -> { });

        assertThat(recorder().exchanges(RecordingHttpClient.Exchange::isQuery)).isNotEmpty().allSatisfy(q -> {
            assertThat(q.body()).containsPattern("<C:time-range start=\"\\d{8}T\\d{6}Z\" end=\"\\d{8}T\\d{6}Z\"/>");
            assertThat(q.body()).containsAnyOf("end=\"20311123T120000Z\"", "end=\"20261123T120000Z\"");
        });
    }

    @Test
    void a_series_that_began_years_ago_is_a_candidate_for_the_coming_years() {
        Mailbox mailbox = newMailbox();
        // A monthly series since May 2019 without an end; its master's DTSTART is long past.
        byte[] series = onlyResource("teams-t1-en-2019.ics");
        ResourceRef ref = ResourceRef.forUid(CalendarObject.uidOf(series));
        caldav().create(mailbox, ref, series);
        caldav().create(mailbox, ResourceRef.forUid("single-in-2019"), utf8(text(aMeeting("single-in-2019"))
                .replace("20270105", "20190105")));

        List<ResourceRef> seen = new ArrayList<>();
        caldav().forEachCandidate(mailbox, NOW, FIVE_YEARS, 10, r -> seen.add(r.ref()));

        assertThat(seen).containsExactly(ref);
    }

    /**
     * Pins the server difference the series queries exist for: a plain time-range query finds the old
     * series on a server that expands recurrences (Radicale) and misses it on one that ignores RRULE
     * (Xandikos). Should a server change, this says so.
     */
    @Test
    void a_plain_time_range_query_finds_an_old_series_only_where_the_server_expands_recurrences() throws Exception {
        Mailbox mailbox = newMailbox();
        byte[] series = onlyResource("teams-t1-en-2019.ics");
        caldav().create(mailbox, ResourceRef.forUid(CalendarObject.uidOf(series)), series);
        CalendarQuery plain = CalendarQuery.candidatesFor(NOW, FIVE_YEARS).getFirst();

        String answer = rawRequest("REPORT", locatorFor(server()).calendarOf(mailbox), plain.body(), "1");

        assertThat(MultistatusParser.parse(answer.getBytes(StandardCharsets.UTF_8)).responses())
                .hasSize(expandsRecurrencesInTimeRangeQueries() ? 1 : 0);
    }

    static Stream<String> fixtures() {
        return Stream.of("teams-t2-de.ics", "teams-t2-ja.ics", "escapes-and-x-props.ics", "outlook-weekly-dst-exdates-override.ics",
                "series-weekly-overrides.ics", "series-overrides-apart.ics", "skype-sv-dialin.ics", "attendees-250.ics", "all-day.ics",
                "outlook-customized-time-zones.ics", "outlook-2010-display-name-tzid.ics", "multi-observance-eastern-with-history.ics",
                "teams-t1-en-2019.ics", "cancelled.ics", "copy-pasted-block.ics");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void a_real_export_comes_back_with_the_same_content_through_get_and_through_the_multiget(String fixture) {
        refusal(icsFixture(fixture)).ifPresent(why -> Assumptions.abort("this server refuses " + fixture + ": " + why));
        Mailbox mailbox = newMailbox();
        Map<ResourceRef, byte[]> written = new HashMap<>();
        SplitCalendar.of(icsFixture(fixture)).forEachResource(r -> {
            written(caldav().create(mailbox, r.ref(), r.data()));
            written.put(r.ref(), r.data());
        });

        Map<ResourceRef, StoredResource> got = new HashMap<>();
        written.forEach((ref, data) -> {
            StoredResource stored = caldav().get(mailbox, ref).orElseThrow();
            assertSameContent(stored.data(), data);
            got.put(ref, stored);
        });
        List<StoredResource> seen = new ArrayList<>();
        caldav().forEachCandidate(mailbox, Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("2100-01-01T00:00:00Z"), 3,
                seen::add);

        assertThat(seen).extracting(StoredResource::ref).containsExactlyInAnyOrderElementsOf(written.keySet());
        // The multiget's rendering is the server's own, as GET gives it: same ETag, same bytes (CRLF included).
        assertThat(seen).allSatisfy(r -> assertThat(r).isEqualTo(got.get(r.ref())));
    }

    /**
     * What MMS does to every meeting it migrates: read the server's rendering, write it back with a
     * change. The server's rendering must be a fixed point: writing back exactly what it gave must
     * give back exactly that again, whatever it did to the original.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void writing_back_what_the_server_gave_changes_nothing(String fixture) {
        refusal(icsFixture(fixture)).ifPresent(why -> Assumptions.abort("this server refuses " + fixture + ": " + why));
        Mailbox mailbox = newMailbox();
        SplitCalendar.of(icsFixture(fixture)).forEachResource(r -> {
            written(caldav().create(mailbox, r.ref(), r.data()));
            StoredResource first = caldav().get(mailbox, r.ref()).orElseThrow();

            written(caldav().put(mailbox, r.ref(), first.data(), Optional.of(first.etag())));

            StoredResource second = caldav().get(mailbox, r.ref()).orElseThrow();
            assertThat(text(second.data())).isEqualTo(text(first.data()));
        });
    }

    // ---- names ----

    @Test
    void a_resource_another_client_named_is_read_and_written_under_its_own_name() throws Exception {
        Mailbox mailbox = newMailbox();
        URI calendar = locatorFor(server()).calendarOf(mailbox);
        // Thunderbird and Outlook connectors name resources like this; '{' and '}' must be percent-encoded.
        rawRequest("PUT", calendar.resolve("%7B0b7e6e2a-Team%20Sync%7D@host.ics"),
                text(aMeeting("named-elsewhere", "Before")), null);

        List<StoredResource> seen = new ArrayList<>();
        caldav().forEachCandidate(mailbox, NOW, FIVE_YEARS, 10, seen::add);

        assertThat(seen).singleElement().satisfies(r -> assertThat(r.ref()).isEqualTo(new ResourceRef("%7B0b7e6e2a-Team%20Sync%7D@host.ics")));
        StoredResource found = seen.getFirst();
        assertThat(caldav().get(mailbox, found.ref())).contains(found);
        String etag = written(caldav().put(mailbox, found.ref(), aMeeting("named-elsewhere", "After"), Optional.of(found.etag())));
        assertThat(caldav().get(mailbox, found.ref()).orElseThrow().etag()).isEqualTo(etag);
        assertThat(caldav().count(mailbox)).isEqualTo(1);
    }

    // ---- failures ----

    @Test
    void a_mailbox_without_a_calendar_is_a_permanent_failure_that_names_the_url() {
        Mailbox nowhere = CalendarResources.aMailbox(); // no calendar made for it
        String url = locatorFor(server()).calendarOf(nowhere).toString();

        assertThatThrownBy(() -> caldav().count(nowhere))
                .isInstanceOf(PermanentStoreException.class)
                .hasMessageContaining("PROPFIND " + url)
                .hasMessageContaining("404");
        assertThatThrownBy(() -> caldav().forEachCandidate(nowhere, NOW, FIVE_YEARS, 10, r -> { }))
                .isInstanceOf(PermanentStoreException.class)
                .hasMessageContaining("REPORT " + url);
        assertThat(caldav().get(nowhere, ResourceRef.forUid("uid-1"))).isEmpty();
    }

    // ---- discovery and scheduling ----

    @Test
    void discovery_finds_the_principal_its_calendar_home_and_the_calendars_in_it() {
        Mailbox mailbox = newMailbox();
        URI calendar = locatorFor(server()).calendarOf(mailbox);

        CalDavDiscovery.Discovered found;
        try (CalDavDiscovery discovery = new CalDavDiscovery(settingsFor(server()))) {
            found = discovery.discover();
        }

        assertThat(found.calendarHome().toString()).isEqualTo(calendar.resolve("..").toString());
        assertThat(found.principal().getPath()).isNotEmpty();
        assertThat(found.calendars()).extracting(CalDavDiscovery.CalendarCollection::url).contains(calendar);
    }

    @Test
    void neither_server_schedules_so_mms_sends_unless_told_otherwise() {
        Mailbox one = newMailbox();
        Mailbox two = newMailbox();
        RecordingHttpClient fresh = new RecordingHttpClient(DavHttp.newClient(settingsFor(server())));

        try (CalDavCalendarStore detecting = new CalDavCalendarStore(settingsFor(server()), locatorFor(server()), fresh)) {
            assertThat(detecting.schedulesForAttendees(one)).isFalse();
            assertThat(detecting.schedulesForAttendees(two)).isFalse();
        }
        assertThat(fresh.exchanges()).as("asked once per server").singleElement()
                .satisfies(e -> assertThat(e.method()).isEqualTo("OPTIONS"));

        try (CalDavCalendarStore told = new CalDavCalendarStore(settingsFor(server()).withScheduling(
                CalDavSettings.Scheduling.SERVER_SCHEDULES), locatorFor(server()))) {
            assertThat(told.schedulesForAttendees(one)).isTrue();
        }
    }

    // ---- helpers ----

    /** Creates {@code n} meetings, four at a time (the servers take one write at a time anyway). */
    private void createAll(Mailbox mailbox, int n, IntFunction<byte[]> meeting) throws Exception {
        List<Future<WriteResult>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < n; i++) {
                int index = i;
                results.add(pool.submit(() -> caldav().create(mailbox, ResourceRef.forUid("uid-" + index), meeting.apply(index))));
            }
        }
        for (Future<WriteResult> result : results) {
            assertThat(result.get()).isInstanceOf(WriteResult.Written.class);
        }
    }

    private static byte[] onlyResource(String fixture) {
        List<CalendarObject> resources = SplitCalendar.of(icsFixture(fixture)).resources();
        assertThat(resources).hasSize(1);
        return resources.getFirst().data();
    }

    /** A request outside the adapter, as another client would send it. */
    protected String rawRequest(String method, URI url, String body, String depth) throws IOException, InterruptedException {
        return rawRequest(method, url, body, depth, StandardCharsets.UTF_8);
    }

    /** The same, with the body sent in {@code charset} (ISO-8859-1 sends a byte per char as it is). */
    protected String rawRequest(String method, URI url, String body, String depth, Charset charset)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .method(method, HttpRequest.BodyPublishers.ofString(body, charset))
                .header("Content-Type", method.equals("PUT") ? "text/calendar; charset=utf-8" : "application/xml; charset=utf-8");
        if (depth != null) {
            request.header("Depth", depth);
        }
        server().username().ifPresent(user -> request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + server().password().orElse("")).getBytes(StandardCharsets.UTF_8))));
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("%s %s: %s", method, url, response.body()).isBetween(200, 299);
            return response.body();
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    /** The value of the first line named {@code name} of a calendar, unfolded, escapes kept. */
    static String rawValue(byte[] calendar, String name) {
        for (ContentLine line : ContentLines.scan(calendar)) {
            if (line.hasName(name)) {
                return line.property().value();
            }
        }
        throw new AssertionError("no " + name + " in\n" + text(calendar));
    }
}
