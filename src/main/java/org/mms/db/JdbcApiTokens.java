package org.mms.db;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.mms.access.ApiToken;
import org.mms.access.Authentication;
import org.mms.access.Caller;
import org.mms.access.Role;
import org.mms.directory.TenantId;

/**
 * Bearer tokens for the API: a tenant's, each with a name and a role, or the service operator's,
 * which belongs to no tenant. Only a SHA-256 of a token is stored: a copy of the database gives no
 * working token. Every check reads the row, so a revoke or an expiry holds from the next request on.
 */
public final class JdbcApiTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = "tenant_id, name, token_role, created_at, expires_at, revoked_at";

    private final Jdbi jdbi;

    public JdbcApiTokens(Database db) {
        this.jdbi = db.jdbi();
    }

    /** Creates an admin token for {@code tenant} and returns it; it cannot be read back later. */
    public String create(TenantId tenant, String name, Instant now) {
        return issue(Optional.of(tenant), name, Role.ADMIN, Optional.empty(), now).secret();
    }

    /** A new token; {@code tenant} is empty only for the service operator's and the metrics tokens. */
    public ApiToken.Issued issue(Optional<TenantId> tenant, String name, Role role, Optional<Instant> expiresAt, Instant now) {
        if (tenant.isEmpty() != role.serviceWide()) {
            throw new IllegalArgumentException("only the service operator's and the metrics tokens belong to no tenant");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "mms_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO api_token (token_hash, tenant_id, name, token_role, created_at, expires_at)"
                        + " VALUES (:h, :t, :n, :r, :at, :exp)")
                .bind("h", hash(token)).bindByType("t", tenant.map(TenantId::value).orElse(null), String.class).bind("n", name)
                .bind("r", role.display()).bind("at", time(now))
                .bindByType("exp", expiresAt.map(JdbcApiTokens::time).orElse(null), OffsetDateTime.class)
                .execute());
        return new ApiToken.Issued(new ApiToken(name, role, now, expiresAt, Optional.empty()), token);
    }

    /** Who a token belongs to at {@code now}, or why it is refused. */
    public Authentication authenticate(String token, Instant now) {
        if (token == null || token.isBlank()) {
            return Authentication.Refused.unknown();
        }
        Optional<Row> row = jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM api_token WHERE token_hash = :h")
                .bind("h", hash(token.strip())).map((rs, ctx) -> row(rs)).findOne());
        if (row.isEmpty()) {
            return Authentication.Refused.unknown();
        }
        Row r = row.get();
        return switch (r.token().state(now)) {
            case "Active" -> new Authentication.Granted(new Caller(r.tenant(), r.token().name(), r.token().role()));
            case "Revoked" -> new Authentication.Refused("the bearer token was revoked", r.tenant(), Optional.of(r.token().name()));
            default -> new Authentication.Refused("the bearer token has expired", r.tenant(), Optional.of(r.token().name()));
        };
    }

    /** The tenant an active token belongs to. */
    public Optional<TenantId> tenantFor(String token, Instant now) {
        return authenticate(token, now) instanceof Authentication.Granted g ? g.caller().tenant() : Optional.empty();
    }

    /** The tenant a token belongs to, if it is neither revoked nor expired now. */
    public Optional<TenantId> tenantFor(String token) {
        return tenantFor(token, Instant.now());
    }

    /** A tenant's tokens, oldest first. */
    public List<ApiToken> list(TenantId tenant) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM api_token WHERE tenant_id = :t ORDER BY created_at, name")
                .bind("t", tenant.value()).map((rs, ctx) -> row(rs).token()).list());
    }

    /** Marks the tenant's tokens of that name revoked; how many were still unrevoked. */
    public int revoke(TenantId tenant, String name, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE api_token SET revoked_at = :at WHERE tenant_id = :t AND name = :n AND revoked_at IS NULL")
                .bind("at", time(now)).bind("t", tenant.value()).bind("n", name).execute());
    }

    public boolean any() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM api_token").mapTo(Long.class).one()) > 0;
    }

    /** Whether a token with this role exists, revoked or not (first start makes each kind once). */
    public boolean any(Role role) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM api_token WHERE token_role = :r").bind("r", role.display())
                .mapTo(Long.class).one()) > 0;
    }

    private record Row(Optional<TenantId> tenant, ApiToken token) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(Optional.ofNullable(rs.getString("tenant_id")).map(TenantId::new),
                new ApiToken(rs.getString("name"), Role.stored(rs.getString("token_role")), instant(rs, "created_at").orElseThrow(),
                        instant(rs, "expires_at"), instant(rs, "revoked_at")));
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    private static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
