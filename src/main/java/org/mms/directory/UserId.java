package org.mms.directory;

import java.util.Objects;
import java.util.UUID;

/** A user by the stable identifier the status output calls {@code UserId} (a GUID). */
public record UserId(String value) {
    public UserId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a user id cannot be blank");
        }
    }

    public static UserId random() {
        return new UserId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
