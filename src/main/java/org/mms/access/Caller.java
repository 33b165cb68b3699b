package org.mms.access;

import java.util.Objects;
import java.util.Optional;
import org.mms.directory.TenantId;

/** Who made a call: the token's name and role, and its tenant (none for the service operator). */
public record Caller(Optional<TenantId> tenant, String tokenName, Role role) {
    public Caller {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(tokenName, "tokenName");
        Objects.requireNonNull(role, "role");
        if (tenant.isEmpty() != (role == Role.SERVICE_OPERATOR)) {
            throw new IllegalArgumentException("only the service operator's token belongs to no tenant");
        }
    }
}
