package org.mms.admin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.mms.calendar.CalendarFrames;
import org.mms.calendar.CalendarObject;
import org.mms.calendar.CalendarStore;
import org.mms.calendar.Mailbox;
import org.mms.calendar.SplitCalendar;
import org.mms.calendar.StoredResource;
import org.mms.calendar.WriteResult;
import org.mms.directory.User;
import org.mms.ical.IcalFormatException;
import org.mms.migration.OneLine;

/**
 * Puts a calendar export into a user's mailbox in the embedded store: one resource per meeting (UID),
 * as a CalDAV server keeps them. A meeting already there with the same bytes is left alone; a
 * different one is replaced. What cannot be imported (tasks, journal entries, events without a UID) is
 * reported. The calendar's frame (its own properties, METHOD included, and the meetings' order) is kept, so
 * that an export gives the calendar back as it came.
 */
final class ImportCalendar {

    private final CalendarStore store;
    private final CalendarFrames frames;

    ImportCalendar(CalendarStore store, CalendarFrames frames) {
        this.store = store;
        this.frames = frames;
    }

    Views.ImportResult apply(User user, byte[] ics) {
        SplitCalendar split;
        try {
            split = SplitCalendar.of(ics);
        } catch (IcalFormatException e) {
            // The reason quotes the calendar's lines: one printable line, whatever bytes they hold.
            throw new AdminException.BadRequest("the calendar cannot be read: " + OneLine.of(e.getMessage(), 1000));
        }
        // Refused before anything is stored, so that a calendar is imported whole or not at all.
        split.forEachResource(resource -> FieldLimits.checkLength("UID", resource.uid()));
        Mailbox mailbox = new Mailbox(user.tenant(), user.id());
        int[] counts = new int[3];
        split.forEachResource(resource -> counts[importOne(mailbox, resource)]++);
        // Last, so that a failed import leaves the frame of the one before, which matches the meetings it stored.
        frames.save(mailbox, split.frame());
        List<String> notes = new ArrayList<>();
        split.notImported().forEach(n -> notes.add(OneLine.of(n.toString(), 1000)));
        return new Views.ImportResult("calendar of " + user.upn(), counts[0], counts[1], counts[2], notes);
    }

    /** 0 created, 1 updated, 2 unchanged. */
    private int importOne(Mailbox mailbox, CalendarObject resource) {
        Optional<StoredResource> existing = store.get(mailbox, resource.ref());
        if (existing.isPresent() && Arrays.equals(existing.get().data(), resource.data())) {
            return 2;
        }
        WriteResult result = existing.isPresent()
                ? store.put(mailbox, resource.ref(), resource.data(), Optional.of(existing.get().etag()))
                : store.create(mailbox, resource.ref(), resource.data());
        if (!(result instanceof WriteResult.Written)) {
            throw new AdminException.Conflict("the meeting " + OneLine.of(resource.uid()) + " changed while it was imported; import again");
        }
        return existing.isPresent() ? 1 : 0;
    }
}
