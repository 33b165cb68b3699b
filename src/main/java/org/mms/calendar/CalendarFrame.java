package org.mms.calendar;

import java.util.List;
import java.util.Objects;

/**
 * What a calendar export holds besides its meetings, kept at import so that an export of the stored
 * meetings is the calendar that was imported: the opening of its (first) VCALENDAR with the calendar's
 * own properties, METHOD included (stored resources carry none, RFC 4791 §4.1, but the file had it), its
 * closing line, and the order its meetings came in (a store hands them over in an order of its own).
 *
 * @param head the BEGIN:VCALENDAR line and the calendar properties, byte for byte
 * @param tail the END:VCALENDAR line, byte for byte
 * @param uids the meetings' UIDs in the order they first appeared
 */
public record CalendarFrame(byte[] head, byte[] tail, List<String> uids) {

    public CalendarFrame {
        head = Objects.requireNonNull(head, "head").clone();
        tail = Objects.requireNonNull(tail, "tail").clone();
        uids = List.copyOf(uids);
    }

    @Override
    public byte[] head() {
        return head.clone();
    }

    @Override
    public byte[] tail() {
        return tail.clone();
    }
}
