package org.mms.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Slows down guessing: after {@link #MAX_FAILURES} refused authentications from one client address
 * within {@link #WINDOW}, that address is answered 429 until the oldest of them leaves the window.
 * Kept in memory: a restart forgets, which costs a guesser a restart of ours per window, no more.
 */
final class FailedLogins {

    static final int MAX_FAILURES = 10;
    static final Duration WINDOW = Duration.ofMinutes(1);
    /** Addresses remembered at most; beyond it the ones whose failures are all old are forgotten first. */
    private static final int MAX_ADDRESSES = 100_000;

    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new HashMap<>();

    FailedLogins(Clock clock) {
        this.clock = clock;
    }

    /** Throws {@link TooManyFailures} while the address is held back. */
    synchronized void check(String client) {
        Instant now = clock.instant();
        Deque<Instant> times = failures.get(client);
        if (times == null) {
            return;
        }
        prune(times, now);
        if (times.isEmpty()) {
            failures.remove(client);
        } else if (times.size() >= MAX_FAILURES) {
            Duration wait = Duration.between(now, times.peekFirst().plus(WINDOW));
            throw new TooManyFailures(Math.max(1, (wait.toMillis() + 999) / 1000));
        }
    }

    synchronized void failed(String client) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_ADDRESSES) {
            failures.values().forEach(t -> prune(t, now));
            failures.values().removeIf(Deque::isEmpty);
            if (failures.size() >= MAX_ADDRESSES) {
                // A flood from that many addresses: memory is bounded before any one address is.
                failures.clear();
            }
        }
        Deque<Instant> times = failures.computeIfAbsent(client, c -> new ArrayDeque<>());
        times.addLast(now);
        while (times.size() > MAX_FAILURES) {
            times.removeFirst();
        }
    }

    private static void prune(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && !times.peekFirst().plus(WINDOW).isAfter(now)) {
            times.removeFirst();
        }
    }
}
