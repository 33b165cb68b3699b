package org.mms.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When to retry a migration that failed for a reason that may pass (a calendar server down, a lost
 * race), and when to stop: exponential backoff whose delays add up to the retry window, so the last
 * retry happens when the window ends. The default is the original service's 9 retries over 24 hours:
 * about 3, 6, 11, 23 and 45 minutes, then 1.5, 3, 6 and 12 hours.
 *
 * @param maxRetries retries after the first attempt; after the last one the request fails
 * @param window     the time from the first failure to the last retry
 * @param factor     each delay is this many times the one before (1 spreads them evenly)
 */
public record RetryPolicy(int maxRetries, Duration window, double factor) {

    public static final int DEFAULT_MAX_RETRIES = 9;
    public static final Duration DEFAULT_WINDOW = Duration.ofHours(24);
    public static final double DEFAULT_FACTOR = 2.0;

    public RetryPolicy {
        Objects.requireNonNull(window, "window");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("retries cannot be negative: " + maxRetries);
        }
        if (window.isNegative()) {
            throw new IllegalArgumentException("the retry window cannot be negative: " + window);
        }
        if (!(factor >= 1.0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("the backoff factor must be 1 or more, not " + factor);
        }
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(DEFAULT_MAX_RETRIES, DEFAULT_WINDOW, DEFAULT_FACTOR);
    }

    /** The tenant's retry settings with the default backoff factor. */
    public static RetryPolicy of(int maxRetries, Duration window) {
        return new RetryPolicy(maxRetries, window, DEFAULT_FACTOR);
    }

    /**
     * How long to wait before retry {@code n} (1 to {@code maxRetries}), counted from the failure before
     * it. Computed as differences of rounded running totals, so the delays add up to the window exactly.
     */
    public Duration delayBefore(int n) {
        if (n < 1 || n > maxRetries) {
            throw new IllegalArgumentException("retry " + n + " is outside 1.." + maxRetries);
        }
        return Duration.ofMillis(elapsedAfter(n) - elapsedAfter(n - 1));
    }

    /** What to do after a failure, given how many retries the request has had. */
    public Decision afterFailure(int retriesSoFar, Instant failedAt) {
        if (retriesSoFar < 0) {
            throw new IllegalArgumentException("retries cannot be negative: " + retriesSoFar);
        }
        if (retriesSoFar >= maxRetries) {
            return new Decision.GiveUp(retriesSoFar);
        }
        int next = retriesSoFar + 1;
        return new Decision.RetryAt(next, failedAt.plus(delayBefore(next)));
    }

    /** Milliseconds from the first failure to retry {@code k}: the window's share of the first k terms of the series. */
    private long elapsedAfter(int k) {
        long total = window.toMillis();
        if (k == 0) {
            return 0;
        }
        if (k == maxRetries) {
            return total;
        }
        double share = factor == 1.0 ? (double) k / maxRetries : (Math.pow(factor, k) - 1) / (Math.pow(factor, maxRetries) - 1);
        return Math.round(total * share);
    }

    /** Retry, or stop and let the request fail. */
    public sealed interface Decision {

        /** Retry number {@code retry} at {@code at}: the caller calls {@code retryLater}. */
        record RetryAt(int retry, Instant at) implements Decision {
        }

        /** The retries are used up: the caller calls {@code fail}. */
        record GiveUp(int retries) implements Decision {
        }
    }
}
