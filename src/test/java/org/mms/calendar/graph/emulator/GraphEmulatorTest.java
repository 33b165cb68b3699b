package org.mms.calendar.graph.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mms.testing.MutableClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The emulator keeps Graph's contract as a client sees it over HTTP, with the JDK's HttpClient. */
class GraphEmulatorTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ALICE = "alice@contoso.example";
    private static final String WINDOW = "startDateTime=2030-01-01T00:00:00Z&endDateTime=2030-03-01T00:00:00Z";
    private static final String ONLINE_MEETING_LINK = "String {00020329-0000-0000-C000-000000000046} Name X-MICROSOFT-ONLINEMEETINGCONFLINK";
    private static final String SKYPE_TEAMS_PROPERTIES = "String {00020329-0000-0000-C000-000000000046} Name X-MICROSOFT-SKYPETEAMSPROPERTIES";

    private final HttpClient http = HttpClient.newHttpClient();
    private GraphEmulator graph = GraphEmulator.start();

    @AfterEach
    void stop() {
        graph.close();
    }

    @Test
    void paging_follows_next_link_to_the_last_page() throws Exception {
        graph.addMailbox(ALICE);
        for (int day = 1; day <= 25; day++) {
            graph.createEvent(ALICE, single("Meeting " + day, String.format("2030-01-%02dT09:00:00", day), "[]"));
        }

        List<Integer> pageSizes = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        URI next = graph.graphUrl().resolve("v1.0/users/" + ALICE + "/calendarView?" + WINDOW + "&$top=10&$select=subject,start");
        HttpResponse<String> last = null;
        while (next != null) {
            last = send(HttpRequest.newBuilder(next).header("Authorization", "Bearer " + graph.accessToken()).GET());
            assertThat(last.statusCode()).isEqualTo(200);
            JsonNode page = JSON.readTree(last.body());
            pageSizes.add(page.path("value").size());
            page.path("value").forEach(event -> ids.add(event.path("id").asString()));
            next = page.hasNonNull("@odata.nextLink") ? URI.create(page.path("@odata.nextLink").asString()) : null;
        }

        assertThat(pageSizes).containsExactly(10, 10, 5);
        assertThat(ids).hasSize(25);
        assertThat(last.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(last.headers().firstValue("request-id")).isPresent();
    }

    @Test
    void calendar_view_without_both_bounds_is_refused_as_graph_does() throws Exception {
        graph.addMailbox(ALICE);

        HttpResponse<String> response = get("/users/" + ALICE + "/calendarView?startDateTime=2030-01-01T00:00:00Z");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("error").path("code").asString()).isEqualTo("ErrorInvalidParameter");
    }

    @Test
    void a_weekly_series_with_one_exception_and_one_cancelled_occurrence_expands_into_the_rest() throws Exception {
        graph.addMailbox(ALICE);
        String master = graph.createEvent(ALICE, weeklySeries("[]"));
        String exception = graph.addException(ALICE, master, Instant.parse("2030-01-14T10:00:00Z"),
                "{\"subject\":\"Moved\",\"start\":{\"dateTime\":\"2030-01-15T15:00:00\",\"timeZone\":\"UTC\"},"
                        + "\"end\":{\"dateTime\":\"2030-01-15T15:30:00\",\"timeZone\":\"UTC\"}}");
        graph.cancelOccurrence(ALICE, master, Instant.parse("2030-01-21T10:00:00Z"));

        JsonNode instances = JSON.readTree(get("/users/" + ALICE + "/calendarView?" + WINDOW + "&$top=50").body()).path("value");

        List<String> summary = new ArrayList<>();
        instances.forEach(i -> summary.add(i.path("type").asString() + " " + i.path("start").path("dateTime").asString()));
        assertThat(summary).containsExactly(
                "occurrence 2030-01-07T10:00:00.0000000",
                "exception 2030-01-15T15:00:00.0000000",
                "occurrence 2030-01-28T10:00:00.0000000",
                "occurrence 2030-02-04T10:00:00.0000000");
        instances.forEach(instance -> assertThat(instance.path("seriesMasterId").asString()).isEqualTo(master));
        assertThat(instances.get(1).path("id").asString()).isEqualTo(exception);
        assertThat(instances.get(1).path("originalStart").asString()).isEqualTo("2030-01-14T10:00:00Z");
        assertThat(instances.get(1).path("subject").asString()).isEqualTo("Moved");
        Set<String> ids = new HashSet<>();
        instances.forEach(i -> ids.add(i.path("id").asString()));
        assertThat(ids).hasSize(4).doesNotContain(master);
        assertThat(JSON.readTree(get("/users/" + ALICE + "/events/" + master).body()).path("type").asString()).isEqualTo("seriesMaster");
        assertThat(JSON.readTree(get("/users/" + ALICE + "/events/" + exception).body()).path("type").asString()).isEqualTo("exception");
    }

    @Test
    void a_patch_renews_the_etag_and_a_stale_if_match_gets_412() throws Exception {
        graph.addMailbox(ALICE);
        String id = graph.createEvent(ALICE, single("Planning", "2030-01-10T09:00:00", "[]"));
        String etag = JSON.readTree(get("/users/" + ALICE + "/events/" + id).body()).path("@odata.etag").asString();

        HttpResponse<String> patched = patch("/users/" + ALICE + "/events/" + id, etag, "{\"body\":{\"contentType\":\"html\",\"content\":\"<p>new</p>\"}}");
        HttpResponse<String> stale = patch("/users/" + ALICE + "/events/" + id, etag, "{\"subject\":\"again\"}");

        assertThat(patched.statusCode()).isEqualTo(200);
        JsonNode after = JSON.readTree(patched.body());
        assertThat(after.path("@odata.etag").asString()).isNotEqualTo(etag).isEqualTo("W/\"" + after.path("changeKey").asString() + "\"");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(JSON.readTree(stale.body()).path("error").path("code").asString()).isEqualTo("ErrorIrresolvableConflict");
    }

    @Test
    void a_user_edit_makes_the_etag_a_client_holds_stale() throws Exception {
        graph.addMailbox(ALICE);
        String id = graph.createEvent(ALICE, single("Planning", "2030-01-10T09:00:00", "[]"));
        String etag = JSON.readTree(get("/users/" + ALICE + "/events/" + id).body()).path("@odata.etag").asString();

        graph.changeEvent(ALICE, id, "{\"subject\":\"Planning (moved)\"}");

        assertThat(patch("/users/" + ALICE + "/events/" + id, etag, "{\"subject\":\"mine\"}").statusCode()).isEqualTo(412);
        assertThat(graph.event(ALICE, id).orElseThrow().path("subject").asString()).isEqualTo("Planning (moved)");
    }

    @Test
    void the_fifth_request_in_flight_to_one_mailbox_gets_429_with_retry_after() throws Exception {
        graph.addMailbox(ALICE);
        graph.latency(Duration.ofMillis(1500));
        List<CompletableFuture<HttpResponse<String>>> four = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            four.add(http.sendAsync(request("/users/" + ALICE + "/calendarView?" + WINDOW).GET().build(), HttpResponse.BodyHandlers.ofString()));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (graph.inFlight(ALICE) < 4 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }

        HttpResponse<String> fifth = get("/users/" + ALICE + "/calendarView?" + WINDOW);

        assertThat(fifth.statusCode()).isEqualTo(429);
        assertThat(fifth.headers().firstValue("Retry-After")).isPresent();
        JsonNode error = JSON.readTree(fifth.body()).path("error");
        assertThat(error.path("code").asString()).isEqualTo("ApplicationThrottled");
        assertThat(error.path("message").asString()).contains("MailboxConcurrency");
        for (CompletableFuture<HttpResponse<String>> response : four) {
            assertThat(response.get().statusCode()).isEqualTo(200);
        }
        assertThat(graph.maxInFlightSeen(ALICE)).isEqualTo(5);
        assertThat(graph.maxInFlightSeenOverall()).isEqualTo(5);
    }

    @Test
    void exchange_records_one_notification_per_updated_master_and_per_updated_exception() throws Exception {
        graph.addMailbox(ALICE);
        String attendees = "[{\"type\":\"required\",\"emailAddress\":{\"address\":\"bob@contoso.example\",\"name\":\"Bob\"}}]";
        String master = graph.createEvent(ALICE, weeklySeries(attendees));
        String exception = graph.addException(ALICE, master, Instant.parse("2030-01-14T10:00:00Z"), "{\"subject\":\"Special\"}");
        String alone = graph.createEvent(ALICE, single("Focus time", "2030-01-10T09:00:00", "[]"));
        String body = "{\"body\":{\"contentType\":\"html\",\"content\":\"<p>new block</p>\"}}";

        patch("/users/" + ALICE + "/events/" + master, null, body);
        patch("/users/" + ALICE + "/events/" + exception, null, body);
        patch("/users/" + ALICE + "/events/" + alone, null, body);
        graph.changeEvent(ALICE, master, "{\"subject\":\"edited by the user\"}");

        assertThat(graph.notifications()).extracting(Notification::eventId).containsExactly(master, exception);
        assertThat(graph.notifications()).allSatisfy(n -> assertThat(n.upn()).isEqualTo(ALICE));
        assertThat(graph.notifications().get(0).iCalUId()).isEqualTo(graph.event(ALICE, master).orElseThrow().path("iCalUId").asString());
    }

    @Test
    void a_token_from_the_token_endpoint_opens_graph_and_a_wrong_secret_is_refused() throws Exception {
        graph.addMailbox(ALICE);

        HttpResponse<String> granted = token(graph.clientSecret());
        HttpResponse<String> refused = token("not-the-secret");

        assertThat(granted.statusCode()).isEqualTo(200);
        JsonNode answer = JSON.readTree(granted.body());
        assertThat(answer.path("token_type").asString()).isEqualTo("Bearer");
        assertThat(answer.path("expires_in").asInt()).isEqualTo(3599);
        HttpResponse<String> read = send(HttpRequest.newBuilder(graph.graphUrl().resolve("v1.0/users/" + ALICE + "/calendarView?" + WINDOW))
                .header("Authorization", "Bearer " + answer.path("access_token").asString()).GET());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(refused.statusCode()).isEqualTo(401);
        JsonNode error = JSON.readTree(refused.body());
        assertThat(error.path("error").asString()).isEqualTo("invalid_client");
        assertThat(error.path("error_description").asString()).startsWith("AADSTS7000215: Invalid client secret provided");
    }

    @Test
    void a_request_without_a_token_an_expired_token_or_a_revoked_token_gets_401() throws Exception {
        graph.close();
        MutableClock clock = MutableClock.at("2030-01-01T08:00:00Z");
        graph = GraphEmulator.builder().clock(clock).tokenLifetime(Duration.ofMinutes(10)).start();
        graph.addMailbox(ALICE);
        URI view = graph.graphUrl().resolve("v1.0/users/" + ALICE + "/calendarView?" + WINDOW);
        String expiring = graph.accessToken();

        HttpResponse<String> none = send(HttpRequest.newBuilder(view).GET());
        clock.advance(Duration.ofMinutes(11));
        HttpResponse<String> expired = send(HttpRequest.newBuilder(view).header("Authorization", "Bearer " + expiring).GET());
        String fresh = graph.accessToken();
        HttpResponse<String> renewed = send(HttpRequest.newBuilder(view).header("Authorization", "Bearer " + fresh).GET());
        graph.revokeTokens();
        HttpResponse<String> revoked = send(HttpRequest.newBuilder(view).header("Authorization", "Bearer " + fresh).GET());

        assertThat(List.of(none.statusCode(), expired.statusCode(), renewed.statusCode(), revoked.statusCode())).containsExactly(401, 401, 200, 401);
        assertThat(JSON.readTree(expired.body()).path("error").path("code").asString()).isEqualTo("InvalidAuthenticationToken");
    }

    @Test
    void extended_properties_come_only_when_expanded_and_only_those_filtered_and_a_patch_merges_them_by_id() throws Exception {
        graph.addMailbox(ALICE);
        String id = graph.createEvent(ALICE, """
                {"subject":"Sync","start":{"dateTime":"2030-01-10T09:00:00","timeZone":"UTC"},
                 "end":{"dateTime":"2030-01-10T09:30:00","timeZone":"UTC"},
                 "singleValueExtendedProperties":[
                   {"id":"%s","value":"https://meet.example/old"},
                   {"id":"%s","value":"{\\"cid\\":\\"1\\"}"},
                   {"id":"String {00020329-0000-0000-C000-000000000046} Name X-OTHER","value":"kept"}]}
                """.formatted(ONLINE_MEETING_LINK, SKYPE_TEAMS_PROPERTIES));
        String expand = "$expand=" + URLEncoder.encode("singleValueExtendedProperties($filter=id eq '" + ONLINE_MEETING_LINK
                + "' or id eq '" + SKYPE_TEAMS_PROPERTIES + "')", StandardCharsets.UTF_8).replace("+", "%20");

        JsonNode plain = JSON.readTree(get("/users/" + ALICE + "/calendarView?" + WINDOW).body()).path("value").get(0);
        JsonNode expanded = JSON.readTree(get("/users/" + ALICE + "/calendarView?" + WINDOW + "&" + expand).body()).path("value").get(0);
        patch("/users/" + ALICE + "/events/" + id, null,
                "{\"singleValueExtendedProperties\":[{\"id\":\"" + ONLINE_MEETING_LINK + "\",\"value\":\"https://meet.example/new\"}]}");

        assertThat(plain.has("singleValueExtendedProperties")).isFalse();
        assertThat(expanded.path("singleValueExtendedProperties")).hasSize(2);
        JsonNode stored = graph.event(ALICE, id).orElseThrow().path("singleValueExtendedProperties");
        assertThat(stored).hasSize(3);
        assertThat(stored.get(0).path("value").asString()).isEqualTo("https://meet.example/new");
        assertThat(stored.get(2).path("value").asString()).isEqualTo("kept");
    }

    @Test
    void a_body_is_stored_as_the_html_document_exchange_returns_and_read_as_text_when_preferred() throws Exception {
        graph.addMailbox(ALICE);
        String id = graph.createEvent(ALICE, """
                {"subject":"Sync","body":{"contentType":"html","content":"<p>Join <b>here</b></p><script>x()</script>"},
                 "start":{"dateTime":"2030-01-10T09:00:00","timeZone":"UTC"},"end":{"dateTime":"2030-01-10T09:30:00","timeZone":"UTC"}}
                """);

        String html = graph.event(ALICE, id).orElseThrow().path("body").path("content").asString();
        HttpResponse<String> text = send(request("/users/" + ALICE + "/events/" + id).header("Prefer", "outlook.body-content-type=\"text\"").GET());

        assertThat(html).isEqualTo("<html><head>\r\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">\r\n"
                + "</head><body><p>Join <b>here</b></p></body></html>");
        JsonNode body = JSON.readTree(text.body()).path("body");
        assertThat(body.path("contentType").asString()).isEqualTo("text");
        assertThat(body.path("content").asString()).isEqualTo("Join here");
    }

    @Test
    void unknown_mailboxes_and_events_get_graphs_404_codes() throws Exception {
        graph.addMailbox(ALICE);
        graph.addMailboxOnPremises("carol@contoso.example");

        assertThat(errorCode(get("/users/nobody@contoso.example/events/x"))).isEqualTo("ErrorInvalidUser");
        assertThat(errorCode(get("/users/carol@contoso.example/calendarView?" + WINDOW))).isEqualTo("MailboxNotEnabledForRESTAPI");
        assertThat(errorCode(get("/users/" + ALICE + "/events/AAMkADunknown"))).isEqualTo("ErrorItemNotFound");
    }

    @Test
    void injected_failures_answer_with_retry_after_then_the_emulator_answers_again() throws Exception {
        graph.addMailbox(ALICE);
        graph.failNext(2, 503, Duration.ofSeconds(3));

        HttpResponse<String> first = get("/users/" + ALICE + "/calendarView?" + WINDOW);
        HttpResponse<String> second = get("/users/" + ALICE + "/calendarView?" + WINDOW);
        HttpResponse<String> third = get("/users/" + ALICE + "/calendarView?" + WINDOW);

        assertThat(List.of(first.statusCode(), second.statusCode(), third.statusCode())).containsExactly(503, 503, 200);
        assertThat(first.headers().firstValue("Retry-After")).hasValue("3");
        assertThat(graph.requests()).hasSize(3).allSatisfy(r -> assertThat(r.header("Authorization")).isEmpty());
    }

    @Test
    void the_list_of_events_holds_single_events_and_series_masters_paged_and_never_their_instances() throws Exception {
        graph.addMailbox(ALICE);
        for (int day = 1; day <= 11; day++) {
            graph.createEvent(ALICE, single("Meeting " + day, String.format("2030-01-%02dT09:00:00", day), "[]"));
        }
        String master = graph.createEvent(ALICE, weeklySeries("[]"));
        String exception = graph.addException(ALICE, master, Instant.parse("2030-01-14T10:00:00Z"), "{\"subject\":\"Moved\"}");

        List<JsonNode> listed = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        URI next = URI.create(graph.graphUrl() + "/users/" + ALICE + "/events?$top=5&$select=subject,type");
        while (next != null) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(next).header("Authorization", "Bearer " + graph.accessToken()).GET());
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode page = JSON.readTree(response.body());
            pageSizes.add(page.path("value").size());
            page.path("value").forEach(listed::add);
            next = page.hasNonNull("@odata.nextLink") ? URI.create(page.path("@odata.nextLink").asString()) : null;
        }

        assertThat(pageSizes).containsExactly(5, 5, 2);
        assertThat(listed).extracting(e -> e.path("type").asString()).containsOnly("singleInstance", "seriesMaster");
        assertThat(listed).extracting(e -> e.path("id").asString()).doesNotHaveDuplicates().contains(master).doesNotContain(exception);
        assertThat(listed.getFirst().propertyNames()).containsExactlyInAnyOrder("@odata.etag", "id", "subject", "type");
        JsonNode unpaged = JSON.readTree(get("/users/" + ALICE + "/calendar/events").body());
        assertThat(unpaged.path("value")).hasSize(10);
        assertThat(unpaged.path("@odata.nextLink").asString()).contains("$skiptoken=");
    }

    @Test
    void a_filter_on_an_extended_propertys_value_finds_the_events_that_carry_it_the_value_in_any_case() throws Exception {
        graph.addMailbox(ALICE);
        String named = "String {6b1f3c2e-9a47-4d5b-8e0c-2f7a9d4b1c63} Name MmsResourceName";
        String teams = graph.createEvent(ALICE, withProperty(named, "Team Sync.ics"));
        String quoted = graph.createEvent(ALICE, withProperty(named, "O'Brien.ics"));
        graph.createEvent(ALICE, withProperty(named, "other.ics"));
        graph.createEvent(ALICE, withProperty("String {6b1f3c2e-9a47-4d5b-8e0c-2f7a9d4b1c63} Name Unrelated", "Team Sync.ics"));

        assertThat(ids(filtered(named, "Team Sync.ics"))).containsExactly(teams);
        assertThat(ids(filtered(named, "team sync.ICS"))).as("the value in any case").containsExactly(teams);
        assertThat(ids(filtered(named.replace("{6b1f", "{6B1F").replace("String", "string"), "Team Sync.ics"))).containsExactly(teams);
        assertThat(ids(filtered(named.replace("MmsResourceName", "mmsresourcename"), "Team Sync.ics"))).as("the name exactly").isEmpty();
        assertThat(ids(filtered(named, "O''Brien.ics"))).containsExactly(quoted);
        assertThat(ids(filtered(named, "Team"))).isEmpty();
        JsonNode event = JSON.readTree(filtered(named, "Team Sync.ics").body()).path("value").get(0);
        assertThat(event.has("singleValueExtendedProperties")).as("a filter does not expand").isFalse();
    }

    @Test
    void options_and_filters_the_emulator_does_not_apply_are_refused_rather_than_ignored() throws Exception {
        graph.addMailbox(ALICE);
        String contains = "singleValueExtendedProperties/any(ep: ep/id eq 'String 0x0037' and contains(ep/value, 'x'))";

        assertThat(get("/users/" + ALICE + "/events?$filter=" + encode(contains)).statusCode()).isEqualTo(400);
        assertThat(get("/users/" + ALICE + "/events?$filter=" + encode("subject eq 'x'")).statusCode()).isEqualTo(400);
        assertThat(get("/users/" + ALICE + "/events?$orderby=start").statusCode()).isEqualTo(400);
        assertThat(get("/users/" + ALICE + "/events?$count=true").statusCode()).isEqualTo(400);
        assertThat(errorCode(get("/users/" + ALICE + "/calendarView?" + WINDOW + "&$filter="
                + encode("singleValueExtendedProperties/any(ep: ep/id eq 'String 0x0037' and ep/value eq 'x')")))).isEqualTo("ErrorInvalidUrlQuery");
    }

    @Test
    void the_instances_of_a_series_are_its_exceptions_and_occurrences_in_the_window_without_the_cancelled() throws Exception {
        graph.addMailbox(ALICE);
        String master = graph.createEvent(ALICE, weeklySeries("[]"));
        String exception = graph.addException(ALICE, master, Instant.parse("2030-01-21T10:00:00Z"), "{\"subject\":\"Special\"}");
        graph.cancelOccurrence(ALICE, master, Instant.parse("2030-01-28T10:00:00Z"));
        String window = "startDateTime=2030-01-10T00:00:00.0000000&endDateTime=2030-02-10T00:00:00.0000000";

        JsonNode instances = JSON.readTree(get("/users/" + ALICE + "/events/" + master + "/instances?" + window).body()).path("value");
        List<String> pages = new ArrayList<>();
        URI next = URI.create(graph.graphUrl() + "/users/" + ALICE + "/events/" + master + "/instances?" + window + "&$top=1&$select=start");
        while (next != null) {
            JsonNode page = JSON.readTree(send(HttpRequest.newBuilder(next).header("Authorization", "Bearer " + graph.accessToken()).GET()).body());
            page.path("value").forEach(i -> pages.add(i.path("start").path("dateTime").asString()));
            next = page.hasNonNull("@odata.nextLink") ? URI.create(page.path("@odata.nextLink").asString()) : null;
        }

        List<String> summary = new ArrayList<>();
        instances.forEach(i -> summary.add(i.path("type").asString() + " " + i.path("start").path("dateTime").asString()));
        assertThat(summary).containsExactly(
                "exception 2030-01-21T10:00:00.0000000",
                "occurrence 2030-01-14T10:00:00.0000000",
                "occurrence 2030-02-04T10:00:00.0000000");
        assertThat(instances.get(0).path("id").asString()).isEqualTo(exception);
        instances.forEach(i -> assertThat(i.path("seriesMasterId").asString()).isEqualTo(master));
        assertThat(pages).containsExactly("2030-01-21T10:00:00.0000000", "2030-01-14T10:00:00.0000000", "2030-02-04T10:00:00.0000000");
    }

    @Test
    void instances_need_both_bounds_and_a_series_master_that_exists() throws Exception {
        graph.addMailbox(ALICE);
        String master = graph.createEvent(ALICE, weeklySeries("[]"));
        String alone = graph.createEvent(ALICE, single("Focus time", "2030-01-10T09:00:00", "[]"));

        assertThat(errorCode(get("/users/" + ALICE + "/events/" + master + "/instances?startDateTime=2030-01-01T00:00:00Z")))
                .isEqualTo("ErrorInvalidParameter");
        assertThat(errorCode(get("/users/" + ALICE + "/events/AAMkADunknown/instances?" + WINDOW))).isEqualTo("ErrorItemNotFound");
        assertThat(get("/users/" + ALICE + "/events/" + alone + "/instances?" + WINDOW).statusCode()).as("not documented, so refused").isEqualTo(400);
    }

    private static String withProperty(String id, String value) {
        return """
                {"subject":"Named","start":{"dateTime":"2030-01-10T09:00:00","timeZone":"UTC"},
                 "end":{"dateTime":"2030-01-10T09:30:00","timeZone":"UTC"},
                 "singleValueExtendedProperties":[{"id":"%s","value":"%s"}]}
                """.formatted(id, value);
    }

    private HttpResponse<String> filtered(String id, String literal) throws IOException, InterruptedException {
        return get("/users/" + ALICE + "/events?$filter=" + encode("singleValueExtendedProperties/any(ep: ep/id eq '" + id
                + "' and ep/value eq '" + literal + "')"));
    }

    private static List<String> ids(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        JSON.readTree(response.body()).path("value").forEach(e -> ids.add(e.path("id").asString()));
        return ids;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String single(String subject, String start, String attendees) {
        String end = start.substring(0, 11) + String.format("%02d", Integer.parseInt(start.substring(11, 13)) + 1) + start.substring(13);
        return """
                {"subject":"%s","body":{"contentType":"html","content":"<p>%s</p>"},
                 "start":{"dateTime":"%s","timeZone":"UTC"},"end":{"dateTime":"%s","timeZone":"UTC"},"attendees":%s}
                """.formatted(subject, subject, start, end, attendees);
    }

    /** Mondays at 10:00 UTC from 7 January 2030, five times. */
    private static String weeklySeries(String attendees) {
        return """
                {"subject":"Weekly","body":{"contentType":"html","content":"<p>Weekly</p>"},
                 "start":{"dateTime":"2030-01-07T10:00:00","timeZone":"UTC"},"end":{"dateTime":"2030-01-07T10:30:00","timeZone":"UTC"},
                 "attendees":%s,
                 "recurrence":{"pattern":{"type":"weekly","interval":1,"daysOfWeek":["monday"],"firstDayOfWeek":"sunday"},
                               "range":{"type":"numbered","startDate":"2030-01-07","numberOfOccurrences":5,"recurrenceTimeZone":"UTC"}}}
                """.formatted(attendees);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(graph.graphUrl() + path)).header("Authorization", "Bearer " + graph.accessToken());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    private HttpResponse<String> patch(String path, String ifMatch, String json) throws IOException, InterruptedException {
        HttpRequest.Builder builder = request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            builder.header("If-Match", ifMatch);
        }
        return send(builder);
    }

    private HttpResponse<String> token(String secret) throws IOException, InterruptedException {
        String form = "client_id=" + graph.clientId() + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8)
                + "&scope=" + URLEncoder.encode("https://graph.microsoft.com/.default", StandardCharsets.UTF_8) + "&grant_type=client_credentials";
        return send(HttpRequest.newBuilder(URI.create(graph.authorityUrl() + "/" + graph.tenantId() + "/oauth2/v2.0/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String errorCode(HttpResponse<String> response) {
        return JSON.readTree(response.body()).path("error").path("code").asString();
    }
}
