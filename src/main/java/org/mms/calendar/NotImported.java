package org.mms.calendar;

import java.util.Objects;
import java.util.Optional;

/**
 * A component of a calendar export that became no resource, and why; shown to the admin so that
 * nothing disappears without a word.
 *
 * @param component the component's name (VTODO, VJOURNAL, VEVENT…)
 * @param uid       its UID, when it has one
 * @param line      the export's line (1-based) where it begins
 */
public record NotImported(String component, Optional<String> uid, long line, Reason reason) {

    public enum Reason {
        NOT_A_MEETING("only VEVENTs are meetings; the store keeps nothing else"),
        NO_UID("a VEVENT without a UID cannot be stored: resources are named and found by their UID");

        private final String description;

        Reason(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    public NotImported {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return component + uid.map(u -> " " + u).orElse("") + " at line " + line + ": " + reason.description();
    }
}
