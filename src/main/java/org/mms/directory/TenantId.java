package org.mms.directory;

import java.util.Objects;

/** A tenant (organization) by its stable identifier. */
public record TenantId(String value) {
    public TenantId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a tenant id cannot be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
