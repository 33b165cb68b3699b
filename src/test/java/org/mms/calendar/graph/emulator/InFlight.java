package org.mms.calendar.graph.emulator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts Graph requests in flight per mailbox, as Exchange does for each app and mailbox, and remembers the most that
 * were ever in flight at once. The peak counts every request that arrived, also one turned away for being over the
 * limit: a client that never exceeds Graph's limit sees a peak at or under it, one that does is caught here.
 */
final class InFlight {

    /** Whether a request may go on; an admitted one must be {@link Admitted#leave() left} when it is answered. */
    sealed interface Admission permits Admitted, OverLimit {
    }

    record Admitted(Runnable leave) implements Admission {
    }

    record OverLimit(int inFlight, int limit) implements Admission {
    }

    private final Map<String, Gauge> gauges = new ConcurrentHashMap<>();
    private volatile int limit;
    private int peakOverall;
    private int nowOverall;

    InFlight(int limit) {
        this.limit = limit;
    }

    void limit(int perMailbox) {
        if (perMailbox < 1) {
            throw new IllegalArgumentException("a mailbox takes at least one request at a time");
        }
        this.limit = perMailbox;
    }

    Admission enter(String upn) {
        Gauge gauge = gauges.computeIfAbsent(key(upn), u -> new Gauge());
        int now;
        synchronized (this) {
            now = ++gauge.now;
            gauge.peak = Math.max(gauge.peak, now);
            nowOverall++;
            peakOverall = Math.max(peakOverall, nowOverall);
            if (now > limit) {
                gauge.now--;
                nowOverall--;
                return new OverLimit(now, limit);
            }
        }
        return new Admitted(() -> {
            synchronized (this) {
                gauge.now--;
                nowOverall--;
            }
        });
    }

    synchronized int now(String upn) {
        Gauge gauge = gauges.get(key(upn));
        return gauge == null ? 0 : gauge.now;
    }

    synchronized int peak(String upn) {
        Gauge gauge = gauges.get(key(upn));
        return gauge == null ? 0 : gauge.peak;
    }

    synchronized int nowOverall() {
        return nowOverall;
    }

    synchronized int peakOverall() {
        return peakOverall;
    }

    private static String key(String upn) {
        return upn.toLowerCase(java.util.Locale.ROOT);
    }

    private static final class Gauge {
        int now;
        int peak;
    }
}
