package org.mms.directory;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How fast a tenant's update messages may go out: so many in any rolling hour, none during quiet hours, and not
 * before the organizer was told they will. Messages wait in the outbox meanwhile; none is dropped.
 *
 * @param maxUpdatesPerHour at most this many messages in any 60 minutes; empty for no limit
 * @param quietHours        when none go out at all; empty for none
 * @param organizerNotice   how long before a migration runs its organizer is sent a notice listing the meetings it will
 *                          update; zero for no notice (the default)
 */
public record OutgoingPacing(OptionalInt maxUpdatesPerHour, Optional<QuietHours> quietHours, Duration organizerNotice) {

    /** {@code NotifyOrganizerBeforeMinutes} goes up to a week: a notice older than that is forgotten by the time it matters. */
    public static final Duration LONGEST_NOTICE = Duration.ofDays(7);

    /** No pacing: messages go as soon as they are due (the default). */
    public static final OutgoingPacing NONE = new OutgoingPacing(OptionalInt.empty(), Optional.empty());

    public OutgoingPacing {
        Objects.requireNonNull(maxUpdatesPerHour, "maxUpdatesPerHour");
        Objects.requireNonNull(quietHours, "quietHours");
        Objects.requireNonNull(organizerNotice, "organizerNotice");
        if (maxUpdatesPerHour.isPresent() && maxUpdatesPerHour.getAsInt() < 1) {
            throw new IllegalArgumentException("at least 1 update per hour: " + maxUpdatesPerHour.getAsInt());
        }
        if (organizerNotice.isNegative() || organizerNotice.compareTo(LONGEST_NOTICE) > 0) {
            throw new IllegalArgumentException("an organizer notice from 0 to 7 days ahead: " + organizerNotice);
        }
    }

    /** Without a notice to the organizer. */
    public OutgoingPacing(OptionalInt maxUpdatesPerHour, Optional<QuietHours> quietHours) {
        this(maxUpdatesPerHour, quietHours, Duration.ZERO);
    }

    /** The same pacing with {@code notice} before each migration (zero: none). */
    public OutgoingPacing withOrganizerNotice(Duration notice) {
        return new OutgoingPacing(maxUpdatesPerHour, quietHours, notice);
    }

    /** Whether organizers are told before their migrations run. */
    public boolean noticesOrganizers() {
        return organizerNotice.isPositive();
    }

    /** Whether a rate limit or quiet hours hold messages back (a notice holds the migration, not its messages). */
    public boolean paces() {
        return maxUpdatesPerHour.isPresent() || quietHours.isPresent();
    }
}
