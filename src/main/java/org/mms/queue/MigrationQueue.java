package org.mms.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mms.directory.TenantId;
import org.mms.directory.UserId;
import org.mms.itip.OrganizerNotice;
import org.mms.migration.MigrationType;

/**
 * The worker side of the queue: the trigger policy puts changes in, workers take requests out under a
 * lease and report how they ended, and two housekeeping duties keep it healthy. Every time comes from
 * the caller, so one clock rules the whole service and tests move it by hand.
 *
 * <p>Calls that report on a lease are refused, without writing anything, once the lease is no longer
 * the request's: a worker the reaper gave up on can never overwrite the work of the one that took over.
 */
public interface MigrationQueue {

    /**
     * Queues a migration for a user, at most one active request per user: a new request due after the
     * settle window; or, if one is pending, the change joins it (broader type, window restarted, same
     * correlation id); or, if one is running, a single follow-up that becomes a new request when it ends.
     */
    default Enqueued enqueue(TenantId tenant, UserId user, String upn, MigrationType type, String trigger, Instant now,
            Duration settleWindow) {
        return enqueue(tenant, user, new RequestedChange(upn, type, trigger, settleWindow), now, Optional.empty());
    }

    /**
     * {@link #enqueue(TenantId, UserId, String, MigrationType, String, Instant, Duration)}, and with a {@code hold} the
     * request (new, or the pending one the change joins) waits in {@link MigrationState#AWAITING_APPROVAL} with the
     * preview's counts; a request already waiting keeps waiting, with the hold's counts when there is one. A change
     * for a running request is noted as its follow-up either way.
     */
    Enqueued enqueue(TenantId tenant, UserId user, RequestedChange change, Instant now, Optional<ApprovalHold> hold);

    /**
     * {@code Approve-CsMeetingMigration}: the tenant's request, awaiting approval, becomes pending. Empty when the
     * tenant has no such request; {@link IllegalStateChangeException} when it is not awaiting approval.
     */
    Optional<MigrationRequest> approve(TenantId tenant, CorrelationId correlationId, Instant now);

    /**
     * A pending request of the tenant waits for approval from now on (or, already waiting, gets the hold's preview): the
     * follow-up of a finished migration, when the tenant's approval settings say so. Empty when the tenant has no such
     * request; {@link IllegalStateChangeException} when it is no longer pending or waiting (a worker took it first).
     */
    Optional<MigrationRequest> awaitApproval(TenantId tenant, CorrelationId correlationId, ApprovalHold hold, Instant now);

    /** {@code Deny-CsMeetingMigration}: as {@link #approve}, but the request ends {@link MigrationState#DENIED}. */
    Optional<MigrationRequest> deny(TenantId tenant, CorrelationId correlationId, Instant now);

    /**
     * Queues {@code Undo-CsMeetingMigration} of the given migrations for a user: a new request of type
     * {@link MigrationType#UNDO}, due now. Empty, with nothing queued, while the user has a request pending or running.
     */
    java.util.Optional<MigrationRequest> enqueueUndo(TenantId tenant, UserId user, String upn, List<CorrelationId> undoes, String trigger,
            Instant now);

    /** The migrations an undo request puts back, oldest first; empty for any other request. */
    List<CorrelationId> undoTargets(RequestId request);

    /**
     * Takes up to {@code max} pending requests due by {@code now}, earliest due first, and leases them to
     * {@code worker} until {@code now + leaseDuration}. Concurrent claimers never get the same request.
     */
    List<Claimed> claim(WorkerId worker, Instant now, Duration leaseDuration, int max);

    /** Extends the lease to {@code until}; false when the lease is no longer the request's, so the worker should stop. */
    boolean heartbeat(Lease lease, Instant until);

    /** Records the meeting counts so far; false when the lease is no longer the request's. */
    boolean progress(Lease lease, Counts counts, Instant now);

    /** The request succeeded; a follow-up noted while it ran becomes a new pending request. */
    Completion succeed(Lease lease, Counts counts, String message, Instant now);

    /**
     * The request failed for a reason that may pass: back to pending, due at {@code nextAttempt}, one
     * more retry counted, the message kept for admins. {@link RetryPolicy} says when to stop retrying.
     */
    Completion retryLater(Lease lease, Counts counts, String message, Instant nextAttempt, Instant now);

    /**
     * Instead of running, the request told its organizer what it will update: in one transaction {@code notice} is queued
     * to be sent and the request is pending again, due at {@code due}, with {@code message}, never to be noticed again. A
     * follow-up noted meanwhile folds in ({@link MigrationRequest#noticeSent}).
     */
    Completion noticeSent(Lease lease, OrganizerNotice notice, String message, Instant due, Instant now);

    /** The request failed for good; a follow-up noted while it ran becomes a new pending request. */
    Completion fail(Lease lease, Counts counts, String message, Instant now);

    /**
     * Takes back every running request whose lease ran out before {@code now} (its worker died or hung):
     * pending again, due now, lease cleared, attempts kept. Returns them as they are now.
     */
    List<MigrationRequest> reapExpiredLeases(Instant now);

    /**
     * Deletes the tenant's succeeded, failed and denied requests that finished before {@code cutoff}, and with them
     * what they recorded (their history; a database's journal and sent messages too); returns how many requests.
     */
    int purgeFinishedBefore(TenantId tenant, Instant cutoff);
}
