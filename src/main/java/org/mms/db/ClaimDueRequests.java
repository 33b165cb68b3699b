package org.mms.db;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.mms.queue.Claimed;
import org.mms.queue.MigrationRequest;
import org.mms.queue.Transition;
import org.mms.queue.WorkerId;

/**
 * Leases due requests to a worker. In one transaction: lock the earliest due pending rows, skipping
 * rows other claimers hold (see {@link LockDueRows}), so concurrent claimers pass over each other's rows
 * instead of waiting or taking the same ones, then mark them in progress under the worker's lease.
 * Both H2 (2.2.220+) and PostgreSQL do this; neither H2 mode has {@code UPDATE … RETURNING}, hence the
 * re-read.
 */
final class ClaimDueRequests {

    private static final LockDueRows DUE = new LockDueRows("migration_request", "due_at", List.of("PENDING"));

    private final Jdbi jdbi;

    ClaimDueRequests(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    List<Claimed> claim(WorkerId worker, Instant now, Duration leaseDuration, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("claim at least one request, not " + max);
        }
        if (leaseDuration.isNegative() || leaseDuration.isZero()) {
            throw new IllegalArgumentException("a lease must last a while, not " + leaseDuration);
        }
        return jdbi.inTransaction(h -> {
            List<Long> ids = DUE.lock(h, MigrationRequestRows.time(now), max);
            if (ids.isEmpty()) {
                return List.of();
            }
            int claimed = h.createUpdate("UPDATE migration_request SET state = 'IN_PROGRESS', lease_owner = :owner,"
                            + " lease_until = :until, attempts = attempts + 1, modified_date = :now"
                            + " WHERE id IN (<ids>) AND state = 'PENDING'")
                    .bind("owner", worker.value())
                    .bind("until", MigrationRequestRows.time(now.plus(leaseDuration)))
                    .bind("now", MigrationRequestRows.time(now))
                    .bindList("ids", ids)
                    .execute();
            if (claimed != ids.size()) {
                // The rows are locked by this transaction, so nobody can have moved them in between.
                throw new IllegalStateException("locked " + ids.size() + " due requests but could claim only " + claimed);
            }
            List<MigrationRequest> running = MigrationRequestRows.byIds(h, ids);
            TransitionRows.insert(h, running.stream().map(Transition::claimed).toList());
            return running.stream()
                    .map(r -> new Claimed(r.lease().orElseThrow(), r))
                    .toList();
        });
    }
}
