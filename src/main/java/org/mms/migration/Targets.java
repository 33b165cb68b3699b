package org.mms.migration;

import java.util.Optional;
import org.mms.block.MeetingType;

/**
 * The new settings for each kind of meeting found: one template for all (the offline tool, a move to
 * Teams), or one per type (a change that keeps each meeting's type, such as a new dial-in bridge).
 */
@FunctionalInterface
public interface Targets {

    /** The template for meetings currently of {@code source} type; empty when they keep no coordinates. */
    Optional<CoordinatesTemplate> forSource(MeetingType source);

    /** Every meeting, whatever its type, gets {@code template}. */
    static Targets all(CoordinatesTemplate template) {
        return source -> Optional.of(template);
    }
}
