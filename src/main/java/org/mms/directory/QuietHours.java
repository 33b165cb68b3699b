package org.mms.directory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * A daily span, in a zone's wall-clock time, during which a tenant's update messages wait. It may cross
 * midnight (22:00 to 06:30). Wall-clock times are read in the zone as it is on each day, so the span
 * keeps its local hours across daylight-saving changes; a start that falls in a skipped hour begins at
 * the end of the gap.
 *
 * @param start the first minute of quiet
 * @param end   the first minute messages may go again; differs from {@code start}
 * @param zone  the zone the times are read in
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

    public QuietHours {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(zone, "zone");
        if (start.equals(end)) {
            throw new IllegalArgumentException("quiet hours must not start and end at the same time");
        }
    }

    /** Whether {@code instant} falls in the quiet span. */
    public boolean contains(Instant instant) {
        LocalTime local = instant.atZone(zone).toLocalTime();
        return crossesMidnight() ? !local.isBefore(start) || local.isBefore(end) : !local.isBefore(start) && local.isBefore(end);
    }

    /** The end of the quiet span {@code instant} falls in; {@code instant} itself when it is outside quiet hours. */
    public Instant endAfter(Instant instant) {
        if (!contains(instant)) {
            return instant;
        }
        LocalDate day = instant.atZone(zone).toLocalDate();
        // The end on the same local day, or on the next one when that has passed (a span across midnight, before midnight).
        Instant sameDay = ZonedDateTime.of(day, end, zone).toInstant();
        return sameDay.isAfter(instant) ? sameDay : ZonedDateTime.of(day.plusDays(1), end, zone).toInstant();
    }

    private boolean crossesMidnight() {
        return end.isBefore(start);
    }
}
