package org.mms.migration;

import java.time.Instant;
import java.util.Optional;

/**
 * The decision for one VEVENT component: which one (UID, and RECURRENCE-ID for a changed
 * occurrence), its title and start for the report, its bytes as they were, and the outcome.
 */
public record ComponentPlan(String uid, Optional<String> recurrenceId, String summary, Optional<Instant> start,
        byte[] original, Outcome outcome) {

    /** The component's bytes after the migration: new ones if migrated, the original ones otherwise. */
    public byte[] result() {
        return outcome instanceof Outcome.Migrated m ? m.bytes() : original;
    }

    public boolean migrated() {
        return outcome instanceof Outcome.Migrated;
    }
}
