package org.mms.db;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.mms.admin.Views;
import org.mms.dashboard.DashboardQueries;
import org.mms.directory.TenantId;
import org.mms.directory.UserId;

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
                            written ? rs.getString("previous_html_block") : null, written ? rs.getString("new_html_block") : null,
                            rs.getBoolean("html_recorded"), rs.getObject("created_at", OffsetDateTime.class).toInstant());
                })
                .list());
    }

    @Override
    public Optional<Instant> noticeSentAt(TenantId tenant, String correlationId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT notice_sent_at FROM migration_request WHERE tenant_id = :t AND correlation_id = :c")
                .bind("t", tenant.value()).bind("c", correlationId)
                .map((rs, ctx) -> Optional.ofNullable(rs.getObject("notice_sent_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant))
                .findFirst().flatMap(sent -> sent));
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

    @Override
    public Page<Views.MigrationStatus> migrations(TenantId tenant, MigrationFilter filter, PageRequest page) {
        // Only the clauses the filter asks for, so each query can use the index that fits it (and PostgreSQL is never
        // asked to type a bare NULL). Otherwise a count from the index, then the page: a count in the page's query would
        // read every row of the tenant whole, where the first page reads 100.
        StringBuilder where = new StringBuilder(" WHERE tenant_id = :tenant");
        filter.user().ifPresent(u -> where.append(" AND user_id = :user"));
        filter.state().ifPresent(s -> where.append(" AND state = :state"));
        filter.createdFrom().ifPresent(t -> where.append(" AND create_date >= :from"));
        filter.type().ifPresent(t -> where.append(" AND migration_type = :type"));
        filter.search().ifPresent(q -> where.append(" AND (LOWER(upn) LIKE :search ESCAPE '!' OR LOWER(user_id) LIKE :search ESCAPE '!'"
                + " OR LOWER(correlation_id) LIKE :search ESCAPE '!' OR LOWER(last_message) LIKE :search ESCAPE '!')"));
        return jdbi.withHandle(h -> {
            if (filter.search().isPresent()) {
                // A search reads every row of the tenant: the page and the count from one reading of them.
                List<Map.Entry<Views.MigrationStatus, Long>> found = bind(h.createQuery("SELECT " + MigrationRequestRows.COLUMNS
                                + ", COUNT(*) OVER () AS matching FROM migration_request" + where
                                + " ORDER BY create_date DESC, id DESC OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY"), tenant, filter)
                        .bind("offset", page.offset()).bind("size", page.size())
                        .map((rs, ctx) -> Map.entry(Views.MigrationStatus.of(MigrationRequestRows.MAPPER.map(rs, ctx)), rs.getLong("matching"))).list();
                if (!found.isEmpty() || page.number() == 1) {
                    return new Page<>(found.stream().map(Map.Entry::getKey).toList(), page.number(), page.size(),
                            found.isEmpty() ? 0 : found.getFirst().getValue());
                }
            }
            long total = bind(h.createQuery("SELECT COUNT(*) FROM migration_request" + where), tenant, filter).mapTo(Long.class).one();
            PageRequest served = Page.within(page, total);
            if (total == 0) {
                return new Page<Views.MigrationStatus>(List.of(), served.number(), served.size(), 0);
            }
            List<Views.MigrationStatus> rows = bind(h.createQuery("SELECT " + MigrationRequestRows.COLUMNS + " FROM migration_request" + where
                            + " ORDER BY create_date DESC, id DESC OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY"), tenant, filter)
                    .bind("offset", served.offset()).bind("size", served.size())
                    .map(MigrationRequestRows.MAPPER).map(Views.MigrationStatus::of).list();
            return new Page<>(rows, served.number(), served.size(), total);
        });
    }

    @Override
    public Page<Views.TriggerDecision> decisions(TenantId tenant, Optional<UserId> user, PageRequest page) {
        String where = " WHERE tenant_id = :tenant" + (user.isPresent() ? " AND user_id = :user" : "");
        return jdbi.withHandle(h -> {
            Query count = h.createQuery("SELECT COUNT(*) FROM trigger_decision" + where).bind("tenant", tenant.value());
            user.ifPresent(u -> count.bind("user", u.value()));
            long total = count.mapTo(Long.class).one();
            PageRequest served = Page.within(page, total);
            Query query = h.createQuery("SELECT * FROM trigger_decision" + where
                            + " ORDER BY decided_at DESC, id DESC OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY")
                    .bind("tenant", tenant.value()).bind("offset", served.offset()).bind("size", served.size());
            user.ifPresent(u -> query.bind("user", u.value()));
            return new Page<>(query.map(JdbcDecisionLog.ROW).list(), served.number(), served.size(), total);
        });
    }

    private static Query bind(Query query, TenantId tenant, MigrationFilter filter) {
        query.bind("tenant", tenant.value());
        filter.user().ifPresent(u -> query.bind("user", u.value()));
        filter.state().ifPresent(s -> query.bind("state", s.name()));
        filter.createdFrom().ifPresent(t -> query.bind("from", MigrationRequestRows.time(t)));
        filter.type().ifPresent(t -> query.bind("type", t.name()));
        filter.search().ifPresent(q -> query.bind("search", "%" + likeEscaped(q.toLowerCase(Locale.ROOT)) + "%"));
        return query;
    }

    /**
     * The search text matched as typed: its {@code %} and {@code _} are not wildcards. The escape character is {@code !}
     * because Jdbi's statement parser reads a backslash in a literal as escaping the quote after it.
     */
    private static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
