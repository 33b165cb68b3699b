package org.mms.db;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.mms.directory.TenantId;
import org.mms.directory.UserId;
import org.mms.queue.CorrelationId;
import org.mms.queue.MigrationRequest;
import org.mms.queue.MigrationState;
import org.mms.queue.StateCount;
import org.mms.queue.StatusFilter;

/** {@code Get-CsMeetingMigrationStatus}: the tenant's requests, filtered, in full or counted per state. */
final class QueryMigrationStatus {

    private final Jdbi jdbi;

    QueryMigrationStatus(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    List<MigrationRequest> list(TenantId tenant, StatusFilter filter) {
        return jdbi.withHandle(h -> bind(h.createQuery("SELECT " + MigrationRequestRows.COLUMNS + " FROM migration_request"
                + where(filter) + " ORDER BY create_date, id"), tenant, filter).map(MigrationRequestRows.MAPPER).list());
    }

    List<StateCount> summary(TenantId tenant, StatusFilter filter) {
        Map<MigrationState, Long> counts = new EnumMap<>(MigrationState.class);
        jdbi.useHandle(h -> bind(h.createQuery("SELECT state, COUNT(DISTINCT user_id) AS users FROM migration_request"
                + where(filter) + " GROUP BY state"), tenant, filter)
                .map((rs, ctx) -> Map.entry(MigrationState.valueOf(rs.getString("state")), rs.getLong("users")))
                .forEach(e -> counts.put(e.getKey(), e.getValue())));
        List<StateCount> rows = new ArrayList<>();
        for (MigrationState state : MigrationState.SUMMARY_ORDER) {
            rows.add(new StateCount(state, counts.getOrDefault(state, 0L)));
        }
        return rows;
    }

    Optional<MigrationRequest> byCorrelationId(TenantId tenant, CorrelationId correlationId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + MigrationRequestRows.COLUMNS + " FROM migration_request"
                        + " WHERE tenant_id = :tenant AND correlation_id = :correlation")
                .bind("tenant", tenant.value())
                .bind("correlation", correlationId.toString())
                .map(MigrationRequestRows.MAPPER).findOne());
    }

    /** Only the clauses the filter asks for, so each query can use the index that fits it. */
    private static String where(StatusFilter filter) {
        StringBuilder sql = new StringBuilder(" WHERE tenant_id = :tenant");
        if (!filter.users().isEmpty()) {
            sql.append(" AND user_id IN (<users>)");
        }
        filter.state().ifPresent(s -> sql.append(" AND state = :state"));
        filter.createdFrom().ifPresent(t -> sql.append(" AND create_date >= :from"));
        filter.createdBefore().ifPresent(t -> sql.append(" AND create_date < :before"));
        return sql.toString();
    }

    private static Query bind(Query query, TenantId tenant, StatusFilter filter) {
        query.bind("tenant", tenant.value());
        if (!filter.users().isEmpty()) {
            query.bindList("users", filter.users().stream().map(UserId::value).sorted().toList());
        }
        filter.state().ifPresent(s -> query.bind("state", s.name()));
        filter.createdFrom().ifPresent(t -> query.bind("from", MigrationRequestRows.time(t)));
        filter.createdBefore().ifPresent(t -> query.bind("before", MigrationRequestRows.time(t)));
        return query;
    }
}
