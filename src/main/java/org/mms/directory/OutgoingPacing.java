package org.mms.directory;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How fast a tenant's update messages may go out: so many in any rolling hour, and none during quiet hours.
 * Messages wait in the outbox meanwhile; none is dropped.
 *
 * @param maxUpdatesPerHour at most this many messages in any 60 minutes; empty for no limit
 * @param quietHours        when none go out at all; empty for none
 */
public record OutgoingPacing(OptionalInt maxUpdatesPerHour, Optional<QuietHours> quietHours) {

    /** No pacing: messages go as soon as they are due (the default). */
    public static final OutgoingPacing NONE = new OutgoingPacing(OptionalInt.empty(), Optional.empty());

    public OutgoingPacing {
        Objects.requireNonNull(maxUpdatesPerHour, "maxUpdatesPerHour");
        Objects.requireNonNull(quietHours, "quietHours");
        if (maxUpdatesPerHour.isPresent() && maxUpdatesPerHour.getAsInt() < 1) {
            throw new IllegalArgumentException("at least 1 update per hour: " + maxUpdatesPerHour.getAsInt());
        }
    }

    /** Whether anything holds messages back. */
    public boolean paces() {
        return maxUpdatesPerHour.isPresent() || quietHours.isPresent();
    }
}
