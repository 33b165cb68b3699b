package org.mms.itip;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.mms.ical.ContentLine;
import org.mms.ical.ContentLines;

/**
 * One iTIP REQUEST (RFC 5546) for one changed meeting, ready to be mailed (RFC 6047) to its
 * attendees on the organizer's behalf: series and changed overrides travel together in
 * {@link #calendar()}.
 *
 * <p>{@code (uid, sequence)} identifies the update: a resend of the same update is the same message.
 *
 * @param uid       the meeting's UID
 * @param sequence  the SEQUENCE the calendar carries after the update (0 or more)
 * @param organizer who the message is from
 * @param attendees who receives it: the organizer is removed, and addresses that differ only in case
 *                  are kept once (the first spelling wins); must leave at least one
 * @param subject   the mail subject, one line
 * @param textBody  the plain-text body
 * @param htmlBody  the HTML body, when the invitation has one
 * @param calendar  the complete VCALENDAR with {@code METHOD:REQUEST}, e.g. from
 *                  {@link ComposeRequestCalendar}; copied on the way in and out
 */
public record ItipRequest(
        String uid,
        int sequence,
        Mailbox organizer,
        List<Mailbox> attendees,
        String subject,
        String textBody,
        Optional<String> htmlBody,
        byte[] calendar) implements OutgoingMessage {

    public ItipRequest {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(organizer, "organizer");
        Objects.requireNonNull(attendees, "attendees");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(textBody, "textBody");
        Objects.requireNonNull(htmlBody, "htmlBody");
        Objects.requireNonNull(calendar, "calendar");
        if (uid.isBlank()) {
            throw new IllegalArgumentException("uid must not be blank");
        }
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must be 0 or more: " + sequence);
        }
        Mailbox.requireHeaderSafe("subject", subject);
        attendees = recipients(organizer, attendees);
        if (attendees.isEmpty()) {
            throw new IllegalArgumentException("no attendee besides the organizer: nothing to send for UID " + uid);
        }
        calendar = calendar.clone();
        requireRequestCalendar(calendar, uid);
    }

    /** The attendees. */
    @Override
    public List<Mailbox> recipients() {
        return attendees;
    }

    /** A copy: the record stays immutable whatever the caller does with the array. */
    @Override
    public byte[] calendar() {
        return calendar.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ItipRequest that
                && sequence == that.sequence
                && uid.equals(that.uid)
                && organizer.equals(that.organizer)
                && attendees.equals(that.attendees)
                && subject.equals(that.subject)
                && textBody.equals(that.textBody)
                && htmlBody.equals(that.htmlBody)
                && Arrays.equals(calendar, that.calendar);
    }

    @Override
    public int hashCode() {
        return Objects.hash(uid, sequence, organizer, attendees, subject, textBody, htmlBody, Arrays.hashCode(calendar));
    }

    /** Without the bodies and the calendar bytes: they are long and may be personal. */
    @Override
    public String toString() {
        return "ItipRequest[uid=" + uid + ", sequence=" + sequence + ", organizer=" + organizer.address()
                + ", attendees=" + attendees.size() + ", calendar=" + calendar.length + " bytes]";
    }

    private static List<Mailbox> recipients(Mailbox organizer, List<Mailbox> attendees) {
        List<Mailbox> kept = new ArrayList<>(attendees.size());
        for (Mailbox attendee : attendees) {
            Objects.requireNonNull(attendee, "attendee");
            if (!attendee.sameAddressAs(organizer) && kept.stream().noneMatch(attendee::sameAddressAs)) {
                kept.add(attendee);
            }
        }
        return List.copyOf(kept);
    }

    /**
     * A cheap structural check that catches passing the stored calendar instead of the mailed copy:
     * it must be one VCALENDAR whose own properties say {@code METHOD:REQUEST}, exactly once.
     */
    private static void requireRequestCalendar(byte[] calendar, String uid) {
        List<ContentLine> lines = ContentLines.scan(calendar);
        if (lines.size() < 2
                || !unfolded(calendar, lines.getFirst()).equalsIgnoreCase("BEGIN:VCALENDAR")
                || !unfolded(calendar, lines.getLast()).equalsIgnoreCase("END:VCALENDAR")) {
            throw new IllegalArgumentException("calendar for UID " + uid + " is not one VCALENDAR");
        }
        List<String> methods = lines.subList(1, lines.size()).stream()
                .takeWhile(line -> !line.name().equals("BEGIN"))
                .filter(line -> line.name().equals("METHOD"))
                .map(line -> line.property().value().strip().toUpperCase(Locale.ROOT))
                .toList();
        if (!methods.equals(List.of("REQUEST"))) {
            throw new IllegalArgumentException(
                    "calendar for UID " + uid + " must say METHOD:REQUEST exactly once, found " + methods);
        }
    }

    private static String unfolded(byte[] bytes, ContentLine line) {
        return new String(line.unfolded(), StandardCharsets.ISO_8859_1);
    }
}
