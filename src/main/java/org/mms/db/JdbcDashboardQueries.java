package org.mms.db;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.mms.dashboard.DashboardQueries;
import org.mms.directory.TenantId;

/** The dashboard's reads, each bound to one tenant. */
public final class JdbcDashboardQueries implements DashboardQueries {

    private final Jdbi jdbi;

    public JdbcDashboardQueries(Database db) {
        this.jdbi = db.jdbi();
    }

    @Override
    public List<MeetingChange> changes(TenantId tenant, String correlationId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM meeting_change WHERE tenant_id = :t AND correlation_id = :c AND write_state <> 'ABANDONED'
                        ORDER BY id""")
                .bind("t", tenant.value()).bind("c", correlationId)
                .map((rs, ctx) -> {
                    boolean written = "WRITTEN".equals(rs.getString("write_state"));
                    return new MeetingChange(rs.getString("uid"), rs.getString("recurrence_id"), rs.getString("subject"),
                            Optional.ofNullable(rs.getObject("start_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant).orElse(null),
                            rs.getString("outcome"), rs.getString("reason"), rs.getString("detail"),
                            written ? rs.getString("previous_block") : null, written ? rs.getString("new_block") : null,
                            rs.getObject("created_at", OffsetDateTime.class).toInstant());
                })
                .list());
    }

    @Override
    public long[] migrated(TenantId tenant, Instant from, Duration step, int buckets) {
        long[] counts = new long[buckets];
        Instant to = from.plus(step.multipliedBy(buckets));
        // Only the times are read, bucketed here: the same SQL on both databases, and a day of a busy tenant is a few
        // hundred thousand timestamps at most.
        jdbi.useHandle(h -> h.createQuery("""
                        SELECT created_at FROM meeting_change WHERE tenant_id = :t AND outcome = 'MIGRATED'
                        AND write_state = 'WRITTEN' AND created_at >= :from AND created_at < :to""")
                .bind("t", tenant.value()).bind("from", from.atOffset(ZoneOffset.UTC)).bind("to", to.atOffset(ZoneOffset.UTC))
                .map((rs, ctx) -> rs.getObject("created_at", OffsetDateTime.class).toInstant())
                .forEach(at -> counts[(int) (Duration.between(from, at).toMillis() / step.toMillis())]++));
        return counts;
    }

    @Override
    public long finishedSince(TenantId tenant, Instant since) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT COUNT(*) FROM migration_request WHERE tenant_id = :t AND state IN ('SUCCEEDED', 'FAILED')
                        AND modified_date >= :since""")
                .bind("t", tenant.value()).bind("since", since.atOffset(ZoneOffset.UTC)).mapTo(Long.class).one());
    }

    @Override
    public Map<String, Long> updates(TenantId tenant) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT state, COUNT(*) AS n FROM outbox_message WHERE tenant_id = :t AND kind = 'UPDATE'"
                        + " GROUP BY state ORDER BY state")
                .bind("t", tenant.value())
                .map((rs, ctx) -> Map.entry(rs.getString("state"), rs.getLong("n"))).forEach(e -> counts.put(e.getKey(), e.getValue())));
        return counts;
    }
}
