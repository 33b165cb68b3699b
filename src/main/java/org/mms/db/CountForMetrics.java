package org.mms.db;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.mms.directory.TenantId;
import org.mms.metrics.DatabaseCounts;
import org.mms.migration.MigrationType;
import org.mms.queue.MigrationState;

/**
 * The database's counts for {@code /metrics}: a handful of GROUP BY queries over the queue, the journal and
 * the outbox, each answered from the indexes on state where there is one. States the code does not know
 * (a row written by a newer version) are left out rather than named by what the database holds.
 */
public final class CountForMetrics implements Supplier<DatabaseCounts> {

    private final Jdbi jdbi;
    private final Clock clock;

    public CountForMetrics(Database db, Clock clock) {
        this.jdbi = db.jdbi();
        this.clock = clock;
    }

    @Override
    public DatabaseCounts get() {
        Instant now = clock.instant();
        // One transaction, so that the figures of one scrape belong together.
        return jdbi.inTransaction(h -> new DatabaseCounts(migrations(h), meetings(h), updates(h), backlogs(h, now)));
    }

    private static List<DatabaseCounts.Migrations> migrations(Handle h) {
        List<DatabaseCounts.Migrations> rows = new ArrayList<>();
        h.createQuery("SELECT tenant_id, state, migration_type, COUNT(*) AS n FROM migration_request GROUP BY tenant_id, state, migration_type")
                .map((rs, ctx) -> {
                    Optional<MigrationState> state = known(MigrationState.class, rs.getString("state"));
                    Optional<MigrationType> type = known(MigrationType.class, rs.getString("migration_type"));
                    return state.isPresent() && type.isPresent()
                            ? Optional.of(new DatabaseCounts.Migrations(new TenantId(rs.getString("tenant_id")), state.get(), type.get(), rs.getLong("n")))
                            : Optional.<DatabaseCounts.Migrations>empty();
                })
                .forEach(row -> row.ifPresent(rows::add));
        return rows;
    }

    private static List<DatabaseCounts.Meetings> meetings(Handle h) {
        // As Get-CsMeetingMigrationDetail lists them: a write found never to have happened is not a meeting's outcome.
        return h.createQuery("""
                        SELECT tenant_id, outcome, reason, COUNT(*) AS n FROM meeting_change WHERE write_state <> 'ABANDONED'
                        GROUP BY tenant_id, outcome, reason""")
                .map((rs, ctx) -> new DatabaseCounts.Meetings(new TenantId(rs.getString("tenant_id")), rs.getString("outcome"),
                        Optional.ofNullable(rs.getString("reason")), rs.getLong("n")))
                .list();
    }

    private static List<DatabaseCounts.Updates> updates(Handle h) {
        Map<String, Map<String, Long>> byTenant = new HashMap<>();
        for (String tenant : tenants(h)) {
            Map<String, Long> states = new java.util.LinkedHashMap<>();
            JdbcMessageOutbox.STATES.forEach(s -> states.put(s, 0L));
            byTenant.put(tenant, states);
        }
        h.createQuery("SELECT tenant_id, state, COUNT(*) AS n FROM outbox_message GROUP BY tenant_id, state")
                .map((rs, ctx) -> new DatabaseCounts.Updates(new TenantId(rs.getString("tenant_id")), rs.getString("state"), rs.getLong("n")))
                .forEach(u -> {
                    Map<String, Long> states = byTenant.get(u.tenant().value());
                    if (states != null && states.containsKey(u.state())) {
                        states.put(u.state(), u.count());
                    }
                });
        List<DatabaseCounts.Updates> rows = new ArrayList<>();
        byTenant.forEach((tenant, states) -> states.forEach((state, n) -> rows.add(new DatabaseCounts.Updates(new TenantId(tenant), state, n))));
        return rows;
    }

    private static List<DatabaseCounts.Backlog> backlogs(Handle h, Instant now) {
        Map<String, Long> pending = new HashMap<>();
        Map<String, Instant> oldestDue = new HashMap<>();
        Map<String, Long> unsent = new HashMap<>();
        Map<String, Instant> oldestUnsent = new HashMap<>();
        h.createQuery("SELECT tenant_id, COUNT(*) AS n FROM migration_request WHERE state = 'PENDING' GROUP BY tenant_id")
                .map((rs, ctx) -> Map.entry(rs.getString("tenant_id"), rs.getLong("n"))).forEach(e -> pending.put(e.getKey(), e.getValue()));
        h.createQuery("SELECT tenant_id, MIN(due_at) AS oldest FROM migration_request WHERE state = 'PENDING' AND due_at <= :now GROUP BY tenant_id")
                .bind("now", JdbcMigrationJournal.time(now))
                .map((rs, ctx) -> Map.entry(rs.getString("tenant_id"), rs.getObject("oldest", OffsetDateTime.class).toInstant()))
                .forEach(e -> oldestDue.put(e.getKey(), e.getValue()));
        h.createQuery("""
                        SELECT tenant_id, COUNT(*) AS n, MIN(created_at) AS oldest FROM outbox_message
                        WHERE state IN ('PENDING', 'SENDING', 'STAGED') GROUP BY tenant_id""")
                .map((rs, ctx) -> {
                    unsent.put(rs.getString("tenant_id"), rs.getLong("n"));
                    oldestUnsent.put(rs.getString("tenant_id"), rs.getObject("oldest", OffsetDateTime.class).toInstant());
                    return 0;
                }).list();
        return tenants(h).stream().map(t -> new DatabaseCounts.Backlog(new TenantId(t), pending.getOrDefault(t, 0L),
                Optional.ofNullable(oldestDue.get(t)), unsent.getOrDefault(t, 0L), Optional.ofNullable(oldestUnsent.get(t)))).toList();
    }

    private static List<String> tenants(Handle h) {
        return h.createQuery("SELECT id FROM tenant ORDER BY id").mapTo(String.class).list();
    }

    private static <E extends Enum<E>> Optional<E> known(Class<E> type, String name) {
        try {
            return Optional.of(Enum.valueOf(type, name));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
