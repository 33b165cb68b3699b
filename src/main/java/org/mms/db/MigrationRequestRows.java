package org.mms.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.mms.directory.TenantId;
import org.mms.directory.UserId;
import org.mms.migration.MigrationType;
import org.mms.queue.CorrelationId;
import org.mms.queue.Counts;
import org.mms.queue.MigrationRequest;
import org.mms.queue.MigrationState;
import org.mms.queue.NewRequest;
import org.mms.queue.RequestId;
import org.mms.queue.RequestedChange;
import org.mms.queue.Transition;
import org.mms.queue.WorkerId;

/** Reading and writing whole {@code migration_request} rows; every step of the queue goes through here. */
final class MigrationRequestRows {

    private MigrationRequestRows() {
    }

    static final String COLUMNS = "id, correlation_id, tenant_id, user_id, upn, migration_type, trigger, state, due_at, settle_ms,"
            + " attempts, retry_count, lease_owner, lease_until, follow_up, follow_up_type, follow_up_trigger, follow_up_upn,"
            + " follow_up_settle_ms, total_meeting, succeeded_meeting, failed_meeting, invites_update, last_message, create_date,"
            + " modified_date, finished_at, notice_sent_at";

    /** The lease a report comes with is still the request's: same worker, same attempt, still running. */
    static final String HELD_BY_LEASE = "id = :id AND state = 'IN_PROGRESS' AND lease_owner = :owner AND attempts = :attempt";

    static final RowMapper<MigrationRequest> MAPPER = MigrationRequestRows::map;

    /** The value of the unique {@code active_user} column while a user's request is pending or running. */
    static String activeUser(TenantId tenant, UserId user) {
        return tenant.value() + ":" + user.value();
    }

    static Optional<MigrationRequest> byId(Handle h, RequestId id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM migration_request WHERE id = :id")
                .bind("id", id.value()).map(MAPPER).findOne();
    }

    /** The row, locked until the transaction ends, so the caller's read-decide-write cannot interleave with another's. */
    static Optional<MigrationRequest> lockById(Handle h, RequestId id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM migration_request WHERE id = :id FOR UPDATE")
                .bind("id", id.value()).map(MAPPER).findOne();
    }

    static List<MigrationRequest> byIds(Handle h, List<Long> ids) {
        return h.createQuery("SELECT " + COLUMNS + " FROM migration_request WHERE id IN (<ids>) ORDER BY due_at, id")
                .bindList("ids", ids).map(MAPPER).list();
    }

    /** Stores a new pending request and returns it as stored. */
    static MigrationRequest insert(Handle h, NewRequest created) {
        RequestedChange c = created.change();
        long id = h.createUpdate("INSERT INTO migration_request (correlation_id, tenant_id, user_id, upn, migration_type, trigger,"
                        + " state, due_at, settle_ms, attempts, retry_count, follow_up, total_meeting, succeeded_meeting,"
                        + " failed_meeting, invites_update, last_message, create_date, modified_date, active_user)"
                        + " VALUES (:correlation, :tenant, :user, :upn, :type, :trigger, 'PENDING', :due, :settle, 0, 0, FALSE,"
                        + " 0, 0, 0, 0, '', :created, :created, :active)")
                .bind("correlation", created.correlationId().toString())
                .bind("tenant", created.tenant().value())
                .bind("user", created.user().value())
                .bind("upn", c.upn())
                .bind("type", c.type().name())
                .bind("trigger", c.trigger())
                .bind("due", time(created.dueAt()))
                .bind("settle", c.settleWindow().toMillis())
                .bind("created", time(created.createdAt()))
                .bind("active", activeUser(created.tenant(), created.user()))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        MigrationRequest stored = byId(h, new RequestId(id)).orElseThrow();
        TransitionRows.insert(h, List.of(Transition.created(stored)));
        return stored;
    }

    /** Writes everything that can change about a request, and returns it as stored. */
    static MigrationRequest save(Handle h, MigrationRequest r) {
        // Callers hold the row's lock, so this is the state the update moves it from.
        MigrationRequest before = byId(h, r.id()).orElseThrow(
                () -> new IllegalStateException("migration request " + r.correlationId() + " vanished while it was being updated"));
        Optional<RequestedChange> f = r.followUp();
        int rows = h.createUpdate("UPDATE migration_request SET upn = :upn, migration_type = :type, trigger = :trigger, state = :state,"
                        + " due_at = :due, settle_ms = :settle, attempts = :attempts, retry_count = :retries, lease_owner = :owner,"
                        + " lease_until = :until, follow_up = :followUp, follow_up_type = :followUpType,"
                        + " follow_up_trigger = :followUpTrigger, follow_up_upn = :followUpUpn, follow_up_settle_ms = :followUpSettle,"
                        + " total_meeting = :total, succeeded_meeting = :succeeded, failed_meeting = :failed,"
                        + " invites_update = :invites, last_message = :message, modified_date = :modified, finished_at = :finished,"
                        + " notice_sent_at = :noticeSent, active_user = :active WHERE id = :id")
                .bind("id", r.id().value())
                .bind("upn", r.upn())
                .bind("type", r.type().name())
                .bind("trigger", r.trigger())
                .bind("state", r.state().name())
                .bind("due", time(r.dueAt()))
                .bind("settle", r.settleWindow().toMillis())
                .bind("attempts", r.attempts())
                .bind("retries", r.retryCount())
                .bindByType("owner", r.leaseOwner().map(WorkerId::value).orElse(null), String.class)
                .bindByType("until", r.leaseUntil().map(MigrationRequestRows::time).orElse(null), OffsetDateTime.class)
                .bind("followUp", f.isPresent())
                .bindByType("followUpType", f.map(c -> c.type().name()).orElse(null), String.class)
                .bindByType("followUpTrigger", f.map(RequestedChange::trigger).orElse(null), String.class)
                .bindByType("followUpUpn", f.map(RequestedChange::upn).orElse(null), String.class)
                .bindByType("followUpSettle", f.map(c -> c.settleWindow().toMillis()).orElse(null), Long.class)
                .bind("total", r.counts().total())
                .bind("succeeded", r.counts().succeeded())
                .bind("failed", r.counts().failed())
                .bind("invites", r.counts().invitesUpdate())
                .bind("message", r.lastMessage())
                .bind("modified", time(r.modifiedDate()))
                .bindByType("finished", r.finishedAt().map(MigrationRequestRows::time).orElse(null), OffsetDateTime.class)
                .bindByType("noticeSent", r.noticeSentAt().map(MigrationRequestRows::time).orElse(null), OffsetDateTime.class)
                .bindByType("active", r.state().isActive() ? activeUser(r.tenant(), r.user()) : null, String.class)
                .execute();
        if (rows != 1) {
            throw new IllegalStateException("migration request " + r.correlationId() + " vanished while it was being updated");
        }
        MigrationRequest after = byId(h, r.id()).orElseThrow();
        Transition.between(before, after).ifPresent(t -> TransitionRows.insert(h, List.of(t)));
        return after;
    }

    /**
     * A time as the driver should bind it into {@code TIMESTAMP WITH TIME ZONE}: an explicit UTC offset
     * (a bare {@code Instant} goes through {@code java.sql.Timestamp} and the JVM's zone), to the
     * microsecond both databases keep.
     */
    static OffsetDateTime time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    private static MigrationRequest map(ResultSet rs, StatementContext ctx) throws SQLException {
        Optional<RequestedChange> followUp = Optional.empty();
        if (rs.getBoolean("follow_up")) {
            followUp = Optional.of(new RequestedChange(rs.getString("follow_up_upn"), MigrationType.valueOf(rs.getString("follow_up_type")),
                    rs.getString("follow_up_trigger"), Duration.ofMillis(rs.getLong("follow_up_settle_ms"))));
        }
        return new MigrationRequest(
                new RequestId(rs.getLong("id")),
                new CorrelationId(UUID.fromString(rs.getString("correlation_id"))),
                new TenantId(rs.getString("tenant_id")),
                new UserId(rs.getString("user_id")),
                rs.getString("upn"),
                MigrationType.valueOf(rs.getString("migration_type")),
                rs.getString("trigger"),
                MigrationState.valueOf(rs.getString("state")),
                instant(rs, "due_at").orElseThrow(),
                Duration.ofMillis(rs.getLong("settle_ms")),
                rs.getInt("attempts"),
                rs.getInt("retry_count"),
                Optional.ofNullable(rs.getString("lease_owner")).map(WorkerId::new),
                instant(rs, "lease_until"),
                followUp,
                new Counts(rs.getInt("total_meeting"), rs.getInt("succeeded_meeting"), rs.getInt("failed_meeting"),
                        rs.getInt("invites_update")),
                rs.getString("last_message"),
                instant(rs, "create_date").orElseThrow(),
                instant(rs, "modified_date").orElseThrow(),
                instant(rs, "finished_at"),
                instant(rs, "notice_sent_at"));
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }
}
