package org.mms.migration;

import java.util.List;

/** The decisions for one meeting: every component that shares its UID, in input order. */
public record MeetingPlan(String uid, List<ComponentPlan> components) {

    public MeetingPlan {
        components = List.copyOf(components);
    }

    /** Whether anything changes, i.e. whether attendees get an update. */
    public boolean changed() {
        return components.stream().anyMatch(ComponentPlan::migrated);
    }
}
