package org.mms.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.mms.calendar.Mailbox;
import org.mms.directory.TenantId;
import org.mms.directory.UserId;

/** Test data for the calendar feature: fixture bytes, small meetings, fresh mailboxes. */
public final class CalendarResources {

    private CalendarResources() {
    }

    /** The bytes of {@code src/test/resources/fixtures/ics/<name>}, exactly as committed. */
    public static byte[] icsFixture(String name) {
        String resource = "/fixtures/ics/" + name;
        try (InputStream in = CalendarResources.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A mailbox no other test uses: its own tenant and user. */
    public static Mailbox aMailbox() {
        return new Mailbox(new TenantId("t-" + UUID.randomUUID()), UserId.random());
    }

    /** A one-event calendar object resource, CRLF, nothing folded. */
    public static byte[] aMeeting(String uid, String summary) {
        return ("BEGIN:VCALENDAR\r\n"
                + "PRODID:-//MMS//Tests//EN\r\n"
                + "VERSION:2.0\r\n"
                + "BEGIN:VEVENT\r\n"
                + "UID:" + uid + "\r\n"
                + "DTSTAMP:20261120T090000Z\r\n"
                + "DTSTART:20270105T100000Z\r\n"
                + "DTEND:20270105T103000Z\r\n"
                + "SUMMARY:" + summary + "\r\n"
                + "ORGANIZER:mailto:alice@contoso.com\r\n"
                + "END:VEVENT\r\n"
                + "END:VCALENDAR\r\n").getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] aMeeting(String uid) {
        return aMeeting(uid, "Weekly sync");
    }
}
