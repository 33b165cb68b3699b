package org.mms.admin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mms.directory.TenantId;
import org.mms.directory.UserId;

/** Every trigger decision with its reason, kept so admins can list why a change did or did not migrate. */
public interface DecisionLog {

    void record(TenantId tenant, Views.TriggerDecision decision);

    /** The decisions of a tenant, newest first, optionally for one user and since a time. */
    List<Views.TriggerDecision> list(TenantId tenant, Optional<UserId> user, Optional<Instant> since, int max);
}
