package org.mms.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mms.testing.RunningApi.CONTOSO;
import static org.mms.testing.RunningApi.CONTOSO_TOKEN;
import static org.mms.testing.RunningApi.FABRIKAM;
import static org.mms.testing.RunningApi.FABRIKAM_TOKEN;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mms.testing.RunningApi;
import org.mms.testing.StubAdmin;

/** Who may call what: a bearer token per tenant, a challenge without one, and no tenant seeing another's data. */
class ApiAuthenticationTest {

    private static final Set<String> PUBLIC_PATHS = Set.of("/health", "/ready", "/api/v1/openapi.json");

    private static RunningApi api;
    private Http anonymous;
    private Http contoso;

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
        anonymous = new Http(api.baseUrl(), null);
        contoso = anonymous.withToken(CONTOSO_TOKEN);
    }

    @Test
    void a_request_without_a_token_gets_401_with_a_bearer_challenge_and_reaches_no_operation() {
        Http.Response r = anonymous.get("/api/v1/migrations");

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"mms\"");
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("status").asInt()).isEqualTo(401);
        assertThat(r.json().get("title").asString()).isEqualTo("Unauthorized");
        assertThat(api.admin.calls()).isEmpty();
    }

    @Test
    void an_unknown_token_gets_401_naming_the_token_invalid() {
        Http.Response r = anonymous.withToken("guessed").get("/api/v1/migrations");

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"mms\", error=\"invalid_token\"");
        assertThat(api.admin.calls()).isEmpty();
    }

    @Test
    void credentials_in_another_scheme_are_refused() {
        Http.Response r = anonymous.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/v1/users"))
                .header("Authorization", "Basic " + CONTOSO_TOKEN).GET());

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("detail").asString()).contains("Bearer");
        assertThat(api.admin.calls()).isEmpty();
    }

    @Test
    void the_scheme_name_is_case_insensitive() {
        Http.Response r = anonymous.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/v1/users"))
                .header("Authorization", "bearer " + CONTOSO_TOKEN).GET());

        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void each_token_acts_on_its_own_tenant_only() {
        Http.Response asContoso = contoso.get("/api/v1/users");
        Http.Response asFabrikam = anonymous.withToken(FABRIKAM_TOKEN).get("/api/v1/users");

        assertThat(asContoso.json().get(0).get("UserPrincipalName").asString()).isEqualTo(StubAdmin.upn(CONTOSO));
        assertThat(asFabrikam.json().get(0).get("UserPrincipalName").asString()).isEqualTo(StubAdmin.upn(FABRIKAM));
        assertThat(api.admin.calls()).extracting(StubAdmin.Call::tenant).containsExactly(CONTOSO, FABRIKAM);
    }

    @Test
    void a_tenant_cannot_reach_another_tenants_user_by_naming_them() {
        Http.Response r = anonymous.withToken(FABRIKAM_TOKEN).get("/api/v1/users/" + StubAdmin.upn(CONTOSO));

        assertThat(r.status()).isEqualTo(404);
        assertThat(api.admin.onlyCall().tenant()).isEqualTo(FABRIKAM);
    }

    @Test
    void every_route_but_health_readiness_and_the_api_description_requires_a_token() {
        List<Route> routes = api.server.routes();
        assertThat(routes).hasSizeGreaterThan(20);

        for (Route route : routes) {
            String path = route.path().replaceAll("\\{[^}]+}", "x");
            Http.Response r = anonymous.send(route.method(), path, route.method().equals("GET") ? null : "{}");
            if (PUBLIC_PATHS.contains(route.path())) {
                assertThat(r.status()).as(route.toString()).isIn(200, 503);
            } else {
                assertThat(r.status()).as(route.toString()).isEqualTo(401);
            }
        }
        assertThat(api.admin.calls()).isEmpty();
    }

    @Test
    void health_answers_without_a_token() {
        Http.Response r = anonymous.get("/health");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asString()).isEqualTo("up");
    }

    @Test
    void readiness_follows_the_injected_check_and_tells_the_reason_only_to_a_caller_with_a_token() {
        assertThat(anonymous.get("/ready").status()).isEqualTo(200);

        api.readiness = ReadinessCheck.Readiness.notReady("the database is not reachable");
        Http.Response r = anonymous.get("/ready");
        Http.Response withToken = contoso.get("/ready");
        Http.Response wrongToken = anonymous.withToken("guessed").get("/ready");

        assertThat(r.status()).isEqualTo(503);
        assertThat(r.json().get("status").asString()).isEqualTo("not ready");
        assertThat(r.json().get("detail").asString()).doesNotContain("database");
        assertThat(wrongToken.status()).isEqualTo(503);
        assertThat(wrongToken.json().get("detail").asString()).doesNotContain("database");
        assertThat(withToken.status()).isEqualTo(503);
        assertThat(withToken.json().get("detail").asString()).isEqualTo("the database is not reachable");
    }

    @Test
    void a_readiness_check_that_throws_means_not_ready_without_its_message() {
        try (RunningApi failing = new RunningApi(() -> {
            throw new IllegalStateException("jdbc:h2:file:./data/mms;PASSWORD=hunter2");
        })) {
            Http.Response r = new Http(failing.baseUrl(), null).get("/ready");

            assertThat(r.status()).isEqualTo(503);
            assertThat(r.body()).doesNotContain("jdbc").doesNotContain("IllegalStateException");
        }
    }
}
