package org.mms.migration;

import java.util.List;
import org.mms.block.MeetingType;
import org.mms.ical.ByteEdit;

/** What happens to one VEVENT component (a meeting, or one changed occurrence of a series). */
public sealed interface Outcome {

    /**
     * New bytes for the component, the edits that made them from the old ones, and the old and new
     * block text for the report.
     */
    record Migrated(byte[] bytes, List<ByteEdit> edits, String oldBlock, String newBlock, MeetingType from, MeetingType to)
            implements Outcome {
        public Migrated {
            edits = List.copyOf(edits);
        }
    }

    /** Already shows the target coordinates: not touched, no update sent. */
    record Unchanged(String detail) implements Outcome {
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
