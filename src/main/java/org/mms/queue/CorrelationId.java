package org.mms.queue;

import java.util.Objects;
import java.util.UUID;

/** The id admins see for one migration request ({@code CorrelationId} in the status output). */
public record CorrelationId(UUID value) {
    public CorrelationId {
        Objects.requireNonNull(value, "value");
    }

    public static CorrelationId random() {
        return new CorrelationId(UUID.randomUUID());
    }

    /** Parses the text form; an admin typo gets an {@link IllegalArgumentException} naming it. */
    public static CorrelationId parse(String text) {
        try {
            return new CorrelationId(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a correlation id: " + text, e);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
