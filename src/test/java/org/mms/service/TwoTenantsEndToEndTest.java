package org.mms.service;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mms.testing.OpenApiDocument.resolve;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mms.config.ServiceConfig;
import org.mms.sample.SampleOrganization;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two tenants on one service, as issue 13 found them: tenant B, made by the service operator, imports the
 * same calendars as tenant A (the same UIDs), and both migrate. Every message of both is on disk, each
 * under its own name and Message-ID; B cannot claim A's domain; and B, with its own admin token, calls
 * every route of the API (read from the OpenAPI document, so a route added later is called too) aimed at
 * A's users, migrations, tokens, bridges and tenant: it sees nothing of A's and changes nothing, A's
 * answers being the same before and after.
 */
class TwoTenantsEndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String A_TOKEN_NAME = "first tenant admin";

    @TempDir
    Path dir;

    private int port;

    @Test
    void two_tenants_with_the_same_meeting_uids_keep_every_message_and_neither_sees_or_changes_the_others_data() throws Exception {
        Path data = dir.resolve("data");
        ServiceConfig config = LoopbackConfig.of(data, 2);
        SampleOrganization org = new SampleOrganization(4);
        Instant now = Instant.now();
        try (MmsService service = MmsService.start(config, Clock.systemUTC())) {
            port = service.port();
            AdminShell a = new AdminShell(service, data);
            String aToken = Files.readString(data.resolve(MmsService.ADMIN_TOKEN_FILE)).strip();
            Path directoryA = Files.writeString(dir.resolve("directory-a.json"), org.directoryJson());
            a.run("Import-CsDirectory", "-Path", directoryA.toString());

            // The service operator makes tenant B, which gets an admin token of its own.
            String created = a.run("New-CsTenant", "-Identity", "fabrikam", "-Domains", "fabrikam.com");
            Matcher issued = Pattern.compile("AdminToken\\s*:\\s*(mms_\\S+)").matcher(created);
            assertThat(issued.find()).as(created).isTrue();
            String bToken = issued.group(1);
            AdminShell b = new AdminShell(service, data, bToken);

            // Defect 3: B cannot take A's domain; the answer names the domain, not the tenant that owns it.
            HttpResponse<String> claim = call(bToken, "POST", "/api/v1/directory/import", "application/json", org.directoryJson().getBytes(UTF_8));
            assertThat(claim.statusCode()).as(claim.body()).isEqualTo(409);
            assertThat(claim.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(claim.body()).contains("contoso.com").doesNotContain("\"default\"");

            String fabrikamJson = org.directoryJson().replace("contoso.com", "fabrikam.com").replace("Contoso", "Fabrikam");
            Path directoryB = Files.writeString(dir.resolve("directory-b.json"), fabrikamJson);
            b.run("Import-CsDirectory", "-Path", directoryB.toString());

            // The same calendars in both tenants: the same UIDs, only the organizers' domain differs.
            for (SampleOrganization.Organizer o : org.organizers()) {
                long seed = o.upn().hashCode();
                Path icsA = Files.write(dir.resolve("a-" + o.localPart() + ".ics"), org.calendar(o, now, 25, seed));
                a.run("Import-CsCalendar", "-Identity", o.upn(), "-Path", icsA.toString());
                SampleOrganization.Organizer inB = inFabrikam(o);
                Path icsB = Files.write(dir.resolve("b-" + o.localPart() + ".ics"), org.calendar(inB, now, 25, seed));
                b.run("Import-CsCalendar", "-Identity", inB.upn(), "-Path", icsB.toString());
            }
            for (AdminShell admin : List.of(a, b)) {
                admin.run("Set-CsTenantMigrationConfiguration", "-SettleWindowSeconds", "0");
            }
            for (SampleOrganization.Organizer o : org.organizers().stream().filter(SampleOrganization.Organizer::onPremises).toList()) {
                a.run("Move-CsUser", "-Identity", o.upn(), "-Target", "sipfed.online.lync.com");
                b.run("Move-CsUser", "-Identity", inFabrikam(o).upn(), "-Target", "sipfed.online.lync.com");
            }
            int invites = invitesOnceSucceeded(a) + invitesOnceSucceeded(b);
            assertThat(invites).isPositive();

            // Every message recorded as sent is a file of its own, with a Message-ID of its own.
            List<Path> messages = waitForMessages(config.mail().pickupDirectory(), invites);
            assertThat(service.outbox().counts().get("SENT")).isEqualTo((long) messages.size());
            Set<String> messageIds = new HashSet<>();
            Map<String, Integer> fromDomain = new TreeMap<>();
            for (Path eml : messages) {
                try (InputStream in = Files.newInputStream(eml)) {
                    MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
                    assertThat(messageIds.add(message.getMessageID())).as("Message-ID of " + eml.getFileName()).isTrue();
                    String from = message.getFrom()[0].toString();
                    fromDomain.merge(from.substring(from.indexOf('@') + 1).replace(">", ""), 1, Integer::sum);
                }
            }
            assertThat(fromDomain).containsOnlyKeys("contoso.com", "fabrikam.com");
            assertThat(fromDomain.get("contoso.com")).isEqualTo(fromDomain.get("fabrikam.com"));

            // B aims every route at A's things.
            Targets targets = targetsOf(a, org);
            Map<String, String> before = snapshot(aToken, targets);
            List<String> wrong = new ArrayList<>();
            int calls = 0;
            for (Operation op : operations()) {
                for (Call call : calls(op, targets, org)) {
                    calls++;
                    HttpResponse<String> response = call(bToken, call.method(), call.path(), call.contentType(), call.body());
                    String problem = judge(op, call, response, targets);
                    if (problem == null && (response.statusCode() == 404 || response.statusCode() == 403)) {
                        problem = sameAsForNothing(bToken, call, response, targets);
                    }
                    if (problem != null) {
                        wrong.add(call.method() + " " + call.path() + " -> " + response.statusCode() + ": " + problem + " " + abbreviated(response.body()));
                    }
                }
            }
            assertThat(wrong).as("what B could see or do of A's").isEmpty();
            assertThat(calls).as("routes called").isGreaterThanOrEqualTo(operations().size());
            Map<String, String> after = snapshot(aToken, targets);
            assertThat(after).as("A's data after B's calls").isEqualTo(before);
            assertThat(listEml(config.mail().pickupDirectory())).as("no message of A's replaced or removed").containsAll(messages);
        }
    }

    // ---- the routes, from the OpenAPI document ----

    /** One operation of the OpenAPI document, with what it needs filled in. */
    record Operation(String method, String path, Optional<String> bodyType, Optional<JsonNode> bodySchema, List<JsonNode> parameters,
            boolean operatorOnly) {
    }

    record Call(String method, String path, String contentType, byte[] body) {
    }

    /** A's things that B aims at, and what must never appear in an answer to B. */
    record Targets(List<String> userUpns, List<String> userIds, List<String> correlationIds, byte[] calendar) {
        Set<String> markers() {
            Set<String> markers = new HashSet<>(userIds);
            markers.addAll(correlationIds);
            markers.addAll(userUpns);
            markers.add(A_TOKEN_NAME);
            return markers;
        }
    }

    private List<Operation> operations() throws Exception {
        JsonNode doc = JSON.readTree(getClass().getResourceAsStream("/org/mms/api/openapi.json"));
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                if (!List.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
                    continue;
                }
                JsonNode op = method.getValue();
                List<JsonNode> parameters = new ArrayList<>();
                for (JsonNode p : op.path("parameters")) {
                    parameters.add(resolve(doc, p));
                }
                for (JsonNode p : path.getValue().path("parameters")) {
                    parameters.add(resolve(doc, p));
                }
                Optional<String> bodyType = Optional.empty();
                Optional<JsonNode> schema = Optional.empty();
                if (op.has("requestBody")) {
                    Map.Entry<String, JsonNode> content = op.path("requestBody").path("content").properties().iterator().next();
                    bodyType = Optional.of(content.getKey());
                    schema = Optional.of(resolve(doc, content.getValue().path("schema")));
                }
                boolean operatorOnly = path.getKey().startsWith("/api/v1/tenants");
                operations.add(new Operation(method.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(), bodyType, schema, parameters,
                        operatorOnly));
            }
        }
        assertThat(operations).as("routes in the OpenAPI document").hasSizeGreaterThan(30);
        // What B reads first, while its own audit log holds none of its attempts at A's things yet.
        operations.sort(java.util.Comparator.comparing(op -> !op.method().equals("GET")));
        return operations;
    }

    /** The calls to make for an operation: each path parameter names a thing of A's (a user by UPN and by id). */
    private List<Call> calls(Operation op, Targets targets, SampleOrganization org) throws Exception {
        List<String> identities = op.path().startsWith("/api/v1/tenants") ? List.of("default")
                : List.of(targets.userUpns().getFirst(), targets.userIds().getFirst());
        List<Call> calls = new ArrayList<>();
        for (String identity : op.path().contains("{identity}") ? identities : List.of(identities.getFirst())) {
            String path = op.path().replace("{identity}", encode(identity))
                    .replace("{correlationId}", encode(targets.correlationIds().getFirst()))
                    .replace("{number}", encode(SampleOrganization.TOLL_FREE))
                    .replace("{name}", encode(op.path().startsWith("/api/v1/bridges") ? SampleOrganization.BRIDGE : A_TOKEN_NAME));
            StringBuilder query = new StringBuilder();
            for (JsonNode p : op.parameters()) {
                if (!p.path("in").asString().equals("query")) {
                    continue;
                }
                String value = switch (p.path("name").asString()) {
                    case "identity" -> targets.userUpns().getFirst();
                    case "tokenName" -> A_TOKEN_NAME;
                    case "confirm" -> "true";
                    case "state" -> "Succeeded";
                    default -> null;
                };
                if (value != null) {
                    query.append(query.isEmpty() ? "?" : "&").append(p.path("name").asString()).append('=').append(encode(value));
                }
            }
            byte[] body = null;
            if (op.bodyType().isPresent()) {
                body = op.bodyType().get().equals("text/calendar") ? targets.calendar()
                        : op.path().equals("/api/v1/directory/import") ? org.directoryJson().getBytes(UTF_8)
                        : JSON.writeValueAsBytes(sample(op.bodySchema().orElseThrow(), targets));
            }
            calls.add(new Call(op.method(), path + query, op.bodyType().orElse(null), body));
        }
        return calls;
    }

    /** A body that a route accepts, by its schema: every property given, with a value aimed at A where there is one. */
    private static ObjectNode sample(JsonNode schema, Targets targets) {
        ObjectNode body = JSON.createObjectNode();
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            JsonNode type = property.getValue();
            String name = property.getKey();
            if (type.has("enum")) {
                body.put(name, type.path("enum").get(type.path("enum").size() - 1).asString());
                continue;
            }
            switch (type.path("type").asString()) {
                case "boolean" -> body.put(name, true);
                case "integer" -> body.put(name, 1);
                case "array" -> body.putArray(name).add(name.equals("Domains") ? "contoso.com" : "colleague1@contoso.com");
                default -> body.put(name, switch (name) {
                    case "Identity" -> targets.userUpns().getFirst();
                    case "Target" -> "sipfed.online.lync.com";
                    case "SipAddress" -> "sip:taken@fabrikam.com";
                    case "BridgeName" -> SampleOrganization.BRIDGE;
                    case "ServiceNumber" -> SampleOrganization.TOLL;
                    case "TollFreeServiceNumber" -> SampleOrganization.TOLL_FREE;
                    case "ConferenceId" -> "7654321";
                    case "PolicyName" -> "UpgradeToTeams";
                    case "SourceMeetingType" -> "All";
                    case "TargetMeetingType" -> "Current";
                    case "Start" -> Instant.now().plus(Duration.ofDays(3)).toString();
                    case "End" -> Instant.now().plus(Duration.ofDays(3)).plus(Duration.ofHours(1)).toString();
                    case "Name" -> "taken over";
                    case "Url" -> "https://dav.fabrikam.com/";
                    default -> "Taken over";
                });
            }
        }
        return body;
    }

    /**
     * Why an answer to B is wrong, or null: a route for the operator is refused (403); one aimed at A's
     * things finds nothing (404) or is refused (403); A's domain stays A's (409); no answer names A's things.
     */
    private static String judge(Operation op, Call call, HttpResponse<String> response, Targets targets) {
        int status = response.statusCode();
        if (status >= 500) {
            return "a server error";
        }
        if (status == 401) {
            return "B's own token refused: the call proves nothing";
        }
        if (op.operatorOnly() && status != 403) {
            return "an operator's route answered an admin";
        }
        boolean aimedAtA = op.path().contains("{") || op.path().equals("/api/v1/migrations") && op.method().equals("POST");
        if (!op.operatorOnly() && aimedAtA && status != 404 && status != 403) {
            return "expected 404 or 403";
        }
        if (op.path().equals("/api/v1/directory/import") && status != 409) {
            return "A's domain claimed";
        }
        String asked = call.path() + (call.body() == null ? "" : new String(call.body(), UTF_8));
        for (String marker : targets.markers()) {
            // An answer may say back what B asked for ("no user x"), and nothing else of A's.
            if (response.body().contains(marker) && !asked.contains(marker) && !asked.contains(encode(marker))) {
                return "names A's " + marker;
            }
        }
        return null;
    }

    /**
     * Why a refusal tells B more than that: the same call naming things that exist nowhere must get the
     * same answer, so B cannot learn from it that A's user, migration or token exists.
     */
    private String sameAsForNothing(String bToken, Call call, HttpResponse<String> response, Targets targets) throws Exception {
        Map<String, String> nowhere = new LinkedHashMap<>();
        for (String marker : targets.markers()) {
            nowhere.put(marker, marker.contains("@") ? "nobody-" + Math.abs(marker.hashCode()) + "@contoso.com"
                    : marker.equals(A_TOKEN_NAME) ? "no such token" : java.util.UUID.nameUUIDFromBytes(marker.getBytes(UTF_8)).toString());
        }
        String path = call.path();
        String body = call.body() == null ? null : new String(call.body(), UTF_8);
        for (Map.Entry<String, String> swap : nowhere.entrySet()) {
            path = path.replace(encode(swap.getKey()), encode(swap.getValue()));
            body = body == null ? null : body.replace(swap.getKey(), swap.getValue());
        }
        if (path.equals(call.path()) && java.util.Objects.equals(body, call.body() == null ? null : new String(call.body(), UTF_8))) {
            return null; // nothing of A's named: a refusal for the route itself
        }
        HttpResponse<String> twin = call(bToken, call.method(), path, call.contentType(), body == null ? null : body.getBytes(UTF_8));
        String expected = twin.body();
        for (Map.Entry<String, String> swap : nowhere.entrySet()) {
            expected = expected.replace(swap.getValue(), swap.getKey());
        }
        if (twin.statusCode() != response.statusCode() || !expected.equals(response.body())) {
            return "answered unlike for a thing that does not exist (" + twin.statusCode() + " " + abbreviated(twin.body()) + ")";
        }
        return null;
    }

    // ---- tenant A, as its admin sees it ----

    private Targets targetsOf(AdminShell a, SampleOrganization org) throws Exception {
        List<String> upns = org.organizers().stream().map(SampleOrganization.Organizer::upn).toList();
        List<String> ids = new ArrayList<>();
        for (JsonNode user : JSON.readTree(a.run("Get-CsOnlineUser", "--json"))) {
            ids.add(user.path("UserId").asString());
        }
        List<String> correlations = new ArrayList<>();
        for (JsonNode status : JSON.readTree(a.run("Get-CsMeetingMigrationStatus", "--json"))) {
            correlations.add(status.path("CorrelationId").asString());
        }
        assertThat(ids).hasSameSizeAs(upns).doesNotContain("");
        assertThat(correlations).isNotEmpty().doesNotContain("");
        byte[] calendar = org.calendar(org.organizers().getFirst(), Instant.now(), 3, 99);
        return new Targets(upns, ids, correlations, calendar);
    }

    /** Everything A's admin can read, by route: to compare before and after B's calls. */
    private Map<String, String> snapshot(String aToken, Targets targets) throws Exception {
        List<String> paths = new ArrayList<>(List.of("/api/v1/users", "/api/v1/migrations", "/api/v1/migrations/summary",
                "/api/v1/trigger-decisions", "/api/v1/tokens", "/api/v1/audit-log", "/api/v1/bridges",
                "/api/v1/tenant/migration-configuration", "/api/v1/tenant/calendar-store", "/api/v1/tenant/dial-in-conferencing-settings"));
        for (String upn : targets.userUpns()) {
            paths.add("/api/v1/users/" + encode(upn));
            paths.add("/api/v1/users/" + encode(upn) + "/calendar");
        }
        for (String correlation : targets.correlationIds()) {
            paths.add("/api/v1/migrations/" + encode(correlation) + "/meetings");
        }
        Map<String, String> snapshot = new LinkedHashMap<>();
        for (String path : paths) {
            HttpResponse<String> response = call(aToken, "GET", path, null, null);
            assertThat(response.statusCode()).as(path + ": " + abbreviated(response.body())).isEqualTo(200);
            snapshot.put(path, response.body());
        }
        return snapshot;
    }

    private static SampleOrganization.Organizer inFabrikam(SampleOrganization.Organizer o) {
        return new SampleOrganization.Organizer(o.localPart() + "@fabrikam.com", o.name(), o.onPremises());
    }

    private static int invitesOnceSucceeded(AdminShell admin) throws InterruptedException {
        int invites = 0;
        for (JsonNode s : admin.waitForMigrations(Duration.ofSeconds(120))) {
            assertThat(s.path("State").asString()).as(s.toString()).isEqualTo("Succeeded");
            invites += s.path("InvitesUpdate").asInt();
        }
        return invites;
    }

    private HttpResponse<String> call(String token, String method, String path, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<Path> waitForMessages(Path pickup, int expected) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            List<Path> files = Files.exists(pickup) ? listEml(pickup) : List.of();
            if (files.size() >= expected || Instant.now().isAfter(deadline)) {
                Thread.sleep(500); // and not one more
                files = listEml(pickup);
                assertThat(files).as("messages on disk, one per update recorded").hasSize(expected);
                return files;
            }
            Thread.sleep(100);
        }
    }

    private static List<Path> listEml(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".eml")).sorted().toList();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, UTF_8).replace("+", "%20");
    }

    private static String abbreviated(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
