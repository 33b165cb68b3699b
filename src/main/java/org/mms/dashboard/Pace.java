package org.mms.dashboard;

import java.time.Duration;
import java.util.Optional;

/**
 * How fast migrations go and when they will be done, from what the last minutes did: meetings migrated per
 * minute, and the time left for the organizers still waiting at the pace migrations ended lately.
 *
 * @param meetingsPerMinute meetings migrated per minute over the recent window
 * @param left              the estimate, empty when nothing ended lately (no pace to go by) or nothing waits
 * @param waiting           organizers whose migration is pending or in progress
 */
record Pace(double meetingsPerMinute, Optional<Duration> left, long waiting) {

    /** The window both rates are taken over. */
    static final Duration WINDOW = Duration.ofMinutes(10);

    static Pace of(long meetingsMigrated, long migrationsEnded, long waiting) {
        double minutes = WINDOW.toSeconds() / 60.0;
        double endedPerMinute = migrationsEnded / minutes;
        Optional<Duration> left = waiting == 0 || endedPerMinute == 0 ? Optional.empty()
                : Optional.of(Duration.ofSeconds((long) Math.ceil(waiting / endedPerMinute * 60)));
        return new Pace(meetingsMigrated / minutes, left, waiting);
    }

    /** The estimate in words. */
    String leftText() {
        if (waiting == 0) {
            return "nothing waiting";
        }
        return left.map(d -> d.toMinutes() < 1 ? "under a minute" : "about " + d.toMinutes() + " min")
                .orElse("unknown: no migration ended in the last " + WINDOW.toMinutes() + " minutes");
    }
}
