package org.mms.access;

import java.util.Objects;
import java.util.Optional;
import org.mms.directory.TenantId;

/** Who made a call: the token's name and role, and its tenant (none for the service operator and the metrics reader). */
public record Caller(Optional<TenantId> tenant, String tokenName, Role role) {
    public Caller {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(tokenName, "tokenName");
        Objects.requireNonNull(role, "role");
        if (tenant.isEmpty() != role.serviceWide()) {
            throw new IllegalArgumentException("only the service operator's and the metrics tokens belong to no tenant");
        }
    }
}
