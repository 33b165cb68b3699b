package org.mms.db;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.mms.directory.TenantId;
import org.mms.directory.UserId;
import org.mms.itip.OrganizerNotice;
import org.mms.queue.ApprovalHold;
import org.mms.queue.Claimed;
import org.mms.queue.Completion;
import org.mms.queue.CorrelationId;
import org.mms.queue.Counts;
import org.mms.queue.Enqueued;
import org.mms.queue.HistoryFilter;
import org.mms.queue.Lease;
import org.mms.queue.MigrationQueue;
import org.mms.queue.MigrationRequest;
import org.mms.queue.MigrationStatusQueries;
import org.mms.queue.RequestId;
import org.mms.queue.RequestedChange;
import org.mms.queue.StateCount;
import org.mms.queue.StatusFilter;
import org.mms.queue.Transition;
import org.mms.queue.WorkerId;

/**
 * Both queue ports over the {@code migration_request} table, in SQL that H2 and PostgreSQL share. The
 * steps that need a transaction have their own classes; the one-statement ones are here.
 */
public final class JdbcMigrationQueue implements MigrationQueue, MigrationStatusQueries {

    private final Jdbi jdbi;
    private final EnqueueChange enqueue;
    private final EnqueueUndo enqueueUndo;
    private final ClaimDueRequests claim;
    private final ReportOnLease report;
    private final ReapExpiredLeases reaper;
    private final QueryMigrationStatus status;
    private final DecideApproval decide;

    public JdbcMigrationQueue(Database database) {
        this.jdbi = database.jdbi();
        this.enqueue = new EnqueueChange(jdbi);
        this.enqueueUndo = new EnqueueUndo(jdbi);
        this.claim = new ClaimDueRequests(jdbi);
        this.report = new ReportOnLease(jdbi);
        this.reaper = new ReapExpiredLeases(jdbi);
        this.status = new QueryMigrationStatus(jdbi);
        this.decide = new DecideApproval(jdbi);
    }

    @Override
    public Enqueued enqueue(TenantId tenant, UserId user, RequestedChange change, Instant now, Optional<ApprovalHold> hold) {
        return enqueue.enqueue(tenant, user, change, now, hold);
    }

    @Override
    public Optional<MigrationRequest> approve(TenantId tenant, CorrelationId correlationId, Instant now) {
        return decide.decide(tenant, correlationId, r -> r.approve("approved; waiting for a worker", now));
    }

    @Override
    public Optional<MigrationRequest> awaitApproval(TenantId tenant, CorrelationId correlationId, ApprovalHold hold, Instant now) {
        return decide.decide(tenant, correlationId, r -> r.awaitApproval(hold, now));
    }

    @Override
    public Optional<MigrationRequest> deny(TenantId tenant, CorrelationId correlationId, Instant now) {
        return decide.decide(tenant, correlationId, r -> r.deny("denied by an admin; nothing was migrated", now));
    }

    @Override
    public Optional<MigrationRequest> enqueueUndo(TenantId tenant, UserId user, String upn, List<CorrelationId> undoes, String trigger,
            Instant now) {
        return enqueueUndo.enqueue(tenant, user, upn, undoes, trigger, now);
    }

    @Override
    public List<CorrelationId> undoTargets(RequestId request) {
        String undoes = jdbi.withHandle(h -> h.createQuery("SELECT undoes FROM migration_request WHERE id = :id AND migration_type = 'UNDO'")
                .bind("id", request.value()).mapTo(String.class).findOne().orElse(null));
        if (undoes == null || undoes.isEmpty()) {
            return List.of();
        }
        return java.util.Arrays.stream(undoes.split(",")).map(CorrelationId::parse).toList();
    }

    @Override
    public List<Claimed> claim(WorkerId worker, Instant now, Duration leaseDuration, int max) {
        return claim.claim(worker, now, leaseDuration, max);
    }

    @Override
    public boolean heartbeat(Lease lease, Instant until) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE migration_request SET lease_until = :until WHERE "
                        + MigrationRequestRows.HELD_BY_LEASE)
                .bind("until", MigrationRequestRows.time(until))
                .bind("id", lease.request().value())
                .bind("owner", lease.owner().value())
                .bind("attempt", lease.attempt())
                .execute()) == 1;
    }

    @Override
    public boolean progress(Lease lease, Counts counts, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE migration_request SET total_meeting = :total,"
                        + " succeeded_meeting = :succeeded, failed_meeting = :failed, invites_update = :invites,"
                        + " modified_date = :now WHERE " + MigrationRequestRows.HELD_BY_LEASE)
                .bind("total", counts.total())
                .bind("succeeded", counts.succeeded())
                .bind("failed", counts.failed())
                .bind("invites", counts.invitesUpdate())
                .bind("now", MigrationRequestRows.time(now))
                .bind("id", lease.request().value())
                .bind("owner", lease.owner().value())
                .bind("attempt", lease.attempt())
                .execute()) == 1;
    }

    @Override
    public Completion succeed(Lease lease, Counts counts, String message, Instant now) {
        return report.end(lease, now, r -> r.succeed(counts, message, now));
    }

    @Override
    public Completion retryLater(Lease lease, Counts counts, String message, Instant nextAttempt, Instant now) {
        return report.requeue(lease, now, r -> r.retryLater(counts, message, nextAttempt, now));
    }

    @Override
    public Completion noticeSent(Lease lease, OrganizerNotice notice, String message, Instant due, Instant now) {
        return report.requeue(lease, now, r -> r.noticeSent(message, due, now), h -> {
            MigrationRequest r = MigrationRequestRows.byId(h, lease.request()).orElseThrow();
            new MessageRows(h).add(r.tenant(), r.user(), r.correlationId().toString(), "", notice, "PENDING", now).insert();
        });
    }

    @Override
    public Completion fail(Lease lease, Counts counts, String message, Instant now) {
        return report.end(lease, now, r -> r.fail(counts, message, now));
    }

    @Override
    public List<MigrationRequest> reapExpiredLeases(Instant now) {
        return reaper.reap(now);
    }

    @Override
    public int purgeFinishedBefore(TenantId tenant, Instant cutoff) {
        return jdbi.inTransaction(h -> PurgeFinishedMigrations.before(h, tenant, MigrationRequestRows.time(cutoff)));
    }

    @Override
    public List<MigrationRequest> list(TenantId tenant, StatusFilter filter) {
        return status.list(tenant, filter);
    }

    @Override
    public List<StateCount> summary(TenantId tenant, StatusFilter filter) {
        return status.summary(tenant, filter);
    }

    @Override
    public List<Transition> history(TenantId tenant, HistoryFilter filter) {
        return jdbi.withHandle(h -> TransitionRows.list(h, tenant, filter));
    }

    @Override
    public Optional<MigrationRequest> byCorrelationId(TenantId tenant, CorrelationId correlationId) {
        return status.byCorrelationId(tenant, correlationId);
    }
}
