package org.mms.queue;

import java.util.Objects;

/**
 * A worker as named in the leases it holds, e.g. host and process. Leases are fenced by attempt number
 * as well, so a worker that restarts under the same name still cannot report on a lease it lost.
 */
public record WorkerId(String value) {
    public static final int MAX_LENGTH = 200;

    public WorkerId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a worker id has 1 to " + MAX_LENGTH + " characters, not \"" + value + "\"");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
