package org.mms.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/** A clock that stands still until the test moves it, so time-dependent behaviour is tested without sleeping. */
public final class MutableClock extends Clock {

    private Instant now;
    private final ZoneId zone;

    private MutableClock(Instant now, ZoneId zone) {
        this.now = Objects.requireNonNull(now, "now");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    public static MutableClock at(Instant start) {
        return new MutableClock(start, ZoneOffset.UTC);
    }

    public static MutableClock at(String isoInstant) {
        return at(Instant.parse(isoInstant));
    }

    public synchronized MutableClock advance(Duration by) {
        now = now.plus(by);
        return this;
    }

    public synchronized MutableClock set(Instant to) {
        now = Objects.requireNonNull(to, "to");
        return this;
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** A separate clock at the same instant: moving one does not move the other. */
    @Override
    public Clock withZone(ZoneId other) {
        return new MutableClock(instant(), other);
    }
}
