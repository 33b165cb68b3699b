package org.mms.calendar.graph.emulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Entra ID's v2.0 endpoints as far as a daemon app uses them: the client-credentials token request
 * ({@code POST /{tenant}/oauth2/v2.0/token}), the OpenID discovery document
 * ({@code GET /{tenant}/v2.0/.well-known/openid-configuration}) and the instance discovery that MSAL asks a host it does
 * not know ({@code GET /common/discovery/instance}). Errors have Entra's OAuth shape ({@code error},
 * {@code error_description} starting with the AADSTS code, {@code error_codes}, {@code trace_id},
 * {@code correlation_id}), with the codes Entra documents for each case.
 */
final class TokenEndpoint {

    static final String GRAPH_DEFAULT_SCOPE = "https://graph.microsoft.com/.default";
    private static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String tenantId;
    private final String clientId;
    private final String clientSecret;
    private final IssuedTokens tokens;
    private final Clock clock;
    private final Supplier<URI> authority;
    private volatile java.util.Optional<SignInRefusal> refusal = java.util.Optional.empty();

    TokenEndpoint(String tenantId, String clientId, String clientSecret, IssuedTokens tokens, Clock clock, Supplier<URI> authority) {
        this.tenantId = tenantId;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.tokens = tokens;
        this.clock = clock;
        this.authority = authority;
    }

    /** Every token request from now on is refused so, once it names this tenant and app; empty issues tokens again. */
    void refuse(java.util.Optional<SignInRefusal> refusal) {
        this.refusal = refusal;
    }

    void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            HttpExchanges.send(exchange, answer(exchange));
        }
    }

    private GraphReply answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (method.equals("GET") && path.equals("/common/discovery/instance")) {
            return instanceDiscovery();
        }
        String[] segments = path.substring(1).split("/");
        if (segments.length >= 1 && !segments[0].equalsIgnoreCase(tenantId) && !segments[0].equals("common")) {
            return oauthError(400, "invalid_request", 90002, "Tenant '" + segments[0] + "' not found. Check to make sure you have the "
                    + "correct tenant ID and are signing into the correct cloud.");
        }
        if (method.equals("GET") && path.endsWith("/v2.0/.well-known/openid-configuration")) {
            return GraphReply.json(200, openIdConfiguration());
        }
        if (method.equals("POST") && path.endsWith("/oauth2/v2.0/token")) {
            return token(HttpExchanges.pairs(HttpExchanges.body(exchange)));
        }
        return oauthError(404, "invalid_request", 900561, "The endpoint only accepts what a daemon app needs: " + method + " " + path + " is not one.");
    }

    private GraphReply token(Map<String, String> form) {
        if (!"client_credentials".equals(form.get("grant_type"))) {
            return oauthError(400, "unsupported_grant_type", 70003, "The app requested an unsupported grant type '" + form.get("grant_type") + "'.");
        }
        String requestedClient = form.getOrDefault("client_id", "");
        if (!requestedClient.equalsIgnoreCase(clientId)) {
            return oauthError(400, "unauthorized_client", 700016, "Application with identifier '" + requestedClient + "' was not found "
                    + "in the directory '" + tenantId + "'. This can happen if the application has not been installed by the "
                    + "administrator of the tenant or consented to by any user in the tenant.");
        }
        String scope = form.getOrDefault("scope", "");
        if (!java.util.Arrays.asList(scope.split(" ")).contains(GRAPH_DEFAULT_SCOPE)) {
            return oauthError(400, "invalid_scope", 1002012, "The provided value for scope " + scope + " is not valid. Client "
                    + "credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).");
        }
        if (refusal.isPresent()) {
            SignInRefusal r = refusal.get();
            return oauthError(r.status, r.error, r.code, r.description(clientId));
        }
        if (form.containsKey("client_assertion")) {
            if (!JWT_BEARER.equals(form.get("client_assertion_type")) || !wellFormedAssertion(form.get("client_assertion"))) {
                return oauthError(401, "invalid_client", 700027, "Client assertion failed signature validation.");
            }
        } else if (!clientSecret.equals(form.get("client_secret"))) {
            return oauthError(401, "invalid_client", 7000215, "Invalid client secret provided. Ensure the secret being sent in the "
                    + "request is the client secret value, not the client secret ID, for a secret added to app '" + clientId + "'.");
        }
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        long seconds = tokens.lifetime().toSeconds();
        answer.put("token_type", "Bearer");
        answer.put("expires_in", seconds);
        answer.put("ext_expires_in", seconds);
        answer.put("access_token", tokens.issue(tenantId, clientId));
        return GraphReply.json(200, answer);
    }

    /**
     * A certificate's client assertion is a signed JWT whose issuer and subject are the app and whose audience is the
     * token endpoint. The emulator has no copy of the certificate, so it checks the shape and the claims, not the
     * signature: enough to prove a client builds and sends one.
     */
    private boolean wellFormedAssertion(String assertion) {
        if (assertion == null) {
            return false;
        }
        String[] parts = assertion.split("\\.");
        if (parts.length != 3 || parts[2].isEmpty()) {
            return false;
        }
        try {
            JsonNode header = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
            JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            boolean signed = header.path("alg").asString("").matches("(RS|PS)256") && (header.has("x5t") || header.has("x5t#S256") || header.has("kid"));
            boolean forThisApp = clientId.equalsIgnoreCase(claims.path("iss").asString("")) && clientId.equalsIgnoreCase(claims.path("sub").asString(""));
            boolean forThisEndpoint = claims.path("aud").asString("").endsWith("/oauth2/v2.0/token");
            boolean current = claims.path("exp").asLong(0) > clock.instant().getEpochSecond();
            return signed && forThisApp && forThisEndpoint && current;
        } catch (IllegalArgumentException | JacksonException e) {
            return false;
        }
    }

    private ObjectNode openIdConfiguration() {
        String tenant = authority.get() + "/" + tenantId;
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.put("token_endpoint", tenant + "/oauth2/v2.0/token");
        document.putArray("token_endpoint_auth_methods_supported").add("client_secret_post").add("private_key_jwt").add("client_secret_basic");
        document.put("jwks_uri", tenant + "/discovery/v2.0/keys");
        document.putArray("response_modes_supported").add("query").add("fragment").add("form_post");
        document.putArray("subject_types_supported").add("pairwise");
        document.putArray("id_token_signing_alg_values_supported").add("RS256");
        document.putArray("response_types_supported").add("code").add("id_token").add("code id_token").add("id_token token");
        document.putArray("scopes_supported").add("openid").add("profile").add("email").add("offline_access");
        document.put("issuer", tenant + "/v2.0");
        document.put("authorization_endpoint", tenant + "/oauth2/v2.0/authorize");
        document.put("device_authorization_endpoint", tenant + "/oauth2/v2.0/devicecode");
        document.put("end_session_endpoint", tenant + "/oauth2/v2.0/logout");
        document.put("tenant_region_scope", "EU");
        return document;
    }

    /** MSAL asks this of an authority host it does not know; the answer names the host as its own only alias. */
    private GraphReply instanceDiscovery() {
        URI base = authority.get();
        String host = base.getAuthority();
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("tenant_discovery_endpoint", base + "/" + tenantId + "/v2.0/.well-known/openid-configuration");
        answer.put("api-version", "1.1");
        ObjectNode entry = answer.putArray("metadata").addObject();
        entry.put("preferred_network", host);
        entry.put("preferred_cache", host);
        entry.putArray("aliases").add(host);
        return GraphReply.json(200, answer);
    }

    private GraphReply oauthError(int status, String error, int code, String description) {
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        String traceId = UUID.randomUUID().toString();
        String correlationId = UUID.randomUUID().toString();
        answer.put("error", error);
        answer.put("error_description", "AADSTS" + code + ": " + description + " Trace ID: " + traceId + " Correlation ID: "
                + correlationId + " Timestamp: " + clock.instant());
        answer.putArray("error_codes").add(code);
        answer.put("timestamp", clock.instant().toString());
        answer.put("trace_id", traceId);
        answer.put("correlation_id", correlationId);
        return GraphReply.json(status, answer);
    }
}
