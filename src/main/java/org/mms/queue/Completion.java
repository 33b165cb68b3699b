package org.mms.queue;

import java.util.Objects;
import java.util.Optional;

/** What became of a worker's report that its request succeeded, failed or should be retried. */
public sealed interface Completion {

    /**
     * Stored. {@code followUp} is the new pending request made from a change that arrived while it ran
     * (only when it succeeded or failed; a retry takes the change in itself).
     */
    record Recorded(MigrationRequest request, Optional<MigrationRequest> followUp) implements Completion {
        public Recorded {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(followUp, "followUp");
        }
    }

    /**
     * Refused: the lease is no longer the request's (the reaper took it back, and maybe another worker
     * claimed it). Nothing was written. {@code current} is the request as it is now, absent if purged.
     */
    record LeaseLost(Lease lease, Optional<MigrationRequest> current) implements Completion {
        public LeaseLost {
            Objects.requireNonNull(lease, "lease");
            Objects.requireNonNull(current, "current");
        }
    }
}
