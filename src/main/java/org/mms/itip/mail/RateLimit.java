package org.mms.itip.mail;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * At most {@code n} messages per second, evenly spaced: each caller waits until one interval has
 * passed since the previous one's turn. No bursts, because mail providers count per short window and
 * answer a burst with 4xx throttling or a temporary block. Time and waiting are injected so that a
 * test moves time instead of sleeping.
 */
final class RateLimit {

    /** Waits; the real one is {@link Thread#sleep(Duration)}. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private long nextTurn;
    private boolean started;

    RateLimit(double perSecond, LongSupplier nanoTime, Sleeper sleeper) {
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("rate must be a positive number: " + perSecond);
        }
        this.intervalNanos = Math.max(1, Math.round(1_000_000_000L / perSecond));
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    static RateLimit perSecond(double perSecond) {
        return new RateLimit(perSecond, System::nanoTime, Thread::sleep);
    }

    /**
     * Returns when it is the caller's turn. Callers take turns one at a time (the monitor is held while
     * waiting), so mailers on several connections that share one limit stay spaced together.
     *
     * @throws InterruptedException when interrupted while waiting; the turn is not taken
     */
    synchronized void awaitTurn() throws InterruptedException {
        long now = nanoTime.getAsLong();
        // Compare by difference: System.nanoTime may be negative and may wrap.
        if (started && now - nextTurn < 0) {
            sleeper.sleep(Duration.ofNanos(nextTurn - now));
            now = nextTurn;
        }
        // An idle spell earns no credit: the next turn is one interval after this one, not earlier.
        nextTurn = now + intervalNanos;
        started = true;
    }
}
