package org.mms.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.mms.directory.TenantId;
import org.mms.directory.UserId;
import org.mms.migration.MigrationType;

/**
 * One migration request as stored, and the moves it can make. The verbs are pure: each returns the
 * request as it is afterwards, and the adapter stores that. Every change of state goes through
 * {@link MigrationState#moveTo}, so nothing here can make a move the state table forbids.
 *
 * @param id            row number
 * @param correlationId the id admins see
 * @param tenant        the user's tenant
 * @param user          the organizer whose meetings it migrates
 * @param upn           the organizer's UPN as of the latest change
 * @param type          what to migrate (merged over coalesced changes)
 * @param trigger       what caused it
 * @param state         where it is
 * @param dueAt         not claimable before this
 * @param settleWindow  the settle window of the latest change
 * @param attempts      claims so far (kept when the reaper takes it back)
 * @param retryCount    retries so far ({@code RetryCount})
 * @param leaseOwner    the worker running it, while in progress
 * @param leaseUntil    when that worker's lease runs out, while in progress
 * @param followUp      a change that arrived while it ran, to become a new request when it ends
 * @param counts        meeting counts as the worker last reported them
 * @param lastMessage   the worker's last message ({@code LastMessage}), empty when there is none
 * @param createDate    when it was queued
 * @param modifiedDate  when it last changed (heartbeats do not count)
 * @param finishedAt    when it succeeded, failed or was denied; retention counts from here
 * @param noticeSentAt  when its organizer was sent a notice that the updates will go out (the tenant's
 *                      {@code NotifyOrganizerBeforeMinutes}); it then waits, and an admin may still deny it
 */
public record MigrationRequest(RequestId id, CorrelationId correlationId, TenantId tenant, UserId user, String upn,
        MigrationType type, String trigger, MigrationState state, Instant dueAt, Duration settleWindow, int attempts, int retryCount,
        Optional<WorkerId> leaseOwner, Optional<Instant> leaseUntil, Optional<RequestedChange> followUp, Counts counts,
        String lastMessage, Instant createDate, Instant modifiedDate, Optional<Instant> finishedAt, Optional<Instant> noticeSentAt) {

    public static final int MAX_MESSAGE_LENGTH = 4000;

    public MigrationRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(leaseOwner, "leaseOwner");
        Objects.requireNonNull(leaseUntil, "leaseUntil");
        Objects.requireNonNull(followUp, "followUp");
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(createDate, "createDate");
        Objects.requireNonNull(modifiedDate, "modifiedDate");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(noticeSentAt, "noticeSentAt");
        // Validates upn, type, trigger and settle window the same way a change does, and caps the trigger alike.
        trigger = new RequestedChange(upn, type, trigger, settleWindow).trigger();
        lastMessage = capMessage(lastMessage);
        if (attempts < 0 || retryCount < 0) {
            throw new IllegalArgumentException("attempts and retries cannot be negative");
        }
        boolean inProgress = state == MigrationState.IN_PROGRESS;
        if (inProgress != leaseOwner.isPresent() || inProgress != leaseUntil.isPresent()) {
            throw new IllegalArgumentException("a request has a lease exactly while it is in progress: " + correlationId);
        }
        if (followUp.isPresent() && !inProgress) {
            throw new IllegalArgumentException("only a running request carries a follow-up: " + correlationId);
        }
        if (state.isActive() == finishedAt.isPresent()) {
            throw new IllegalArgumentException("a request has a finish time exactly once it has finished: " + correlationId);
        }
    }

    /** A request whose organizer was sent no notice. */
    public MigrationRequest(RequestId id, CorrelationId correlationId, TenantId tenant, UserId user, String upn,
            MigrationType type, String trigger, MigrationState state, Instant dueAt, Duration settleWindow, int attempts, int retryCount,
            Optional<WorkerId> leaseOwner, Optional<Instant> leaseUntil, Optional<RequestedChange> followUp, Counts counts,
            String lastMessage, Instant createDate, Instant modifiedDate, Optional<Instant> finishedAt) {
        this(id, correlationId, tenant, user, upn, type, trigger, state, dueAt, settleWindow, attempts, retryCount, leaseOwner, leaseUntil,
                followUp, counts, lastMessage, createDate, modifiedDate, finishedAt, Optional.empty());
    }

    /** A request as first stored. */
    public static MigrationRequest stored(RequestId id, NewRequest created) {
        RequestedChange c = created.change();
        return new MigrationRequest(id, created.correlationId(), created.tenant(), created.user(), c.upn(), c.type(), c.trigger(),
                MigrationState.PENDING, created.dueAt(), c.settleWindow(), 0, 0, Optional.empty(), Optional.empty(), Optional.empty(),
                Counts.NONE, "", created.createdAt(), created.createdAt(), Optional.empty());
    }

    /** What this request asks for, as a change. */
    public RequestedChange change() {
        return new RequestedChange(upn, type, trigger, settleWindow);
    }

    /** The lease of the worker running it, while it runs. */
    public Optional<Lease> lease() {
        return leaseOwner.map(owner -> new Lease(id, owner, attempts, leaseUntil.orElseThrow()));
    }

    /**
     * Whether {@code lease} is the one this request is running under: same request, same worker, same
     * attempt. An expired lease that nobody took back still counts, as in db-scheduler: the work was done
     * and nobody else has started it.
     */
    public boolean isHeldBy(Lease lease) {
        return state == MigrationState.IN_PROGRESS && id.equals(lease.request()) && leaseOwner.orElseThrow().equals(lease.owner())
                && attempts == lease.attempt();
    }

    /**
     * A later change for the user while this one waits (pending, or awaiting approval): one request, broader
     * type, settle window restarted, state kept. After a notice to the organizer it never runs before the time the
     * notice gave.
     */
    public MigrationRequest coalesce(RequestedChange later, Instant now) {
        if (state != MigrationState.PENDING && state != MigrationState.AWAITING_APPROVAL) {
            throw new IllegalStateException("cannot coalesce a change into a request that is " + state.displayName() + ": " + correlationId);
        }
        RequestedChange merged = change().mergedWith(later);
        Instant settled = now.plus(merged.settleWindow());
        Instant due = noticeSentAt.isPresent() && dueAt.isAfter(settled) ? dueAt : settled;
        return with(merged, state, due, retryCount, null, null, null, counts, lastMessage, now, null);
    }

    /**
     * The worker sent the organizer a notice instead of running it: pending again until {@code due}, the time the notice
     * gave, and never noticed again. A follow-up noted meanwhile folds in, as on a retry; no retry is counted.
     */
    public MigrationRequest noticeSent(String message, Instant due, Instant now) {
        MigrationState next = state.moveTo(MigrationState.PENDING);
        RequestedChange merged = followUp.map(f -> change().mergedWith(f)).orElse(change());
        return new MigrationRequest(id, correlationId, tenant, user, merged.upn(), merged.type(), merged.trigger(), next, due,
                merged.settleWindow(), attempts, retryCount, Optional.empty(), Optional.empty(), Optional.empty(), counts, message,
                createDate, now, Optional.empty(), Optional.of(now));
    }

    /**
     * Held until an admin approves or denies it, with what the preview says it would do: from pending, or, when
     * it already waits, with the preview brought up to date (a change joined it).
     */
    public MigrationRequest awaitApproval(ApprovalHold hold, Instant now) {
        MigrationState next = state == MigrationState.AWAITING_APPROVAL ? state : state.moveTo(MigrationState.AWAITING_APPROVAL);
        return with(change(), next, dueAt, retryCount, null, null, null, hold.preview(), hold.message(), now, null);
    }

    /**
     * Approved: pending again, due when its settle window ends or at once if it has ended. The preview counts stay
     * until the worker reports its own.
     */
    public MigrationRequest approve(String message, Instant now) {
        MigrationState next = state.moveTo(MigrationState.PENDING);
        return with(change(), next, dueAt.isAfter(now) ? dueAt : now, retryCount, null, null, null, counts, message, now,
                null);
    }

    /**
     * Denied: final, nothing migrated; the user's next change starts a request of its own. A pending request can be denied
     * only while it waits after a notice to its organizer: any other pending one is for the worker to run.
     */
    public MigrationRequest deny(String message, Instant now) {
        if (state == MigrationState.PENDING && noticeSentAt.isEmpty()) {
            throw new IllegalStateChangeException(state, MigrationState.DENIED);
        }
        return finish(MigrationState.DENIED, counts, message, now);
    }

    /** A later change for the user while this one runs: noted once, however many arrive. */
    public MigrationRequest noteFollowUp(RequestedChange later, Instant now) {
        require(MigrationState.IN_PROGRESS, "note a follow-up on");
        RequestedChange merged = followUp.map(f -> f.mergedWith(later)).orElse(later);
        return with(change(), state, dueAt, retryCount, leaseOwner.orElseThrow(), leaseUntil.orElseThrow(), merged, counts,
                lastMessage, now, null);
    }

    public MigrationRequest succeed(Counts finalCounts, String message, Instant now) {
        return finish(MigrationState.SUCCEEDED, finalCounts, message, now);
    }

    public MigrationRequest fail(Counts finalCounts, String message, Instant now) {
        return finish(MigrationState.FAILED, finalCounts, message, now);
    }

    /**
     * The follow-up as a request of its own, created when this one ends at {@code endedAt}: a new
     * correlation id, due when its settle window has passed from then.
     */
    public Optional<NewRequest> followUpRequest(Instant endedAt) {
        return followUp.map(change -> NewRequest.of(tenant, user, change, endedAt));
    }

    /**
     * Back to pending until {@code nextAttempt}. A follow-up noted meanwhile folds in rather than waiting
     * for the retries to run out: the retry will migrate everything with the broader type, and it runs
     * no later than the follow-up's own settle window would have let it.
     */
    public MigrationRequest retryLater(Counts latest, String message, Instant nextAttempt, Instant now) {
        MigrationState next = state.moveTo(MigrationState.PENDING);
        RequestedChange merged = followUp.map(f -> change().mergedWith(f)).orElse(change());
        Instant due = followUp.map(f -> earlier(nextAttempt, now.plus(f.settleWindow()))).orElse(nextAttempt);
        return with(merged, next, due, retryCount + 1, null, null, null, latest, message, now, null);
    }

    /**
     * Taken back from a worker whose lease ran out: pending and due at once (its settle window passed long
     * ago), attempts kept so a request that kills its workers shows it. A follow-up folds in as on a retry.
     */
    public MigrationRequest reap(Instant now) {
        MigrationState next = state.moveTo(MigrationState.PENDING);
        RequestedChange merged = followUp.map(f -> change().mergedWith(f)).orElse(change());
        return with(merged, next, now, retryCount, null, null, null, counts, lastMessage, now, null);
    }

    private MigrationRequest finish(MigrationState target, Counts finalCounts, String message, Instant now) {
        MigrationState next = state.moveTo(target);
        return with(change(), next, dueAt, retryCount, null, null, null, finalCounts, message, now, now);
    }

    private void require(MigrationState expected, String what) {
        if (state != expected) {
            throw new IllegalStateException("cannot " + what + " a request that is " + state.displayName() + ": " + correlationId);
        }
    }

    /** This request with new values for what the verbs change; identity, attempts and create date stay. */
    private MigrationRequest with(RequestedChange c, MigrationState newState, Instant newDueAt, int newRetryCount,
            WorkerId owner, Instant until, RequestedChange newFollowUp, Counts newCounts, String message, Instant modified,
            Instant finished) {
        return new MigrationRequest(id, correlationId, tenant, user, c.upn(), c.type(), c.trigger(), newState, newDueAt,
                c.settleWindow(), attempts, newRetryCount, Optional.ofNullable(owner), Optional.ofNullable(until),
                Optional.ofNullable(newFollowUp), Objects.requireNonNull(newCounts, "counts"), message, createDate, modified,
                Optional.ofNullable(finished), noticeSentAt);
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** Worker messages can be whole stack traces; the cap keeps one from failing the update that records it. */
    private static String capMessage(String message) {
        return Text.cap(Objects.requireNonNull(message, "lastMessage"), MAX_MESSAGE_LENGTH);
    }
}
