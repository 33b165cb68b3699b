package org.mms.queue;

import java.time.Instant;
import java.util.Objects;
import org.mms.directory.TenantId;
import org.mms.directory.UserId;

/**
 * A pending request about to be stored: a first change for a user, or the follow-up of one that just
 * ended. It is due when its settle window, counted from its creation, has passed.
 */
public record NewRequest(CorrelationId correlationId, TenantId tenant, UserId user, RequestedChange change, Instant createdAt) {
    public NewRequest {
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public static NewRequest of(TenantId tenant, UserId user, RequestedChange change, Instant now) {
        return new NewRequest(CorrelationId.random(), tenant, user, change, now);
    }

    public Instant dueAt() {
        return createdAt.plus(change.settleWindow());
    }
}
