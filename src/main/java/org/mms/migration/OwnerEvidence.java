package org.mms.migration;

import java.util.Objects;

/**
 * What showed that a meeting is the organizer's own online meeting, said with every decision about it.
 *
 * @param kind   the kind of evidence
 * @param detail what exactly matched, e.g. the user a join link names
 */
public record OwnerEvidence(Kind kind, String detail) {

    public enum Kind {
        /** The scheduling add-in's {@code X-MICROSOFT-*} properties (they only exist on the organizer's own meeting). */
        ADD_IN_PROPERTIES("the add-in's properties"),
        /** A Skype for Business join link whose path names the organizer's SIP user. */
        SKYPE_JOIN_LINK("the Skype join link"),
        /** A Teams join link whose context names the organizer's object id. */
        TEAMS_JOIN_LINK("the Teams join link"),
        /** The block shows the organizer's dial-in conference ID. */
        CONFERENCE_ID("the conference ID");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    public OwnerEvidence {
        Objects.requireNonNull(kind, "kind");
        detail = OneLine.of(Objects.requireNonNull(detail, "detail"), 300);
    }

    public static OwnerEvidence addInProperties() {
        return new OwnerEvidence(Kind.ADD_IN_PROPERTIES, "the meeting carries the scheduling add-in's properties");
    }

    /** One line for reports and the journal, e.g. "the organizer's by the Skype join link: it names alice". */
    public String describe() {
        return "the organizer's by " + kind.words() + ": " + detail;
    }
}
