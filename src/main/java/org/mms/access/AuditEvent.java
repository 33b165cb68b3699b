package org.mms.access;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.mms.directory.TenantId;

/**
 * One line of the audit log. Never a body or a token: who (the token's name, when one was
 * recognised), what (the route, e.g. {@code POST /api/v1/migrations}), on what (the route's path
 * parameters or the name of what was created), the HTTP status, and from where.
 */
public record AuditEvent(Instant at, Optional<TenantId> tenant, Optional<String> tokenName, String action, String target,
        int result, String client) {
    public AuditEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(tokenName, "tokenName");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(client, "client");
    }

    /** What {@code Get-CsAuditLog} filters by; each part empty for "any". */
    public record Filter(Optional<Instant> start, Optional<Instant> end, Optional<String> tokenName, Optional<Integer> result) {
        public static final Filter ANY = new Filter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
