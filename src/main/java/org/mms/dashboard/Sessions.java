package org.mms.dashboard;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Signed-in browsers, in memory: a random session id (the cookie) stands for the token that signed in, so
 * the token itself never travels again and every request re-checks it (a revoked token ends its sessions
 * at once). Each session has its own CSRF token for the forms. A restart signs everyone out.
 */
final class Sessions {

    static final Duration LIFETIME = Duration.ofHours(8);
    /** Sessions kept at most; beyond it the expired ones go first, then all (everyone signs in again). */
    private static final int MAX_SESSIONS = 10_000;

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new HashMap<>();

    Sessions(Clock clock) {
        this.clock = clock;
    }

    /** One signed-in browser: the token it signed in with, its CSRF token and when it ends. */
    record Session(String id, String bearerToken, String csrf, Instant expires) {
        /** Whether a form's CSRF field is this session's, compared in constant time. */
        boolean allows(String presented) {
            return presented != null && MessageDigest.isEqual(presented.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    csrf.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    synchronized Session open(String bearerToken) {
        Instant now = clock.instant();
        if (sessions.size() >= MAX_SESSIONS) {
            sessions.values().removeIf(s -> !s.expires().isAfter(now));
            if (sessions.size() >= MAX_SESSIONS) {
                sessions.clear();
            }
        }
        Session session = new Session(randomId(), bearerToken, randomId(), now.plus(LIFETIME));
        sessions.put(session.id(), session);
        return session;
    }

    synchronized Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        if (!session.expires().isAfter(clock.instant())) {
            sessions.remove(id);
            return Optional.empty();
        }
        return Optional.of(session);
    }

    synchronized void close(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    private String randomId() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
