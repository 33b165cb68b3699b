package org.mms.calendar.graph;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before sending again a request Graph answered with 429 or 503: what its {@code Retry-After} says
 * (delay-seconds or an HTTP-date, RFC 9110 §10.2.3), else an exponential backoff with jitter, so that throttled
 * workers do not come back all at once. Waits are capped: a server asking for more is asked again after the cap.
 */
final class WaitBeforeRetry {

    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration MOST = Duration.ofSeconds(120);

    private WaitBeforeRetry() {
    }

    /** The wait before attempt {@code attempt + 1}, after attempt {@code attempt} (from 1) was refused. */
    static Duration after(int attempt, Optional<String> retryAfter, Instant now) {
        Optional<Duration> asked = retryAfter.flatMap(value -> parse(value, now));
        if (asked.isPresent()) {
            return min(asked.get(), MOST);
        }
        Duration full = min(FIRST.multipliedBy(1L << Math.min(attempt - 1, 16)), MOST);
        // Between half and all of the full wait.
        long millis = full.toMillis();
        return Duration.ofMillis(millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
    }

    static Optional<Duration> parse(String value, Instant now) {
        String v = value.strip();
        if (v.matches("[0-9]{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
