package org.mms.migration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mms.calendar.CalendarStore;
import org.mms.calendar.Mailbox;
import org.mms.calendar.ResourceRef;
import org.mms.calendar.StoredResource;
import org.mms.ical.IcalFormatException;

/**
 * {@code Undo-CsMeetingMigration -WhatIf}: what an undo of these migrations would do to each meeting they wrote, read
 * from the calendar store now and decided as {@link PutBackMeetings} decides: put back ({@code MIGRATED}), left alone
 * because it was changed or deleted since ({@code SKIPPED CHANGED_SINCE}), or not possible ({@code FAILED}). Writes
 * nothing, journals nothing.
 */
public final class PreviewUndo {

    /** One meeting (or changed occurrence) the undo would handle, its outcome and reason named as the journal names them. */
    public record Meeting(String uid, Optional<String> recurrenceId, String summary, Optional<Instant> start, String outcome,
            Optional<String> reason) {
    }

    private PreviewUndo() {
    }

    /** {@code written}: what the undone migrations wrote in the mailbox, as the journal has it. */
    public static List<Meeting> of(CalendarStore store, Mailbox mailbox, List<MigrationJournal.WrittenResource> written, Instant now) {
        List<Meeting> meetings = new ArrayList<>();
        for (MigrationJournal.WrittenResource resource : written) {
            String outcome = outcome(store, mailbox, resource, now);
            Optional<String> reason = switch (outcome) {
                case "SKIPPED" -> Optional.of(SkipReason.CHANGED_SINCE.name());
                case "FAILED" -> Optional.of(FailReason.STORE_REFUSED.name());
                default -> Optional.empty();
            };
            resource.components().forEach(c -> meetings.add(new Meeting(c.uid(), c.recurrenceId(), c.summary(), c.start(), outcome, reason)));
        }
        return meetings;
    }

    private static String outcome(CalendarStore store, Mailbox mailbox, MigrationJournal.WrittenResource written, Instant now) {
        Optional<StoredResource> current = store.get(mailbox, new ResourceRef(written.href()));
        if (current.isEmpty() || !PutBackMeetings.stillAsWritten(store, mailbox, written, current.get())) {
            return "SKIPPED";
        }
        try {
            PlanUndo.of(written.previousBytes(), current.get().data(), written.components(), now);
            return "MIGRATED";
        } catch (IcalFormatException | IllegalArgumentException e) {
            return "FAILED";
        }
    }
}
