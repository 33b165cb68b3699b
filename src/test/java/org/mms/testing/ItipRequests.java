package org.mms.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.mms.itip.ItipRequest;
import org.mms.itip.Mailbox;

/** Test data for the itip feature: fixture bytes and a request builder with sensible defaults. */
public final class ItipRequests {

    public static final String FIXTURE_UID =
            "040000008200E00074C5B7101A82E00800000000D0A1B2C3D4E5F601000000000000000010000000E8B1B7F0C0FFEE42A1B2C3D4E5F60718";
    public static final Mailbox ORGANIZER = Mailbox.of("ana.ortiz@contoso.com", "Ana Ortiz");

    private ItipRequests() {}

    /** The bytes of {@code src/test/resources/fixtures/itip/<name>}, exactly as committed. */
    public static byte[] fixture(String name) {
        String resource = "/fixtures/itip/" + name;
        try (InputStream in = ItipRequests.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture with every CRLF turned into LF, for LF-only variants of CRLF fixtures. */
    public static byte[] withLfOnly(byte[] crlf) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(crlf.length);
        for (int i = 0; i < crlf.length; i++) {
            if (!(crlf[i] == '\r' && i + 1 < crlf.length && crlf[i + 1] == '\n')) {
                out.write(crlf[i]);
            }
        }
        return out.toByteArray();
    }

    /** The Outlook series fixture as a REQUEST from Ana to two attendees, sequence 5. */
    public static Builder aRequest() {
        return new Builder();
    }

    public static final class Builder {
        private String uid = FIXTURE_UID;
        private int sequence = 5;
        private Mailbox organizer = ORGANIZER;
        private List<Mailbox> attendees = List.of(
                Mailbox.of("juergen.mueller@contoso.com", "Jürgen Müller"),
                Mailbox.of("xiaoming.wang@contoso.com", "王 小明"));
        private String subject = "Wöchentliche Abstimmung 🗓️ 週次定例";
        private String textBody = "Die Einwahldaten haben sich geändert.\r\nNeuer Link: https://teams.microsoft.com/l/meetup-join/x\r\n";
        private Optional<String> htmlBody = Optional.of("<html><body><p>Die Einwahldaten haben sich geändert 🚀</p></body></html>");
        private byte[] calendar = fixture("outlook-teams-series.expected.ics");

        public Builder uid(String uid) {
            this.uid = uid;
            return this;
        }

        public Builder sequence(int sequence) {
            this.sequence = sequence;
            return this;
        }

        public Builder organizer(Mailbox organizer) {
            this.organizer = organizer;
            return this;
        }

        public Builder attendees(Mailbox... attendees) {
            this.attendees = List.of(attendees);
            return this;
        }

        public Builder attendees(List<Mailbox> attendees) {
            this.attendees = attendees;
            return this;
        }

        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        public Builder textBody(String textBody) {
            this.textBody = textBody;
            return this;
        }

        public Builder htmlBody(String htmlBody) {
            this.htmlBody = Optional.of(htmlBody);
            return this;
        }

        public Builder noHtmlBody() {
            this.htmlBody = Optional.empty();
            return this;
        }

        public Builder calendar(byte[] calendar) {
            this.calendar = calendar;
            return this;
        }

        public ItipRequest build() {
            return new ItipRequest(uid, sequence, organizer, attendees, subject, textBody, htmlBody, calendar);
        }
    }
}
