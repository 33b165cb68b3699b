package org.mms.migration;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.mms.ical.Component;

/**
 * The time facts selection needs from a meeting's components. Values that cannot be read throw
 * {@link org.mms.ical.IcalFormatException}; the meeting then fails with that message.
 */
interface MeetingTimes {

    /** When a single meeting or a changed occurrence starts (its DTSTART). */
    Instant start(Component event);

    /** The occurrence a changed occurrence replaces (its RECURRENCE-ID). */
    Instant recurrenceId(Component override);

    /**
     * The first start of the master's occurrences strictly after {@code now}, leaving out EXDATEs and
     * the {@code overridden} occurrences (which their own components decide).
     */
    Optional<Instant> nextStart(Component master, Instant now, Set<Instant> overridden);
}
