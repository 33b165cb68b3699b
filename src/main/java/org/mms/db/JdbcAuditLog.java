package org.mms.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.mms.access.AuditEvent;
import org.mms.directory.TenantId;

/** The audit log: appended to by the API, read by {@code Get-CsAuditLog}, purged with the tenant's retention. */
public final class JdbcAuditLog {

    /** One answer's worth; a narrower filter finds older events. */
    public static final int MAX_EVENTS = 1000;

    private final Jdbi jdbi;

    public JdbcAuditLog(Database db) {
        this.jdbi = db.jdbi();
    }

    public void record(AuditEvent e) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO audit_event (tenant_id, occurred_at, token_name, action, target, result, client)"
                        + " VALUES (:t, :at, :name, :action, :target, :result, :client)")
                .bindByType("t", e.tenant().map(TenantId::value).orElse(null), String.class)
                .bind("at", time(e.at()))
                .bindByType("name", e.tokenName().map(n -> cut(n, 200)).orElse(null), String.class)
                .bind("action", cut(e.action(), 300)).bind("target", cut(e.target(), 500)).bind("result", e.result())
                .bind("client", cut(e.client(), 100))
                .execute());
    }

    /** A tenant's events, or with no tenant the installation's own; newest first, at most {@value #MAX_EVENTS}. */
    public List<AuditEvent> list(Optional<TenantId> tenant, AuditEvent.Filter f) {
        StringBuilder sql = new StringBuilder("SELECT tenant_id, occurred_at, token_name, action, target, result, client FROM audit_event WHERE ")
                .append(tenant.isPresent() ? "tenant_id = :t" : "tenant_id IS NULL");
        f.start().ifPresent(x -> sql.append(" AND occurred_at >= :start"));
        f.end().ifPresent(x -> sql.append(" AND occurred_at <= :end"));
        f.tokenName().ifPresent(x -> sql.append(" AND LOWER(token_name) = LOWER(:name)"));
        f.result().ifPresent(x -> sql.append(" AND result = :result"));
        sql.append(" ORDER BY occurred_at DESC, id DESC FETCH FIRST ").append(MAX_EVENTS).append(" ROWS ONLY");
        return jdbi.withHandle(h -> {
            Query q = h.createQuery(sql.toString());
            tenant.ifPresent(t -> q.bind("t", t.value()));
            f.start().ifPresent(x -> q.bind("start", time(x)));
            f.end().ifPresent(x -> q.bind("end", time(x)));
            f.tokenName().ifPresent(x -> q.bind("name", x));
            f.result().ifPresent(x -> q.bind("result", x));
            return q.map((rs, ctx) -> event(rs)).list();
        });
    }

    /** Deletes a tenant's events older than {@code cutoff} (with an empty tenant, the installation's). */
    public int purgeBefore(Optional<TenantId> tenant, Instant cutoff) {
        return jdbi.withHandle(h -> {
            var update = h.createUpdate("DELETE FROM audit_event WHERE " + (tenant.isPresent() ? "tenant_id = :t" : "tenant_id IS NULL")
                    + " AND occurred_at < :cutoff").bind("cutoff", time(cutoff));
            tenant.ifPresent(t -> update.bind("t", t.value()));
            return update.execute();
        });
    }

    private static AuditEvent event(ResultSet rs) throws SQLException {
        return new AuditEvent(rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                Optional.ofNullable(rs.getString("tenant_id")).map(TenantId::new), Optional.ofNullable(rs.getString("token_name")),
                rs.getString("action"), rs.getString("target"), rs.getInt("result"), rs.getString("client"));
    }

    /** An event is never lost for being long: what does not fit is cut, visibly. */
    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
