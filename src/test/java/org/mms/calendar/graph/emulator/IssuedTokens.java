package org.mms.calendar.graph.emulator;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The access tokens the emulator's token endpoint handed out, each with its expiry. They look like Entra's (a JWT
 * with Graph as audience and the app's roles) so a client that peeks at one is not surprised, but they are checked by
 * lookup, not by signature: the emulator is the only one that ever issues or checks them.
 */
final class IssuedTokens {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private volatile Duration lifetime;

    IssuedTokens(Clock clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
    }

    Duration lifetime() {
        return lifetime;
    }

    void lifetime(Duration next) {
        if (next.isNegative() || next.isZero()) {
            throw new IllegalArgumentException("a token lives for some time");
        }
        this.lifetime = next;
    }

    String issue(String tenantId, String clientId) {
        Instant now = clock.instant();
        Instant expiry = now.plus(lifetime);
        ObjectNode header = JSON.createObjectNode().put("typ", "JWT").put("alg", "RS256").put("kid", "graph-emulator");
        ObjectNode claims = JSON.createObjectNode()
                .put("aud", "https://graph.microsoft.com")
                .put("iss", "https://sts.windows.net/" + tenantId + "/")
                .put("iat", now.getEpochSecond())
                .put("nbf", now.getEpochSecond())
                .put("exp", expiry.getEpochSecond())
                .put("appid", clientId)
                .put("tid", tenantId)
                .put("idtyp", "app")
                .put("uti", UUID.randomUUID().toString());
        claims.putArray("roles").add("Calendars.ReadWrite");
        byte[] signature = new byte[32];
        random.nextBytes(signature);
        String token = encode(header) + "." + encode(claims) + "." + BASE64URL.encodeToString(signature);
        expiries.put(token, expiry);
        return token;
    }

    /** Every token handed out so far stops working, as after a secret is rotated and the old tokens are revoked. */
    void revokeAll() {
        expiries.clear();
    }

    /** Why Graph refuses the Authorization header, or empty when the bearer token is good. */
    Optional<String> refusal(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return Optional.of("Access token is empty.");
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of("Access token validation failure: the Authorization header is not a bearer token.");
        }
        Instant expiry = expiries.get(authorization.substring(7).trim());
        if (expiry == null) {
            return Optional.of("Access token validation failure. Invalid audience or signature.");
        }
        if (!clock.instant().isBefore(expiry)) {
            return Optional.of("Lifetime validation failed, the token is expired.");
        }
        return Optional.empty();
    }

    private static String encode(ObjectNode part) {
        return BASE64URL.encodeToString(part.toString().getBytes(StandardCharsets.UTF_8));
    }
}
