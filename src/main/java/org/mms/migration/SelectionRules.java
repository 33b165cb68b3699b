package org.mms.migration;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.mms.block.MeetingType;

/**
 * Which of a calendar's meetings a migration may touch: the organizer's own, with an occurrence
 * that has not started at {@code now}, with at most {@code attendeeLimit} people including the
 * organizer, of the selected meeting types. With {@code addInPropertiesRequired}, only meetings that
 * carry the scheduling add-in's properties count as online meetings (the original service's rule);
 * without it, a block whose join link or conference ID is the organizer's counts too.
 */
public record SelectionRules(Organizer organizer, Instant now, int attendeeLimit, Set<MeetingType> sourceTypes,
        boolean addInPropertiesRequired) {

    /** The original service's limit: meetings with more than 250 attendees, organizer included, are not migrated. */
    public static final int DEFAULT_ATTENDEE_LIMIT = 250;

    public SelectionRules {
        Objects.requireNonNull(organizer, "organizer");
        Objects.requireNonNull(now, "now");
        if (attendeeLimit < 1) {
            throw new IllegalArgumentException("the attendee limit must be at least 1, not " + attendeeLimit);
        }
        if (sourceTypes.isEmpty()) {
            throw new IllegalArgumentException("select at least one meeting type");
        }
        sourceTypes = Set.copyOf(sourceTypes);
    }

    public SelectionRules(Organizer organizer, Instant now, int attendeeLimit, Set<MeetingType> sourceTypes) {
        this(organizer, now, attendeeLimit, sourceTypes, false);
    }

    public static SelectionRules of(Organizer organizer, Instant now) {
        return new SelectionRules(organizer, now, DEFAULT_ATTENDEE_LIMIT, EnumSet.allOf(MeetingType.class));
    }

    public SelectionRules withAttendeeLimit(int limit) {
        return new SelectionRules(organizer, now, limit, sourceTypes, addInPropertiesRequired);
    }

    public SelectionRules withSourceTypes(Set<MeetingType> types) {
        return new SelectionRules(organizer, now, attendeeLimit, types, addInPropertiesRequired);
    }

    public SelectionRules withAddInPropertiesRequired(boolean required) {
        return new SelectionRules(organizer, now, attendeeLimit, sourceTypes, required);
    }
}
