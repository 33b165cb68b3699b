package org.mms.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mms.testing.RunningApi.CONTOSO_TOKEN;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mms.admin.AdminException;
import org.mms.testing.RunningApi;
import tools.jackson.databind.JsonNode;

/** Every failure leaves as an RFC 9457 problem document with the right status, and nothing internal leaks. */
class ApiErrorsTest {

    private static RunningApi api;
    private Http http;

    @BeforeAll
    static void start() {
        api = new RunningApi();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @BeforeEach
    void reset() {
        api.reset();
        http = new Http(api.baseUrl(), CONTOSO_TOKEN);
    }

    private static JsonNode problem(Http.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode p = r.json();
        assertThat(p.get("type").asString()).isEqualTo("about:blank");
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("title").asString()).isNotBlank();
        return p;
    }

    @Test
    void an_unknown_identity_is_404_with_the_facades_message() {
        JsonNode p = problem(http.get("/api/v1/users/nobody@contoso.example"), 404);

        assertThat(p.get("title").asString()).isEqualTo("Not Found");
        assertThat(p.get("detail").asString()).isEqualTo("no user 'nobody@contoso.example' in this tenant");
    }

    @Test
    void a_refusal_of_the_facade_is_400_and_a_conflict_409() {
        api.admin.fail("setSipAddress", new AdminException.BadRequest("sip:bob@contoso.example is not in one of the tenant's domains"));
        api.admin.fail("importDirectory", new AdminException.Conflict("the bridge name 'Conference Bridge' is taken"));

        JsonNode bad = problem(http.send("PATCH", "/api/v1/users/alice@contoso.example", "{\"SipAddress\":\"sip:bob@contoso.example\"}"), 400);
        JsonNode conflict = problem(http.send("POST", "/api/v1/directory/import", "{}"), 409);

        assertThat(bad.get("detail").asString()).contains("not in one of the tenant's domains");
        assertThat(conflict.get("title").asString()).isEqualTo("Conflict");
    }

    @Test
    void an_unexpected_failure_is_500_with_only_a_log_reference() {
        api.admin.fail("bridges", new IllegalStateException("jdbc:h2:file:./data/mms;PASSWORD=hunter2"));

        Http.Response r = http.get("/api/v1/bridges");
        JsonNode p = problem(r, 500);

        assertThat(p.get("detail").asString()).matches("the server could not complete the request \\(reference [0-9a-f]{8} in its log\\)");
        assertThat(r.body()).doesNotContain("jdbc").doesNotContain("hunter2").doesNotContain("IllegalStateException");
    }

    @Test
    void a_body_that_is_not_json_is_400_with_where_it_broke() {
        JsonNode p = problem(http.send("PATCH", "/api/v1/tenant/migration-configuration", "{\"MeetingMigrationEnabled\": fals"), 400);

        assertThat(p.get("detail").asString()).startsWith("the body is not valid JSON (line 1");
        assertThat(api.admin.calls()).isEmpty();
    }

    @Test
    void a_misspelt_field_is_refused_rather_than_ignored() {
        JsonNode p = problem(http.send("PATCH", "/api/v1/tenant/migration-configuration", "{\"MeetingMigrationEnable\":false}"), 400);

        assertThat(p.get("detail").asString()).isEqualTo("unknown field 'MeetingMigrationEnable'");
        assertThat(api.admin.calls()).isEmpty();
    }

    @Test
    void a_field_of_the_wrong_type_is_named_with_what_it_must_be() {
        JsonNode flag = problem(http.send("PATCH", "/api/v1/tenant/migration-configuration", "{\"MeetingMigrationEnabled\":\"perhaps\"}"), 400);
        JsonNode start = problem(http.send("POST", "/api/v1/users/alice@contoso.example/online-meetings",
                "{\"Subject\":\"x\",\"Start\":\"tomorrow\",\"End\":\"2026-12-01T09:30:00Z\"}"), 400);

        assertThat(flag.get("detail").asString()).isEqualTo("MeetingMigrationEnabled must be true or false");
        assertThat(start.get("detail").asString()).isEqualTo("Start must be an ISO-8601 instant such as 2026-10-01T09:00:00Z");
        assertThat(start.toString()).doesNotContain("java.");
    }

    @Test
    void a_body_that_is_not_an_object_is_refused() {
        JsonNode p = problem(http.send("POST", "/api/v1/users/alice@contoso.example/move", "[\"online\"]"), 400);

        assertThat(p.get("detail").asString()).isEqualTo("the body must be a JSON object");
    }

    @Test
    void a_missing_required_field_is_named() {
        JsonNode p = problem(http.send("POST", "/api/v1/users/alice@contoso.example/move", "{}"), 400);

        assertThat(p.get("detail").asString()).isEqualTo("Target is required");
        assertThat(api.admin.calls()).isEmpty();
    }

    @Test
    void an_unknown_meeting_type_lists_the_allowed_ones() {
        JsonNode p = problem(http.send("POST", "/api/v1/migrations", "{\"Identity\":\"alice@contoso.example\",\"SourceMeetingType\":\"Skype\"}"), 400);

        assertThat(p.get("detail").asString()).isEqualTo("SourceMeetingType must be All, SfB or Teams, not 'Skype'");
    }

    @Test
    void an_unknown_policy_name_is_refused_by_its_vocabulary() {
        JsonNode p = problem(http.send("PUT", "/api/v1/users/alice@contoso.example/teams-upgrade-policy", "{\"PolicyName\":\"TeamsOnly\"}"), 400);

        assertThat(p.get("detail").asString()).startsWith("PolicyName must be one of UpgradeToTeams, ");
    }

    @Test
    void a_time_filter_that_is_not_an_instant_is_400() {
        JsonNode p = problem(http.get("/api/v1/migrations?startTime=10/1/2026"), 400);

        assertThat(p.get("detail").asString()).startsWith("startTime must be an ISO-8601 instant");
        assertThat(api.admin.calls()).isEmpty();
    }

    @Test
    void a_misspelt_query_parameter_is_refused_rather_than_widening_the_answer() {
        JsonNode p = problem(http.get("/api/v1/migrations?stat=Failed"), 400);

        assertThat(p.get("detail").asString()).isEqualTo("unknown query parameter 'stat'; this route takes identity, state, startTime, endTime");
    }

    @Test
    void an_unknown_path_is_a_404_problem() {
        JsonNode p = problem(http.get("/api/v1/nothing-here"), 404);

        assertThat(p.get("detail").asString()).isEqualTo("there is no /api/v1/nothing-here");
    }

    @Test
    void a_wrong_method_is_a_405_problem_naming_the_allowed_ones() {
        Http.Response r = http.send("DELETE", "/api/v1/migrations", null);
        JsonNode p = problem(r, 405);

        assertThat(p.get("detail").asString()).startsWith("DELETE is not allowed on /api/v1/migrations");
        assertThat(r.header("Allow")).contains("GET").contains("POST");
    }

    @Test
    void a_body_of_null_is_refused_as_not_an_object_rather_than_failing_inside() {
        JsonNode p = problem(http.send("PATCH", "/api/v1/tenant/migration-configuration", "null"), 400);

        assertThat(p.get("detail").asString()).isEqualTo("the body must be a JSON object, not null");
        assertThat(api.admin.calls()).isEmpty();
    }

    @Test
    void a_number_written_as_text_or_with_a_fraction_and_an_instant_written_as_a_number_are_refused() {
        JsonNode text = problem(http.send("PATCH", "/api/v1/tenant/migration-configuration", "{\"SettleWindowSeconds\":\"12\"}"), 400);
        JsonNode fraction = problem(http.send("PATCH", "/api/v1/tenant/migration-configuration", "{\"AttendeeLimit\":1.5}"), 400);
        JsonNode overflow = problem(http.send("PATCH", "/api/v1/tenant/migration-configuration", "{\"AttendeeLimit\":9223372036854775807}"), 400);
        JsonNode flag = problem(http.send("PATCH", "/api/v1/tenant/migration-configuration", "{\"MeetingMigrationEnabled\":1}"), 400);
        JsonNode start = problem(http.send("POST", "/api/v1/users/alice@contoso.example/online-meetings",
                "{\"Subject\":\"x\",\"Start\":42,\"End\":\"2026-12-01T09:30:00Z\"}"), 400);

        assertThat(text.get("detail").asString()).isEqualTo("SettleWindowSeconds must be a whole number");
        assertThat(fraction.get("detail").asString()).isEqualTo("AttendeeLimit must be a whole number");
        assertThat(overflow.get("detail").asString()).isEqualTo("AttendeeLimit is out of range");
        assertThat(flag.get("detail").asString()).isEqualTo("MeetingMigrationEnabled must be true or false");
        assertThat(start.get("detail").asString()).isEqualTo("Start must be an ISO-8601 instant such as 2026-10-01T09:00:00Z");
        assertThat(api.admin.calls()).isEmpty();
    }

    @Test
    void a_value_longer_than_mms_keeps_is_refused_with_its_name_and_limit() {
        JsonNode p = problem(http.send("PATCH", "/api/v1/users/alice@contoso.example", "{\"SipAddress\":\"sip:" + "a".repeat(400) + "\"}"), 400);

        assertThat(p.get("detail").asString()).isEqualTo("SipAddress is longer than 320 characters (404)");
        assertThat(api.admin.calls()).isEmpty();
    }

    @Test
    void a_body_in_a_charset_other_than_utf8_or_not_json_is_415() {
        JsonNode charset = problem(http.send("PATCH", "/api/v1/tenant/migration-configuration", "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "application/json; charset=klingon"), 415);
        JsonNode html = problem(http.send("PATCH", "/api/v1/tenant/migration-configuration", "<p>".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "text/html"), 415);

        assertThat(charset.get("detail").asString()).startsWith("the body must be UTF-8");
        assertThat(html.get("detail").asString()).startsWith("the body must be application/json");
    }

    @Test
    void what_the_web_server_refuses_itself_is_a_problem_document_too() {
        org.mms.testing.RawHttp raw = new org.mms.testing.RawHttp(api.server.port());
        java.util.Map<String, String> auth = java.util.Map.of("Authorization", "Bearer " + CONTOSO_TOKEN);

        org.mms.testing.RawHttp.Response percent = raw.send("GET", "/api/v1/users/%zz", auth, null);
        org.mms.testing.RawHttp.Response uri = raw.send("GET", "/api/v1/users?x=" + "a".repeat(70_000), auth, null);
        java.util.Map<String, String> big = new java.util.HashMap<>(auth);
        big.put("X-Filler", "a".repeat(70_000));
        org.mms.testing.RawHttp.Response header = raw.send("PATCH", "/api/v1/tenant/migration-configuration", big, "{}".getBytes());
        org.mms.testing.RawHttp.Response host = raw.send("GET", "/health", java.util.Map.of("Host", "bad host[:x"), null);
        org.mms.testing.RawHttp.Response get = raw.send("GET", "/api/v1/users", auth, "{}".getBytes());

        for (var r : java.util.List.of(percent, uri, header, host, get)) {
            assertThat(r.header("Content-Type")).as(r.toString()).startsWith("application/problem+json");
            JsonNode p = Http.JSON.readTree(r.bytes());
            assertThat(p.get("status").asInt()).isEqualTo(r.status());
            assertThat(r.body()).doesNotContain("<html").doesNotContain("Jetty").doesNotContain("org.eclipse");
        }
        assertThat(java.util.List.of(percent.status(), uri.status(), header.status(), host.status(), get.status()))
                .containsExactly(400, 414, 431, 400, 400);
    }
}
