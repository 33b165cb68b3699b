package org.mms.db;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.mms.queue.Completion;
import org.mms.queue.Lease;
import org.mms.queue.MigrationRequest;
import org.mms.queue.NewRequest;

/**
 * A worker's report on how its request ended (succeeded, failed, retry later). Locks the row, refuses
 * the report if the lease is no longer the request's, applies the request's own verb, and turns a
 * follow-up into a new pending request in the same transaction, so there is never a moment with two
 * active requests or none.
 */
final class ReportOnLease {

    /** What most reports do besides saving the request: nothing. */
    private static final Consumer<Handle> NOTHING_ALONGSIDE = h -> {
    };

    private final Jdbi jdbi;

    ReportOnLease(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The request ends: a follow-up noted while it ran becomes a new request, due after its settle window from {@code now}. */
    Completion end(Lease lease, Instant now, UnaryOperator<MigrationRequest> verb) {
        return report(lease, now, verb, true, NOTHING_ALONGSIDE);
    }

    /** The request goes back to pending: any follow-up folds into it (see {@link MigrationRequest#retryLater}). */
    Completion requeue(Lease lease, Instant now, UnaryOperator<MigrationRequest> verb) {
        return report(lease, now, verb, false, NOTHING_ALONGSIDE);
    }

    /** As {@link #requeue}, with {@code alongside} done in the same transaction, and only if the report is taken. */
    Completion requeue(Lease lease, Instant now, UnaryOperator<MigrationRequest> verb, Consumer<Handle> alongside) {
        return report(lease, now, verb, false, alongside);
    }

    private Completion report(Lease lease, Instant now, UnaryOperator<MigrationRequest> verb, boolean followUpBecomesRequest,
            Consumer<Handle> alongside) {
        return jdbi.inTransaction(h -> {
            Optional<MigrationRequest> current = MigrationRequestRows.lockById(h, lease.request());
            if (current.isEmpty() || !current.get().isHeldBy(lease)) {
                return new Completion.LeaseLost(lease, current);
            }
            Optional<NewRequest> followUp = followUpBecomesRequest ? current.get().followUpRequest(now) : Optional.empty();
            // The update releases the user's active key before the follow-up takes it.
            MigrationRequest after = MigrationRequestRows.save(h, verb.apply(current.get()));
            alongside.accept(h);
            return new Completion.Recorded(after, followUp.map(next -> MigrationRequestRows.insert(h, next)));
        });
    }
}
