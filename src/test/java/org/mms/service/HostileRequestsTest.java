package org.mms.service;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.mms.api.ApiServer;
import org.mms.api.Route;
import org.mms.config.ServiceConfig;
import org.mms.testing.RawHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The table of bad requests (issue 13, "What it must show"): for every route the running server
 * answers (so a new route is covered without a word here), hostile paths, query parameters, headers
 * and bodies, and for every field of its body (from the OpenAPI document) values of the wrong type,
 * numbers that overflow, strings no column holds. Each is answered with a client error in the API's
 * one problem format, with nothing internal in it, and {@code /ready} still answers 200 afterwards.
 * The service is the real one on H2, so a value that only the database refuses shows up here.
 */
class HostileRequestsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** What a problem must never show: SQL, drivers, class names, stack frames, a web server's own pages. */
    private static final Pattern INTERNAL = Pattern.compile("(?i)\\bsql|jdbc|\\bh2\\b|hikari|exception|\\bat [a-z]+\\.[a-z]|"
            + "org\\.(mms|eclipse|h2|jdbi)|java\\.|jakarta\\.|tools\\.jackson|javalin|jetty|<html|<body|caused by");
    private static final String IDENTITY = "alice@contoso.com";
    private static final Map<String, String> EXAMPLES = Map.of("Subject", "\"Weekly sync\"",
            "Start", "\"" + Instant.now().plus(Duration.ofDays(7)) + "\"", "End", "\"" + Instant.now().plus(Duration.ofDays(7)).plusSeconds(1800) + "\"",
            "Identity", "\"" + IDENTITY + "\"", "Target", "\"pool01.contoso.com\"", "SipAddress", "\"sip:alice@contoso.com\"",
            "Assigned", "true", "PolicyName", "\"Islands\"", "Attendees", "[\"bob@contoso.com\"]");

    enum Expect { CLIENT_ERROR, NO_SERVER_ERROR }

    record Case(String what, String method, String target, Map<String, String> headers, byte[] body, Expect expect) {
        @Override
        public String toString() {
            return method + " " + (target.length() > 120 ? target.substring(0, 120) + "…" : target) + ": " + what;
        }
    }

    @TempDir
    static Path dir;
    private static MmsService service;
    private static RawHttp http;
    private static String token;
    private static JsonNode openApi;

    @BeforeAll
    static void start() throws IOException {
        ServiceConfig config = ServiceConfig.defaults(dir.resolve("data")).withHttp(new ServiceConfig.Http("127.0.0.1", 0))
                .withWorkers(new ServiceConfig.Workers(0, Duration.ofMillis(250), Duration.ofMinutes(2)));
        service = MmsService.start(config, Clock.systemUTC());
        token = Files.readString(dir.resolve("data").resolve("admin-token")).strip();
        http = new RawHttp(service.port());
        try (InputStream in = HostileRequestsTest.class.getResourceAsStream("/fixtures/api/directory.json")) {
            RawHttp.Response imported = http.send("POST", ApiServer.V1 + "/directory/import", headers("Content-Type", "application/json"),
                    in.readAllBytes());
            assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        }
        try (InputStream in = ApiServer.class.getResourceAsStream("openapi.json")) {
            openApi = JSON.readTree(in);
        }
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> every_client_mistake_on_every_route_is_a_4xx_problem_without_internals_and_the_server_stays_ready() {
        List<Route> routes = service.routes();
        assertThat(routes).hasSizeGreaterThan(25);
        return routes.stream().flatMap(HostileRequestsTest::cases)
                .map(c -> DynamicTest.dynamicTest(c.toString(), () -> check(c)));
    }

    private static void check(Case c) {
        RawHttp.Response r = http.send(c.method(), c.target(), c.headers(), c.body());
        String shown = "[" + c + "] " + (r.toString().length() > 600 ? r.toString().substring(0, 600) : r.toString());
        assertThat(r.status()).as("no server error: " + shown).isLessThan(500);
        if (c.expect() == Expect.CLIENT_ERROR) {
            assertThat(r.status()).as("a client error: " + shown).isBetween(400, 499);
        }
        if (r.status() >= 400) {
            assertThat(r.header("Content-Type")).as(shown).startsWith("application/problem+json");
            JsonNode problem = JSON.readTree(r.bytes());
            assertThat(problem.path("type").isString()).as(shown).isTrue();
            assertThat(problem.path("title").asString()).as(shown).isNotBlank();
            assertThat(problem.path("status").asInt()).as(shown).isEqualTo(r.status());
            assertThat(problem.path("detail").asString()).as(shown).isNotBlank();
            Matcher internal = INTERNAL.matcher(problem.path("detail").asString() + " " + problem.path("title").asString());
            assertThat(internal.find()).as("internal text '%s' in %s", internal.hasMatch() ? internal.group() : "", shown).isFalse();
        }
        RawHttp.Response ready = http.send("GET", "/ready", Map.of(), null);
        assertThat(ready.status()).as("/ready after " + c + ": " + ready).isEqualTo(200);
    }

    private static Stream<Case> cases(Route route) {
        List<Case> cases = new ArrayList<>();
        String path = concrete(route.path());
        boolean api = route.path().startsWith(ApiServer.V1) && !route.path().endsWith("openapi.json");
        Expect apiOnly = api ? Expect.CLIENT_ERROR : Expect.NO_SERVER_ERROR;
        String m = route.method();
        Map<String, String> auth = headers();

        // The path: broken percent-encoding, control characters, invalid UTF-8, a segment longer than any column.
        cases.add(new Case("malformed percent-encoding in the path", m, path + "%zz", auth, null, Expect.CLIENT_ERROR));
        cases.add(new Case("a lone % in the path", m, path + "%", auth, null, Expect.CLIENT_ERROR));
        for (String param : params(route.path())) {
            for (String hostile : List.of("%00", "%0D%0Ainjected", "%C0%AF", "%FF%FE", "a".repeat(3000), "..%2F..%2Fadmin-token", "%zz")) {
                cases.add(new Case("{" + param + "} = " + hostile, m, concrete(route.path(), param, hostile), auth, null, Expect.CLIENT_ERROR));
            }
        }
        // The query string.
        cases.add(new Case("an unknown query parameter", m, path + "?nonsense=1", auth, null, apiOnly));
        cases.add(new Case("malformed percent-encoding in the query", m, path + "?identity=%zz", auth, null, apiOnly));
        for (String param : queryParams(route)) {
            for (String hostile : List.of("%00", "a".repeat(3000), "%2B999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "Nope",
                    "%C0%AF")) {
                cases.add(new Case("?" + param + "=" + hostile, m, path + "?" + param + "=" + hostile, auth, null, Expect.NO_SERVER_ERROR));
            }
            cases.add(new Case("?" + param + " twice", m, path + "?" + param + "=a&" + param + "=b", auth, null, Expect.CLIENT_ERROR));
        }
        // What the web server itself refuses: its answer must be a problem too, not its own page.
        cases.add(new Case("a URI longer than the server takes", m, path + "?q=" + "a".repeat(70_000), auth, null, Expect.CLIENT_ERROR));
        cases.add(new Case("a header larger than the server takes", m, path, with(auth, "X-Filler", "a".repeat(70_000)), null, Expect.CLIENT_ERROR));
        cases.add(new Case("an invalid Host header", m, path, with(auth, "Host", "bad host[:x"), null, Expect.CLIENT_ERROR));
        cases.add(new Case("a Content-Length that is no number", m, path, with(auth, "Content-Length", "lots"), "{}".getBytes(UTF_8),
                Expect.CLIENT_ERROR));
        JsonNode body = requestBody(route);
        // A route that reads no body never sees how its body is framed.
        cases.add(new Case("a broken chunked body", m, path, with(auth, "Transfer-Encoding", "chunked"), "zz\r\n{}\r\n".getBytes(UTF_8),
                body != null || m.equals("GET") ? Expect.CLIENT_ERROR : Expect.NO_SERVER_ERROR));
        if (m.equals("GET")) {
            cases.add(new Case("a body on GET", m, path, with(auth, "Content-Type", "application/json"), "{\"a\":1}".getBytes(UTF_8),
                    Expect.CLIENT_ERROR));
        }
        if (body != null && body.path("content").has("application/json")) {
            cases.addAll(jsonBodyCases(route, path, auth, resolve(body.path("content").path("application/json").path("schema"))));
        }
        if (body != null && body.path("content").has("text/calendar")) {
            cases.addAll(calendarCases(m, path, auth));
        }
        return cases.stream();
    }

    private static List<Case> jsonBodyCases(Route route, String path, Map<String, String> auth, JsonNode schema) {
        List<Case> cases = new ArrayList<>();
        String m = route.method();
        Map<String, String> json = with(auth, "Content-Type", "application/json");
        for (String shape : List.of("null", "[]", "[null]", "\"text\"", "42", "true", "{", "{\"a\":", "not json at all", "{}}", "\u0000")) {
            cases.add(new Case("the body " + shape, m, path, json, shape.getBytes(UTF_8), Expect.CLIENT_ERROR));
        }
        cases.add(new Case("a body that is not UTF-8", m, path, json, new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'},
                Expect.CLIENT_ERROR));
        cases.add(new Case("a charset no one has", m, path, with(auth, "Content-Type", "application/json; charset=klingon"),
                "{}".getBytes(UTF_8), Expect.CLIENT_ERROR));
        cases.add(new Case("a Content-Type that does not parse", m, path, with(auth, "Content-Type", ";;=;"), "null".getBytes(UTF_8),
                Expect.CLIENT_ERROR));
        cases.add(new Case("a body far larger than the route needs", m, path, json,
                ("{\"a\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}").getBytes(UTF_8), Expect.CLIENT_ERROR));
        if (route.path().endsWith("/directory/import")) {
            for (String doc : directoryDocuments()) {
                cases.add(new Case("the directory " + abbreviate(doc), m, path, json, doc.getBytes(UTF_8), Expect.CLIENT_ERROR));
            }
            // null stands for absent, as in every PATCH body.
            for (String doc : List.of("{\"tenant\":null}", "{\"users\":null}", "{\"tenant\":{\"domains\":null}}",
                    "{\"users\":[{\"upn\":\"carol@contoso.com\",\"audioConferencing\":null}]}")) {
                cases.add(new Case("the directory " + doc, m, path, json, doc.getBytes(UTF_8), Expect.NO_SERVER_ERROR));
            }
            return cases;
        }
        JsonNode properties = schema.path("properties");
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asString()));
        for (String name : properties.propertyNames()) {
            JsonNode property = properties.path(name);
            if (required.contains(name)) {
                cases.add(new Case(name + " missing", m, path, json, body(required, name, null).getBytes(UTF_8), Expect.CLIENT_ERROR));
                cases.add(new Case(name + " null", m, path, json, body(required, name, "null").getBytes(UTF_8), Expect.CLIENT_ERROR));
            }
            for (Map.Entry<String, Expect> value : hostileValues(name, property).entrySet()) {
                cases.add(new Case(name + " = " + abbreviate(value.getKey()), m, path, json, body(required, name, value.getKey()).getBytes(UTF_8),
                        value.getValue()));
            }
        }
        return cases;
    }

    /**
     * Fields that name something (a user, a pool, a bridge, a number, a server, an account): NUL, line
     * breaks, markup and lookups are refused there (defect 9), where free text such as a subject may hold them.
     */
    private static final java.util.Set<String> NAMES = java.util.Set.of("Target", "Identity", "SipAddress", "BridgeName", "ServiceNumber",
            "TollFreeServiceNumber", "ConferenceId", "PolicyName", "Kind", "Url", "CalendarPath", "UserName", "Scheduling");

    /** Values for one property: those of the wrong kind must be refused, odd but well-formed ones must not break anything. */
    private static Map<String, Expect> hostileValues(String name, JsonNode property) {
        Map<String, Expect> values = new LinkedHashMap<>();
        if (property.has("oneOf")) {
            // A number or a word (ApprovalThresholdMeetings): values that are neither must be refused.
            for (String v : List.of("true", "{}", "[]", "1.5", "-1", "\"Nope\"", "\"" + "9".repeat(40) + "\"")) {
                values.put(v, Expect.CLIENT_ERROR);
            }
            return values;
        }
        String type = property.path("type").asString();
        switch (type) {
            case "integer" -> {
                for (String v : List.of("9223372036854775807", "-9223372036854775808", "9223372036854775808", "1e400", "1.5", "\"12\"", "true",
                        "{}", "[]")) {
                    values.put(v, Expect.CLIENT_ERROR);
                }
            }
            case "boolean" -> {
                for (String v : List.of("\"perhaps\"", "1", "{}", "[]", "\"true\"")) {
                    values.put(v, Expect.CLIENT_ERROR);
                }
            }
            case "array" -> {
                for (String v : List.of("\"not-a-list@contoso.com\"", "[null]", "[42]", "[{}]", "[\"not an address\"]", "[\"a@b@c\"]",
                        "[\"bob@contoso.com\\r\\nBcc: eve@evil.example\"]", "[\"bøb@contoso.com\"]", "[\"" + "a".repeat(400) + "@contoso.com\"]", "{}")) {
                    values.put(v, Expect.CLIENT_ERROR);
                }
            }
            default -> {
                for (String v : List.of("42", "true", "{}", "[]")) {
                    values.put(v, Expect.CLIENT_ERROR);
                }
                if (property.has("enum")) {
                    values.put("\"Nope\"", Expect.CLIENT_ERROR);
                }
                if ("date-time".equals(property.path("format").asString())) {
                    for (String v : List.of("\"+999999999-12-31T23:59:59Z\"", "\"-999999999-01-01T00:00:00Z\"", "\"2026-13-45T00:00:00Z\"",
                            "\"\"")) {
                        values.put(v, Expect.CLIENT_ERROR);
                    }
                    return values;
                }
                for (String v : List.of("\"a\\r\\nb\"", "\"a\\u0000b\"", "\"" + "a".repeat(5000) + "\"", "\"<script>alert(1)</script>\"",
                        "\"${jndi:ldap://127.0.0.1/a}\"", "\"\\ud800\"", "\"\"", "\"   \"")) {
                    values.put(v, Expect.NO_SERVER_ERROR);
                }
                if (NAMES.contains(name)) {
                    for (String v : List.of("\"a\\r\\nb\"", "\"a\\u0000b\"", "\"<script>alert(1)</script>\"", "\"${jndi:ldap://127.0.0.1/a}\"")) {
                        values.put(v, Expect.CLIENT_ERROR);
                    }
                }
            }
        }
        return values;
    }

    /** The required fields with valid values, and {@code field} set to {@code value} (absent when null). */
    private static String body(List<String> required, String field, String value) {
        Map<String, String> fields = new LinkedHashMap<>();
        required.forEach(r -> fields.put(r, EXAMPLES.getOrDefault(r, "\"x\"")));
        // Attendees as well, so that what reaches the invitation's mail headers is tried too.
        if (required.contains("Subject")) {
            fields.put("Attendees", EXAMPLES.get("Attendees"));
        }
        fields.remove(field);
        if (value != null) {
            fields.put(field, value);
        }
        return fields.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }

    private static List<String> directoryDocuments() {
        String user = "{\"upn\":\"bob@contoso.com\",\"hosting\":\"online\",\"mailbox\":\"reachable\"%s}";
        return List.of("{\"users\":[null]}", "{\"users\":[42]}", "{\"bridges\":[null]}",
                "{\"bridges\":{}}", "{\"tenant\":{\"domains\":[null]}}", "{\"tenant\":{\"domains\":[{}]}}",
                "{\"tenant\":{\"settleWindowSeconds\":9223372036854775807}}", "{\"tenant\":{\"settleWindowSeconds\":1e400}}",
                "{\"tenant\":{\"settleWindowSeconds\":\"soon\"}}", "{\"tenant\":{\"attendeeLimit\":9223372036854775807}}",
                "{\"tenant\":{\"name\":\"" + "n".repeat(300) + "\"}}", "{\"tenant\":{\"domains\":[\"" + "d".repeat(3000) + ".com\"]}}",
                "{\"tenant\":{\"onlineMeetingUrl\":\"https://meet.contoso.com/" + "u".repeat(600) + "\"}}",
                "{\"tenant\":{\"teamsJoinUrlTemplate\":\"" + "t".repeat(1200) + "\"}}",
                "{\"bridges\":[{\"name\":\"" + "b".repeat(300) + "\",\"numbers\":[]}]}",
                "{\"bridges\":[{\"name\":\"B\",\"numbers\":[{\"number\":\"+13238494874\",\"kind\":\"toll\",\"display\":\"" + "x".repeat(200)
                        + "\"}]}]}",
                "{\"users\":[" + user.formatted(",\"upn\":\"" + "a".repeat(400) + "@contoso.com\"").replace("\"upn\":\"bob@contoso.com\",", "") + "]}",
                "{\"users\":[" + user.formatted(",\"displayName\":\"" + "x".repeat(400) + "\"") + "]}",
                "{\"users\":[" + user.formatted(",\"aliases\":[\"" + "a".repeat(4100) + "@contoso.com\"]") + "]}",
                "{\"users\":[" + user.formatted(",\"hosting\":\"onPremises\",\"pool\":\"" + "p".repeat(400) + ".contoso.com\"")
                        .replace("\"hosting\":\"online\",", "") + "]}",
                "{\"users\":[" + user.formatted(",\"locale\":\"" + "x".repeat(100) + "\"") + "]}",
                "{\"users\":[" + user.formatted(",\"audioConferencing\":{\"licensed\":true,\"enabled\":true,\"provider\":\"thirdParty\","
                        + "\"acpConferenceId\":\"" + "9".repeat(60) + "\"}") + "]}",
                "{\"users\":[" + user.formatted(",\"audioConferencing\":{\"conferenceId\":\"" + "1".repeat(40) + "\"}") + "]}",
                "{\"users\":[" + user.formatted(",\"hosting\":42").replace("\"hosting\":\"online\",", "") + "]}");
    }

    private static List<Case> calendarCases(String m, String path, Map<String, String> auth) {
        List<Case> cases = new ArrayList<>();
        Map<String, String> ics = with(auth, "Content-Type", "text/calendar");
        String event = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//x//EN\r\nBEGIN:VEVENT\r\nUID:%s\r\nDTSTART:20301001T090000Z\r\n"
                + "DTEND:20301001T093000Z\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        for (String doc : List.of("not a calendar", "BEGIN:VCALENDAR\r\n", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "\u0000\u0000\u0000",
                event.formatted(""), event.formatted("u".repeat(5000)), event.formatted("a\u0000b"))) {
            cases.add(new Case("the calendar " + abbreviate(doc), m, path, ics, doc.getBytes(UTF_8), Expect.NO_SERVER_ERROR));
        }
        cases.add(new Case("a calendar that is not UTF-8", m, path, ics, new byte[] {(byte) 0xFF, (byte) 0xFE, 'B', 0, 'E', 0},
                Expect.CLIENT_ERROR));
        cases.add(new Case("a charset no one has", m, path, with(auth, "Content-Type", "text/calendar; charset=klingon"),
                event.formatted("c1").getBytes(UTF_8), Expect.NO_SERVER_ERROR));
        return cases;
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…(" + s.length() + ")" : s;
    }

    private static Map<String, String> headers(String... pairs) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < pairs.length; i += 2) {
            headers.put(pairs[i], pairs[i + 1]);
        }
        return headers;
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return copy;
    }

    private static List<String> params(String path) {
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("\\{([^}]+)}").matcher(path);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static String concrete(String path) {
        return concrete(path, null, null);
    }

    /** The route's path with valid values for its parameters, and {@code hostile} for {@code param}. */
    private static String concrete(String path, String param, String hostile) {
        String result = path;
        for (String name : params(path)) {
            String value = name.equals(param) ? hostile : switch (name) {
                case "identity" -> "alice%40contoso.com";
                case "name" -> "Contoso%20Bridge";
                case "number" -> "%2B18666799995";
                case "correlationId" -> UUID.randomUUID().toString();
                default -> "x";
            };
            result = result.replace("{" + name + "}", value);
        }
        return result;
    }

    private static JsonNode operation(Route route) {
        return openApi.path("paths").path(route.path()).path(route.method().toLowerCase(java.util.Locale.ROOT));
    }

    private static JsonNode requestBody(Route route) {
        JsonNode body = operation(route).path("requestBody");
        return body.isMissingNode() ? null : body;
    }

    private static List<String> queryParams(Route route) {
        List<String> names = new ArrayList<>();
        Stream.of(openApi.path("paths").path(route.path()).path("parameters"), operation(route).path("parameters"))
                .forEach(list -> list.forEach(p -> {
                    JsonNode param = resolve(p);
                    if (param.path("in").asString().equals("query")) {
                        names.add(param.path("name").asString());
                    }
                }));
        return names;
    }

    private static JsonNode resolve(JsonNode node) {
        return org.mms.testing.OpenApiDocument.resolve(openApi, node);
    }
}
