package org.mms.queue;

/** A migration request by its row number; internal (admins see the {@link CorrelationId}). */
public record RequestId(long value) {
    public RequestId {
        if (value <= 0) {
            throw new IllegalArgumentException("a request id is positive, not " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
