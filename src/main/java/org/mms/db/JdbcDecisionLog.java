package org.mms.db;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.mms.admin.DecisionLog;
import org.mms.admin.Views;
import org.mms.directory.TenantId;
import org.mms.directory.UserId;

/** The decision log in table {@code trigger_decision}. */
public final class JdbcDecisionLog implements DecisionLog {

    private final Jdbi jdbi;

    public JdbcDecisionLog(Database db) {
        this.jdbi = db.jdbi();
    }

    @Override
    public void record(TenantId tenant, Views.TriggerDecision d) {
        jdbi.useHandle(h -> h.createUpdate("""
                INSERT INTO trigger_decision (tenant_id, user_id, upn, change_kind, change_detail, decision, migration_type, reason,
                  correlation_id, decided_at)
                VALUES (:tenant, :user, :upn, :kind, :detail, :decision, :type, :reason, :correlation, :at)""")
                .bind("tenant", tenant.value()).bind("user", d.UserId()).bind("upn", d.UserPrincipalName()).bind("kind", d.Change())
                .bind("detail", truncate(d.Detail(), 1000)).bind("decision", d.Decision()).bind("type", d.MigrationType())
                .bind("reason", truncate(d.Reason(), 2000)).bind("correlation", d.CorrelationId())
                .bind("at", JdbcMigrationJournal.time(d.DecidedAt())).execute());
    }

    @Override
    public List<Views.TriggerDecision> list(TenantId tenant, Optional<UserId> user, Optional<Instant> since, int max) {
        // Conditions are added only when given: PostgreSQL cannot type a bare NULL parameter in ":x IS NULL".
        String sql = "SELECT * FROM trigger_decision WHERE tenant_id = :tenant"
                + (user.isPresent() ? " AND user_id = :user" : "")
                + (since.isPresent() ? " AND decided_at >= :since" : "")
                + " ORDER BY decided_at DESC, id DESC FETCH FIRST :max ROWS ONLY";
        return jdbi.withHandle(h -> {
            var query = h.createQuery(sql).bind("tenant", tenant.value()).bind("max", max);
            user.ifPresent(u -> query.bind("user", u.value()));
            since.ifPresent(t -> query.bind("since", JdbcMigrationJournal.time(t)));
            return query.map(ROW).list();
        });
    }

    /** A {@code trigger_decision} row as the cmdlet shows it. */
    static final RowMapper<Views.TriggerDecision> ROW = (rs, ctx) -> new Views.TriggerDecision(rs.getString("user_id"), rs.getString("upn"),
            rs.getString("change_kind"), rs.getString("change_detail"), rs.getString("decision"), rs.getString("migration_type"),
            rs.getString("reason"), rs.getString("correlation_id"), rs.getObject("decided_at", OffsetDateTime.class).toInstant());

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
