package org.mms.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;
import org.mms.directory.TenantId;
import org.mms.directory.UserId;
import org.mms.migration.MigrationType;
import org.mms.queue.CorrelationId;
import org.mms.queue.HistoryFilter;
import org.mms.queue.MigrationState;
import org.mms.queue.Transition;

/** The {@code migration_transition} table: written by the steps that move a request, in their transaction. */
final class TransitionRows {

    private TransitionRows() {
    }

    static void insert(Handle h, List<Transition> transitions) {
        if (transitions.isEmpty()) {
            return;
        }
        PreparedBatch batch = h.prepareBatch("INSERT INTO migration_transition (tenant_id, correlation_id, user_id, upn, migration_type,"
                + " from_state, to_state, attempt, retry_count, reason, changed_at) VALUES (:tenant, :correlation, :user, :upn, :type,"
                + " :from, :to, :attempt, :retries, :reason, :at)");
        for (Transition t : transitions) {
            batch.bind("tenant", t.tenant().value())
                    .bind("correlation", t.correlationId().toString())
                    .bind("user", t.user().value())
                    .bind("upn", t.upn())
                    .bind("type", t.type().name())
                    .bindByType("from", t.from().map(MigrationState::name).orElse(null), String.class)
                    .bind("to", t.to().name())
                    .bind("attempt", t.attempt())
                    .bind("retries", t.retryCount())
                    .bind("reason", t.reason())
                    .bind("at", MigrationRequestRows.time(t.at()))
                    .add();
        }
        batch.execute();
    }

    static List<Transition> list(Handle h, TenantId tenant, HistoryFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT * FROM migration_transition WHERE tenant_id = :tenant");
        filter.user().ifPresent(u -> sql.append(" AND user_id = :user"));
        filter.correlationId().ifPresent(c -> sql.append(" AND correlation_id = :correlation"));
        filter.from().ifPresent(t -> sql.append(" AND changed_at >= :from"));
        filter.before().ifPresent(t -> sql.append(" AND changed_at < :before"));
        sql.append(" ORDER BY changed_at, id");
        Query query = h.createQuery(sql.toString()).bind("tenant", tenant.value());
        filter.user().ifPresent(u -> query.bind("user", u.value()));
        filter.correlationId().ifPresent(c -> query.bind("correlation", c.toString()));
        filter.from().ifPresent(t -> query.bind("from", MigrationRequestRows.time(t)));
        filter.before().ifPresent(t -> query.bind("before", MigrationRequestRows.time(t)));
        return query.map(TransitionRows::map).list();
    }

    private static Transition map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Transition(new CorrelationId(UUID.fromString(rs.getString("correlation_id"))), new TenantId(rs.getString("tenant_id")),
                new UserId(rs.getString("user_id")), rs.getString("upn"), MigrationType.valueOf(rs.getString("migration_type")),
                Optional.ofNullable(rs.getString("from_state")).map(MigrationState::valueOf), MigrationState.valueOf(rs.getString("to_state")),
                rs.getInt("attempt"), rs.getInt("retry_count"), rs.getString("reason"),
                rs.getObject("changed_at", OffsetDateTime.class).toInstant());
    }
}
