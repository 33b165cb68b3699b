package org.mms.queue;

import java.util.Objects;

/** A request a worker has just claimed, with the lease it now runs under. */
public record Claimed(Lease lease, MigrationRequest request) {
    public Claimed {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(request, "request");
    }
}
