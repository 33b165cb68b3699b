package org.mms.db;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.mms.directory.TenantId;

/**
 * Bearer tokens for the API, each bound to one tenant. Only a SHA-256 of a token is stored: a copy
 * of the database gives no working token.
 */
public final class JdbcApiTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Jdbi jdbi;

    public JdbcApiTokens(Database db) {
        this.jdbi = db.jdbi();
    }

    /** Creates a token for {@code tenant} and returns it; it cannot be read back later. */
    public String create(TenantId tenant, String name, Instant now) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "mms_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO api_token (token_hash, tenant_id, name, created_at) VALUES (:h, :t, :n, :at)")
                .bind("h", hash(token)).bind("t", tenant.value()).bind("n", name).bind("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .execute());
        return token;
    }

    /** The tenant a token belongs to. */
    public Optional<TenantId> tenantFor(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT tenant_id FROM api_token WHERE token_hash = :h").bind("h", hash(token.strip()))
                .mapTo(String.class).findOne().map(TenantId::new));
    }

    public boolean any() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM api_token").mapTo(Long.class).one()) > 0;
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
