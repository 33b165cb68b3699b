package org.mms.calendar.graph.emulator;

import java.time.Duration;
import java.util.Optional;

/**
 * Failures a test asks for: the next so many Graph requests are answered with 429 or 503 and a Retry-After, the way
 * Graph answers when it throttles or a backend is busy, before the request touches any mailbox.
 */
final class InjectedFailures {

    private int remaining;
    private int status;
    private Duration retryAfter = Duration.ZERO;

    synchronized void next(int count, int status, Duration retryAfter) {
        if (status != 429 && status != 503) {
            throw new IllegalArgumentException("Graph answers throttling with 429 and a busy service with 503, not " + status);
        }
        if (count < 0 || retryAfter.isNegative()) {
            throw new IllegalArgumentException("a count and a Retry-After of zero or more");
        }
        this.remaining = count;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    /** The failure to answer with, consuming one, or empty when none is due. */
    synchronized Optional<GraphReply> take() {
        if (remaining == 0) {
            return Optional.empty();
        }
        remaining--;
        // Retry-After carries whole seconds; a part of a second is rounded up so a client never comes back too early.
        long seconds = (retryAfter.toMillis() + 999) / 1000;
        return Optional.of(status == 429
                ? GraphReply.retryLater(429, "ApplicationThrottled", "Application is over its RequestRate limit.", seconds)
                : GraphReply.retryLater(503, "ServiceUnavailable", "The service is temporarily unavailable. Retry after the delay given.", seconds));
    }
}
