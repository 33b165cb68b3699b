package org.mms.queue;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.mms.directory.TenantId;
import org.mms.directory.UserId;
import org.mms.migration.MigrationType;

/**
 * One state change of a migration request, as {@code Get-CsMeetingMigrationTransactionHistory} lists it:
 * when, from where to where, and why. Derived from the request as it was and as it is afterwards, so every
 * move the queue stores is recorded the same way whichever step made it.
 *
 * @param from    the state it left; empty when the request was created
 * @param attempt the request's claims so far
 */
public record Transition(CorrelationId correlationId, TenantId tenant, UserId user, String upn, MigrationType type,
        Optional<MigrationState> from, MigrationState to, int attempt, int retryCount, String reason, Instant at) {

    public static final int MAX_REASON_LENGTH = 4000;

    public Transition {
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
        reason = Text.cap(Objects.requireNonNull(reason, "reason"), MAX_REASON_LENGTH);
    }

    /** A request as first stored: queued, with what caused it and when it is due. */
    public static Transition created(MigrationRequest r) {
        return of(r, Optional.empty(), "queued by " + r.trigger() + "; due " + r.dueAt(), r.createDate());
    }

    /** A pending request a worker has just claimed. */
    public static Transition claimed(MigrationRequest r) {
        return of(r, Optional.of(MigrationState.PENDING), claimReason(r), r.modifiedDate());
    }

    /**
     * The move from {@code before} to {@code after}, stored at {@code after}'s modified date; empty when the
     * state stayed (a change joining a pending request, a follow-up noted on a running one, progress).
     */
    public static Optional<Transition> between(MigrationRequest before, MigrationRequest after) {
        if (before.state() == after.state()) {
            return Optional.empty();
        }
        return Optional.of(of(after, Optional.of(before.state()), reason(before, after), after.modifiedDate()));
    }

    private static String reason(MigrationRequest before, MigrationRequest after) {
        if (after.state() == MigrationState.IN_PROGRESS) {
            return claimReason(after);
        }
        if (before.state() == MigrationState.IN_PROGRESS && after.state() == MigrationState.PENDING) {
            if (after.retryCount() > before.retryCount()) {
                return "retry " + after.retryCount() + " due " + after.dueAt() + messageAfter(": ", after);
            }
            return "the lease of " + before.leaseOwner().map(WorkerId::value).orElse("its worker")
                    + " ran out (the worker stopped); taken back, due at once";
        }
        if (after.state() == MigrationState.SUCCEEDED) {
            return after.lastMessage().isEmpty() ? "succeeded" : after.lastMessage();
        }
        return after.lastMessage().isEmpty() ? after.state().displayName() : after.lastMessage();
    }

    private static String claimReason(MigrationRequest r) {
        return "claimed by " + r.leaseOwner().map(WorkerId::value).orElse("a worker") + ", attempt " + r.attempts();
    }

    private static String messageAfter(String separator, MigrationRequest r) {
        return r.lastMessage().isEmpty() ? "" : separator + r.lastMessage();
    }

    private static Transition of(MigrationRequest r, Optional<MigrationState> from, String reason, Instant at) {
        return new Transition(r.correlationId(), r.tenant(), r.user(), r.upn(), r.type(), from, r.state(), r.attempts(),
                r.retryCount(), reason, at);
    }
}
