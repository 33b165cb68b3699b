package org.mms.migration;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mms.block.MeetingType;
import org.mms.ical.ByteEdit;

/** What happens to one VEVENT component (a meeting, or one changed occurrence of a series). */
public sealed interface Outcome {

    /**
     * New bytes for the component, the edits that made them from the old ones, the old and new block
     * text for the report, the old and new block of the HTML body when the meeting has one, and what showed the
     * meeting to be the organizer's.
     */
    record Migrated(byte[] bytes, List<ByteEdit> edits, String oldBlock, String newBlock, Optional<HtmlBlocks> html, MeetingType from,
            MeetingType to, OwnerEvidence evidence) implements Outcome {
        public Migrated {
            edits = List.copyOf(edits);
            Objects.requireNonNull(html, "html");
            Objects.requireNonNull(evidence, "evidence");
        }

        /** A meeting without an HTML body. */
        public Migrated(byte[] bytes, List<ByteEdit> edits, String oldBlock, String newBlock, MeetingType from, MeetingType to,
                OwnerEvidence evidence) {
            this(bytes, edits, oldBlock, newBlock, Optional.empty(), from, to, evidence);
        }
    }

    /** Already shows the target coordinates: not touched, no update sent. */
    record Unchanged(String detail, OwnerEvidence evidence) implements Outcome {
        public Unchanged {
            Objects.requireNonNull(evidence, "evidence");
        }
    }

    /** The detail often quotes the calendar; it is kept to one printable line for reports and {@code LastMessage}. */
    record Skipped(SkipReason reason, String detail) implements Outcome {
        public Skipped {
            detail = OneLine.of(detail, 1000);
        }
    }

    /** The detail often quotes the calendar; it is kept to one printable line for reports and {@code LastMessage}. */
    record Failed(FailReason reason, String detail) implements Outcome {
        public Failed {
            detail = OneLine.of(detail, 1000);
        }
    }
}
