package org.mms.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mms.access.AuditEvent;
import org.mms.access.Role;
import org.mms.db.Database;
import org.mms.db.DatabaseConfig;
import org.mms.db.JdbcAccessControl;
import org.mms.db.JdbcDirectory;
import org.mms.directory.Tenant;
import org.mms.directory.TenantId;
import org.mms.directory.TenantSettings;
import org.mms.testing.MutableClock;
import org.mms.testing.StubAdmin;

/** Roles, revocation, expiry, the audit log, the service operator and throttling, on the real API over real token rows (H2). */
class ApiAccessTest {

    private static final TenantId CONTOSO = new TenantId("contoso");
    private static final TenantId FABRIKAM = new TenantId("fabrikam");

    private static final MutableClock CLOCK = MutableClock.at("2026-11-23T09:00:00Z");
    private static Database db;
    private static JdbcAccessControl access;
    private static final StubAdmin ADMIN = new StubAdmin();
    private static ApiServer server;
    private static String operatorToken;

    private Http anonymous;
    private Http admin;

    @BeforeAll
    static void start() {
        db = Database.open(DatabaseConfig.inMemory("access-" + UUID.randomUUID()));
        JdbcDirectory directory = new JdbcDirectory(db);
        for (TenantId t : List.of(CONTOSO, FABRIKAM)) {
            directory.saveTenant(new Tenant(t, t.value(), List.of(t.value() + ".com"), TenantSettings.defaults(t.value(), t.value() + ".com")));
        }
        access = new JdbcAccessControl(db, CLOCK);
        operatorToken = access.issueServiceOperatorToken("service operator").secret();
        server = new ApiServer(ADMIN, access, ReadinessCheck.Readiness::ok, CLOCK).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.stop();
        db.close();
    }

    @BeforeEach
    void reset() {
        ADMIN.reset();
        CLOCK.advance(Duration.ofMinutes(5));
        anonymous = new Http("http://127.0.0.1:" + server.port(), null);
        admin = anonymous.withToken(token(CONTOSO, Role.ADMIN, Optional.empty()));
    }

    private static String token(TenantId tenant, Role role, Optional<Duration> lifetime) {
        return access.issue(tenant, role.display() + " " + UUID.randomUUID(), role, lifetime).secret();
    }

    @Test
    void a_stolen_token_is_refused_at_once_after_it_is_revoked() {
        Http.Response created = admin.send("POST", "/api/v1/tokens", "{\"Name\": \"build server\", \"Role\": \"Operator\"}");
        assertThat(created.status()).isEqualTo(201);
        Http thief = anonymous.withToken(created.json().get("Token").asString());
        assertThat(thief.get("/api/v1/migrations").status()).isEqualTo(200);

        assertThat(admin.send("POST", "/api/v1/tokens/build%20server/revoke", "").status()).isEqualTo(200);
        Http.Response refused = thief.get("/api/v1/migrations");

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("detail").asString()).contains("revoked");
        assertThat(admin.get("/api/v1/tokens").json().findValuesAsString("State")).contains("Revoked");
    }

    @Test
    void an_expired_token_is_refused() {
        Http shortLived = anonymous.withToken(token(CONTOSO, Role.READER, Optional.of(Duration.ofDays(1))));
        assertThat(shortLived.get("/api/v1/migrations").status()).isEqualTo(200);

        CLOCK.advance(Duration.ofDays(1));
        Http.Response r = shortLived.get("/api/v1/migrations");

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("detail").asString()).contains("expired");
    }

    @Test
    void a_reader_cannot_change_anything() {
        Http reader = anonymous.withToken(token(CONTOSO, Role.READER, Optional.empty()));
        List<Route> changes = server.routes().stream().filter(r -> !r.method().equals("GET")).toList();
        assertThat(changes).hasSizeGreaterThan(15);

        for (Route route : changes) {
            Http.Response r = reader.send(route.method(), route.path().replaceAll("\\{[^}]+}", "x"), "{}");
            assertThat(r.status()).as(route.toString()).isEqualTo(403);
            assertThat(r.contentType()).as(route.toString()).startsWith("application/problem+json");
        }
        assertThat(ADMIN.calls()).isEmpty();
    }

    @Test
    void every_route_admits_exactly_the_roles_its_openapi_x_mms_role_names_and_admin_where_it_names_none() {
        tools.jackson.databind.JsonNode paths = anonymous.get("/api/v1/openapi.json").json().get("paths");
        java.util.Map<Role, Http> callers = new java.util.EnumMap<>(Role.class);
        for (Role role : List.of(Role.READER, Role.OPERATOR, Role.ADMIN)) {
            callers.put(role, anonymous.withToken(token(CONTOSO, role, Optional.empty())));
        }
        callers.put(Role.SERVICE_OPERATOR, anonymous.withToken(operatorToken));
        int checked = 0;
        for (Route route : server.routes()) {
            tools.jackson.databind.JsonNode operation = paths.get(route.path()).get(route.method().toLowerCase(java.util.Locale.ROOT));
            if (operation.has("security") && operation.get("security").isEmpty()) {
                continue;
            }
            List<Role> needed = java.util.Arrays.stream(operation.path("x-mms-role").asString("Admin").split(" or "))
                    .map(name -> java.util.Arrays.stream(Role.values()).filter(r -> r.display().equals(name)).findFirst().orElseThrow())
                    .toList();
            for (var caller : callers.entrySet()) {
                Http.Response r = caller.getValue().send(route.method(), route.path().replaceAll("\\{[^}]+}", "x"), "{}");
                boolean allowed = needed.stream().anyMatch(caller.getKey()::grants);
                assertThat(r.status() == 403).as(caller.getKey() + " " + route + " needs " + needed).isEqualTo(!allowed);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    void a_reader_cannot_approve_or_deny_a_migration_and_an_operator_can() {
        Http reader = anonymous.withToken(token(CONTOSO, Role.READER, Optional.empty()));
        Http operator = anonymous.withToken(token(CONTOSO, Role.OPERATOR, Optional.empty()));

        for (String verdict : List.of("approve", "deny")) {
            assertThat(reader.send("POST", "/api/v1/migrations/" + verdict, "{\"All\": true}").status()).as(verdict).isEqualTo(403);
        }
        assertThat(ADMIN.calls()).isEmpty();
        for (String verdict : List.of("approve", "deny")) {
            assertThat(operator.send("POST", "/api/v1/migrations/" + verdict, "{\"All\": true}").status()).as(verdict).isEqualTo(200);
        }
        assertThat(ADMIN.calls()).extracting(StubAdmin.Call::operation).containsExactly("approveMigrations", "denyMigrations");
    }

    @Test
    void a_preview_is_in_the_audit_log_as_a_preview_not_as_the_change() {
        Instant before = CLOCK.instant();
        admin.send("POST", "/api/v1/users/ana@contoso.com/move?whatIf=true", "{\"Target\": \"online\"}");
        admin.send("POST", "/api/v1/users/ana@contoso.com/move", "{\"Target\": \"online\"}");

        List<AuditEvent> log = access.auditLog(Optional.of(CONTOSO), new AuditEvent.Filter(Optional.of(before), Optional.empty(),
                Optional.empty(), Optional.empty()));

        assertThat(log).extracting(AuditEvent::action).containsExactlyInAnyOrder("POST /api/v1/users/{identity}/move?whatIf=true",
                "POST /api/v1/users/{identity}/move");
    }

    @Test
    void a_reader_sees_status_detail_and_decisions() {
        Http reader = anonymous.withToken(token(CONTOSO, Role.READER, Optional.empty()));

        for (String path : List.of("/api/v1/migrations", "/api/v1/migrations/summary", "/api/v1/migrations/updates-waiting",
                "/api/v1/trigger-decisions")) {
            assertThat(reader.get(path).status()).as(path).isEqualTo(200);
        }
        assertThat(reader.get("/api/v1/users").status()).isEqualTo(403);
    }

    @Test
    void an_operator_cannot_read_or_change_settings_or_secrets_but_can_start_a_migration() {
        Http operator = anonymous.withToken(token(CONTOSO, Role.OPERATOR, Optional.empty()));

        for (String path : List.of("/api/v1/tenant/migration-configuration", "/api/v1/tenant/calendar-store",
                "/api/v1/tenant/dial-in-conferencing-settings", "/api/v1/tokens", "/api/v1/audit-log", "/api/v1/users/x/calendar")) {
            assertThat(operator.get(path).status()).as("GET " + path).isEqualTo(403);
        }
        for (String path : List.of("/api/v1/tenant/migration-configuration", "/api/v1/tenant/calendar-store",
                "/api/v1/tenant/dial-in-conferencing-settings")) {
            assertThat(operator.send("PATCH", path, "{}").status()).as("PATCH " + path).isEqualTo(403);
        }
        assertThat(operator.send("POST", "/api/v1/tokens", "{\"Name\": \"mine\", \"Role\": \"Admin\"}").status()).isEqualTo(403);
        assertThat(ADMIN.calls()).isEmpty();

        Http.Response started = operator.send("POST", "/api/v1/migrations", "{\"Identity\": \"ana@contoso.com\"}");
        assertThat(started.status()).isNotIn(401, 403);
        assertThat(ADMIN.onlyCall().tenant()).isEqualTo(CONTOSO);
    }

    @Test
    void a_change_and_a_refused_token_are_in_the_audit_log_without_secrets() {
        Instant before = CLOCK.instant();
        Http.Response created = admin.send("POST", "/api/v1/tokens", "{\"Name\": \"audited\", \"Role\": \"Reader\"}");
        String secret = created.json().get("Token").asString();
        admin.send("POST", "/api/v1/tokens/audited/revoke", "");
        anonymous.withToken(secret).get("/api/v1/migrations");

        List<AuditEvent> log = access.auditLog(Optional.of(CONTOSO), new AuditEvent.Filter(Optional.of(before), Optional.empty(),
                Optional.empty(), Optional.empty()));

        assertThat(log).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("POST /api/v1/tokens");
            assertThat(e.target()).isEqualTo("name=audited");
            assertThat(e.result()).isEqualTo(201);
            assertThat(e.tokenName()).isPresent();
        });
        assertThat(log).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("POST /api/v1/tokens/{name}/revoke");
            assertThat(e.target()).isEqualTo("name=audited");
            assertThat(e.result()).isEqualTo(200);
        });
        assertThat(log).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("GET /api/v1/migrations");
            assertThat(e.tokenName()).contains("audited");
            assertThat(e.result()).isEqualTo(401);
        });
        assertThat(log.toString()).doesNotContain(secret);
        Http.Response viaApi = admin.get("/api/v1/audit-log?result=401&tokenName=audited");
        assertThat(viaApi.status()).isEqualTo(200);
        assertThat(viaApi.json().size()).isEqualTo(1);
        assertThat(viaApi.body()).doesNotContain(secret);
    }

    @Test
    void an_unknown_token_is_recorded_for_the_service_operator_and_no_tenant() {
        Instant before = CLOCK.instant();
        anonymous.withToken("mms_guess-" + UUID.randomUUID()).send("PATCH", "/api/v1/tenant/calendar-store", "{}");

        Http.Response log = anonymous.withToken(operatorToken).get("/api/v1/audit-log?result=401&startTime=" + before);

        assertThat(log.status()).isEqualTo(200);
        assertThat(log.json().findValuesAsString("Action")).contains("PATCH /api/v1/tenant/calendar-store");
        assertThat(access.auditLog(Optional.of(CONTOSO), new AuditEvent.Filter(Optional.of(before), Optional.empty(), Optional.empty(),
                Optional.of(401)))).isEmpty();
    }

    @Test
    void the_service_operator_manages_tenants_and_sees_no_tenants_meetings() {
        Http operator = anonymous.withToken(operatorToken);

        Http.Response created = operator.send("POST", "/api/v1/tenants", "{\"Identity\": \"northwind\", \"Domains\": [\"northwind.com\"]}");
        assertThat(created.status()).isEqualTo(201);
        Http northwindAdmin = anonymous.withToken(created.json().get("AdminToken").asString());
        assertThat(northwindAdmin.get("/api/v1/migrations").status()).isEqualTo(200);
        assertThat(operator.get("/api/v1/tenants").json().findValuesAsString("Identity")).contains("contoso", "fabrikam", "northwind");

        for (String path : List.of("/api/v1/migrations", "/api/v1/users", "/api/v1/trigger-decisions", "/api/v1/tokens")) {
            assertThat(operator.get(path).status()).as(path).isEqualTo(403);
        }
        assertThat(admin.get("/api/v1/tenants").status()).as("a tenant's admin manages no tenants").isEqualTo(403);

        assertThat(operator.send("DELETE", "/api/v1/tenants/northwind", null).status()).as("without confirm=true").isEqualTo(400);
        assertThat(operator.send("DELETE", "/api/v1/tenants/northwind?confirm=true", null).status()).isEqualTo(200);
        assertThat(northwindAdmin.get("/api/v1/migrations").status()).isEqualTo(401);
    }

    @Test
    void repeated_failed_authentications_from_one_address_are_answered_429_with_retry_after() {
        ApiServer throttled = new ApiServer(new StubAdmin(), access, ReadinessCheck.Readiness::ok, CLOCK).start("127.0.0.1", 0);
        try {
            Http guesser = new Http("http://127.0.0.1:" + throttled.port(), "mms_wrong");
            for (int i = 0; i < FailedLogins.MAX_FAILURES; i++) {
                assertThat(guesser.get("/api/v1/migrations").status()).isEqualTo(401);
            }
            Http.Response held = guesser.withToken(token(CONTOSO, Role.ADMIN, Optional.empty())).get("/api/v1/migrations");

            assertThat(held.status()).isEqualTo(429);
            assertThat(held.contentType()).startsWith("application/problem+json");
            assertThat(held.header("Retry-After")).isEqualTo(String.valueOf(FailedLogins.WINDOW.toSeconds()));

            CLOCK.advance(FailedLogins.WINDOW);
            assertThat(guesser.withToken(token(CONTOSO, Role.ADMIN, Optional.empty())).get("/api/v1/migrations").status()).isEqualTo(200);
        } finally {
            throttled.stop();
        }
    }
}
