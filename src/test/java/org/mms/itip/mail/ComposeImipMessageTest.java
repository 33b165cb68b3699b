package org.mms.itip.mail;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mms.testing.ItipRequests.ORGANIZER;
import static org.mms.testing.ItipRequests.aRequest;
import static org.mms.testing.ItipRequests.fixture;
import static org.mms.testing.ItipRequests.withLfOnly;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.mms.itip.ItipRequest;
import org.mms.itip.Mailbox;

class ComposeImipMessageTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T08:30:00Z"), ZoneId.of("Europe/Berlin"));
    private static final Mailbox SERVICE = Mailbox.of("mms@service.contoso.com", "Meeting Migration Service");

    private final ComposeImipMessage composer = new ComposeImipMessage(CLOCK, Optional.of(SERVICE));

    // --- structure ---

    @Test
    void message_is_mixed_with_one_alternative_of_text_html_and_calendar_in_that_order() throws Exception {
        MimeMessage message = parse(write(composer, aRequest().build()));

        assertThat(message.getContentType()).startsWith("multipart/mixed");
        MimeMultipart mixed = (MimeMultipart) message.getContent();
        assertThat(mixed.getCount()).isEqualTo(1);
        MimeMultipart alternative = alternativeOf(message);
        assertThat(contentTypes(alternative)).containsExactly("text/plain", "text/html", "text/calendar");
        assertThat(charset(alternative.getBodyPart(0))).isEqualTo("UTF-8");
        assertThat(charset(alternative.getBodyPart(1))).isEqualTo("UTF-8");
    }

    @Test
    void without_html_the_alternative_holds_only_text_and_calendar() throws Exception {
        MimeMessage message = parse(write(composer, aRequest().noHtmlBody().build()));

        assertThat(contentTypes(alternativeOf(message))).containsExactly("text/plain", "text/calendar");
    }

    @Test
    void calendar_part_says_utf8_and_method_request() throws Exception {
        BodyPart calendar = calendarPartOf(parse(write(composer, aRequest().build())));

        ContentType type = new ContentType(calendar.getContentType());
        assertThat(type.getBaseType()).isEqualTo("text/calendar");
        assertThat(type.getParameter("charset")).isEqualTo("UTF-8");
        assertThat(type.getParameter("method")).isEqualTo("REQUEST");
        assertThat(calendar.getDisposition()).isNull();
    }

    @Test
    void no_invite_ics_attachment_by_default() throws Exception {
        MimeMessage message = parse(write(new ComposeImipMessage(CLOCK, Optional.empty()), aRequest().build()));

        assertThat(((MimeMultipart) message.getContent()).getCount()).isEqualTo(1);
    }

    @Test
    void invite_ics_attachment_follows_the_alternative_when_asked_for() throws Exception {
        ComposeImipMessage withAttachment =
                new ComposeImipMessage(CLOCK, Optional.empty(), ComposeImipMessage.Attachment.INVITE_ICS);
        ItipRequest request = aRequest().build();

        MimeMessage message = parse(write(withAttachment, request));

        MimeMultipart mixed = (MimeMultipart) message.getContent();
        assertThat(mixed.getCount()).isEqualTo(2);
        assertThat(mixed.getBodyPart(0).getContentType()).startsWith("multipart/alternative");
        BodyPart file = mixed.getBodyPart(1);
        assertThat(new ContentType(file.getContentType()).getBaseType()).isEqualTo("application/ics");
        assertThat(file.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(file.getFileName()).isEqualTo("invite.ics");
        assertThat(decoded(file)).isEqualTo(request.calendar());
    }

    @Test
    void text_and_html_bodies_arrive_unchanged() throws Exception {
        String text = "Neue Einwahl 📞 +49 30 123456\r\n会議に参加する\r\n";
        String html = "<p>Neue Einwahl 📞 <a href=\"https://teams.microsoft.com/l/x\">会議に参加する</a></p>";

        MimeMultipart alternative = alternativeOf(parse(write(composer, aRequest().textBody(text).htmlBody(html).build())));

        assertThat(alternative.getBodyPart(0).getContent()).isEqualTo(text);
        assertThat(alternative.getBodyPart(1).getContent()).isEqualTo(html);
    }

    // --- headers ---

    @Test
    void from_is_the_organizer_with_the_display_name_encoded_when_not_ascii() throws Exception {
        Mailbox organizer = Mailbox.of("juergen.mueller@contoso.com", "Jürgen Müller 🦊");
        byte[] eml = write(composer, aRequest().organizer(organizer).attendees(ORGANIZER).build());

        InternetAddress from = (InternetAddress) parse(eml).getFrom()[0];

        assertThat(from.getAddress()).isEqualTo("juergen.mueller@contoso.com");
        assertThat(from.getPersonal()).isEqualTo("Jürgen Müller 🦊");
        assertThat(rawHeader(eml, "From")).contains("=?UTF-8?").contains("<juergen.mueller@contoso.com>");
    }

    @Test
    void from_with_an_ascii_display_name_reads_back_the_same() throws Exception {
        InternetAddress from = (InternetAddress) parse(write(composer, aRequest().build())).getFrom()[0];

        assertThat(from.getAddress()).isEqualTo("ana.ortiz@contoso.com");
        assertThat(from.getPersonal()).isEqualTo("Ana Ortiz");
    }

    @Test
    void to_lists_every_attendee_in_order_with_their_names() throws Exception {
        ItipRequest request = aRequest()
                .attendees(Mailbox.of("juergen.mueller@contoso.com", "Jürgen Müller"), Mailbox.of("zoe@fabrikam.com"),
                        Mailbox.of("xiaoming.wang@contoso.com", "王 小明"))
                .build();

        MimeMessage message = parse(write(composer, request));

        assertThat(Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(a -> (InternetAddress) a))
                .extracting(InternetAddress::getAddress, InternetAddress::getPersonal)
                .containsExactly(
                        tuple("juergen.mueller@contoso.com", "Jürgen Müller"),
                        tuple("zoe@fabrikam.com", null),
                        tuple("xiaoming.wang@contoso.com", "王 小明"));
        assertThat(message.getRecipients(Message.RecipientType.CC)).isNull();
        assertThat(message.getRecipients(Message.RecipientType.BCC)).isNull();
    }

    @Test
    void sender_is_the_service_address_when_one_is_given() throws Exception {
        InternetAddress sender = (InternetAddress) parse(write(composer, aRequest().build())).getSender();

        assertThat(sender.getAddress()).isEqualTo("mms@service.contoso.com");
        assertThat(sender.getPersonal()).isEqualTo("Meeting Migration Service");
    }

    @Test
    void no_sender_header_without_a_service_address() throws Exception {
        byte[] eml = write(new ComposeImipMessage(CLOCK, Optional.empty()), aRequest().build());

        assertThat(parse(eml).getHeader("Sender")).isNull();
    }

    @Test
    void subject_with_umlauts_cjk_and_emoji_reads_back_the_same_from_an_ascii_header() throws Exception {
        String subject = "Aktualisiert: Wöchentliche Abstimmung 🗓️ 週次定例 — neue Einwahldaten für alle Teilnehmenden 👩‍💻";
        byte[] eml = write(composer, aRequest().subject(subject).build());

        assertThat(parse(eml).getSubject()).isEqualTo(subject);
        assertThat(rawHeader(eml, "Subject")).startsWith("=?UTF-8?");
    }

    @Test
    void every_header_line_is_ascii() throws Exception {
        byte[] eml = write(composer, aRequest().organizer(Mailbox.of("juergen@contoso.com", "Jürgen")).build());

        String headers = headerBlock(eml);
        assertThat(headers.chars()).allMatch(c -> c < 0x80);
    }

    @Test
    void date_comes_from_the_clock_in_the_clocks_zone() throws Exception {
        byte[] eml = write(composer, aRequest().build());

        assertThat(rawHeader(eml, "Date")).isEqualTo("Mon, 7 Dec 2026 09:30:00 +0100");
        assertThat(parse(eml).getSentDate().toInstant()).isEqualTo(Instant.parse("2026-12-07T08:30:00Z"));
    }

    @Test
    void message_id_is_the_same_for_the_same_uid_and_sequence_whenever_it_is_composed() throws Exception {
        Clock later = Clock.fixed(Instant.parse("2026-12-08T10:00:00Z"), ZoneOffset.UTC);

        String first = parse(write(composer, aRequest().build())).getMessageID();
        String again = parse(write(new ComposeImipMessage(later, Optional.of(SERVICE)), aRequest().subject("Other").build()))
                .getMessageID();

        assertThat(first).matches("<[0-9a-f]{16}\\.5@service\\.contoso\\.com>").isEqualTo(again);
    }

    @Test
    void message_id_differs_for_another_sequence_or_another_uid() throws Exception {
        String base = composer.compose(aRequest().build()).getMessageID();

        assertThat(composer.compose(aRequest().sequence(6).build()).getMessageID())
                .isNotEqualTo(base).endsWith(".6@service.contoso.com>");
        assertThat(composer.compose(aRequest().uid("another-uid").build()).getMessageID())
                .isNotEqualTo(base).endsWith(".5@service.contoso.com>");
    }

    @Test
    void message_id_differs_for_the_same_uid_and_sequence_from_another_tenant_or_another_organizer() throws Exception {
        String base = composer.compose(Optional.of(new org.mms.directory.TenantId("contoso")), aRequest().build()).getMessageID();

        assertThat(composer.compose(Optional.of(new org.mms.directory.TenantId("fabrikam")), aRequest().build()).getMessageID())
                .isNotEqualTo(base);
        assertThat(composer.compose(Optional.of(new org.mms.directory.TenantId("contoso")),
                aRequest().organizer(Mailbox.of("someone.else@contoso.com")).build()).getMessageID()).isNotEqualTo(base);
        assertThat(composer.compose(Optional.of(new org.mms.directory.TenantId("contoso")), aRequest().build()).getMessageID())
                .as("the same message whenever it is composed").isEqualTo(base);
    }

    @Test
    void message_id_takes_the_organizers_domain_without_a_service_address() throws Exception {
        ItipRequest request = aRequest().organizer(Mailbox.of("Ana@Mail.Contoso.COM")).build();

        String messageId = new ComposeImipMessage(CLOCK, Optional.empty()).compose(request).getMessageID();

        assertThat(messageId).endsWith(".5@mail.contoso.com>");
    }

    @Test
    void content_class_marks_a_calendar_message() throws Exception {
        assertThat(parse(write(composer, aRequest().build())).getHeader("Content-Class"))
                .containsExactly("urn:content-classes:calendarmessage");
    }

    // --- the calendar part, byte for byte ---

    @Test
    void calendar_part_round_trips_crlf_bytes_exactly() throws Exception {
        byte[] calendar = fixture("outlook-teams-series.expected.ics");

        assertThat(calendarBytesAfterRoundTrip(calendar)).isEqualTo(calendar);
    }

    @Test
    void calendar_part_round_trips_lf_only_bytes_exactly() throws Exception {
        byte[] calendar = fixture("caldav-lf-only-daily.expected.ics");
        assertThat(calendar).doesNotContain((byte) '\r');

        assertThat(calendarBytesAfterRoundTrip(calendar)).isEqualTo(calendar);
    }

    @Test
    void calendar_part_round_trips_the_outlook_calendar_with_lf_only_exactly() throws Exception {
        byte[] calendar = withLfOnly(fixture("outlook-teams-series.expected.ics"));

        assertThat(calendarBytesAfterRoundTrip(calendar)).isEqualTo(calendar);
    }

    @Test
    void calendar_part_round_trips_folds_that_split_utf8_sequences() throws Exception {
        // "Müller" folded between the two bytes of "ü", and an emoji folded after its second byte:
        // not valid UTF-8 as a whole, so only a byte path keeps it.
        byte[] calendar = concat(
                "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nSUMMARY:M".getBytes(UTF_8),
                HexFormat.of().parseHex("c30d0a20bc"),
                "ller \\N caf".getBytes(UTF_8),
                HexFormat.of().parseHex("f09f0d0a209880"),
                "\r\n\tend \u4f1a\u8b70\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n".getBytes(UTF_8));

        assertThat(calendarBytesAfterRoundTrip(calendar)).isEqualTo(calendar);
    }

    @Test
    void with_a_service_address_the_calendars_organizer_lines_say_sent_by_the_service_and_nothing_else_changes() throws Exception {
        ItipRequest request = aRequest().calendar(fixture("caldav-lf-only-daily.expected.ics")).build();

        byte[] mailed = decoded(calendarPartOf(parse(write(composer, request))));

        assertThat(new String(mailed, UTF_8)).isEqualTo(new String(request.calendar(), UTF_8).replace(
                "ORGANIZER;CN=Ops Team:mailto:ops@example.org\n",
                "ORGANIZER;CN=Ops Team;SENT-BY=\"mailto:mms@service.contoso.com\"\n :mailto:ops@example.org\n"));
    }

    @Test
    void the_invite_ics_attachment_is_the_same_mailed_calendar() throws Exception {
        ComposeImipMessage withAttachment =
                new ComposeImipMessage(CLOCK, Optional.of(SERVICE), ComposeImipMessage.Attachment.INVITE_ICS);

        MimeMessage message = parse(write(withAttachment, aRequest().build()));

        byte[] attached = decoded(((MimeMultipart) message.getContent()).getBodyPart(1));
        assertThat(attached).isEqualTo(decoded(calendarPartOf(message)));
        assertThat(new String(attached, UTF_8)).contains("SENT-BY=\"mailto:mms@service.contoso.com\"");
    }

    @Test
    void without_a_service_address_the_calendar_keeps_the_sent_by_it_had() throws Exception {
        ItipRequest request = aRequest().build();

        byte[] mailed = decoded(calendarPartOf(parse(write(new ComposeImipMessage(CLOCK, Optional.empty()), request))));

        assertThat(mailed).isEqualTo(request.calendar());
        assertThat(new String(mailed, UTF_8)).contains("SENT-BY=\"mailto:mms@contoso.com\"");
    }

    @Test
    void calendar_part_is_sent_as_base64() throws Exception {
        BodyPart calendar = calendarPartOf(parse(write(composer, aRequest().build())));

        assertThat(calendar.getHeader("Content-Transfer-Encoding")).containsExactly("base64");
    }

    @Test
    void quoted_printable_would_turn_an_lf_only_calendar_into_crlf() throws Exception {
        // Why the calendar part is base64: this is what Angus Mail's quoted-printable does.
        byte[] lfOnly = "BEGIN:VCALENDAR\nMETHOD:REQUEST\nEND:VCALENDAR\n".getBytes(UTF_8);
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        try (OutputStream qp = MimeUtility.encode(encoded, "quoted-printable")) {
            qp.write(lfOnly);
        }

        byte[] decoded;
        try (InputStream in = MimeUtility.decode(new ByteArrayInputStream(encoded.toByteArray()), "quoted-printable")) {
            decoded = in.readAllBytes();
        }

        assertThat(new String(decoded, UTF_8)).isEqualTo("BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n");
    }

    // --- header injection ---

    @Test
    void a_display_name_with_a_line_break_never_reaches_a_header() {
        assertThatThrownBy(() -> Mailbox.of("ana@contoso.com", "Ana\r\nBcc: victim@example.net"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Mailbox.of("ana@contoso.com", "Ana\nBcc: victim@example.net"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_subject_with_a_line_break_never_reaches_a_header() {
        assertThatThrownBy(() -> aRequest().subject("Update\r\nBcc: victim@example.net").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> aRequest().subject("Update\nBcc: victim@example.net").build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void header_syntax_inside_a_display_name_stays_inside_that_address() throws Exception {
        Mailbox organizer = Mailbox.of("ana@contoso.com", "Mallory <evil@evil.example>, Bcc: victim@example.net");
        Mailbox attendee = Mailbox.of("bob@contoso.com", "\"Bob\" <bob@evil.example>; To: victim@example.net");

        byte[] eml = write(composer, aRequest().organizer(organizer).attendees(attendee).build());
        MimeMessage message = parse(eml);

        assertThat(message.getFrom()).hasSize(1);
        InternetAddress from = (InternetAddress) message.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("ana@contoso.com");
        assertThat(from.getPersonal()).isEqualTo(organizer.displayName().orElseThrow());
        assertThat(message.getRecipients(Message.RecipientType.TO)).extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly("bob@contoso.com");
        assertThat(message.getHeader("Bcc")).isNull();
        assertThat(headerNames(eml)).doesNotContain("Bcc").containsOnlyOnce("From", "To");
    }

    @Test
    void header_syntax_inside_a_subject_stays_inside_the_subject() throws Exception {
        String subject = "Update Bcc: victim@example.net To: eve@evil.example X-Spam: no";

        byte[] eml = write(composer, aRequest().subject(subject).build());

        assertThat(parse(eml).getSubject()).isEqualTo(subject);
        assertThat(headerNames(eml)).doesNotContain("Bcc", "X-Spam").containsOnlyOnce("Subject", "To");
    }

    // --- helpers ---

    /** Without a service address, so that the calendar part holds exactly the request's bytes. */
    private byte[] calendarBytesAfterRoundTrip(byte[] calendar) throws Exception {
        ItipRequest request = aRequest().calendar(calendar).build();
        return decoded(calendarPartOf(parse(write(new ComposeImipMessage(CLOCK, Optional.empty()), request))));
    }

    static byte[] write(ComposeImipMessage composer, ItipRequest request) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        composer.write(request, out);
        return out.toByteArray();
    }

    static MimeMessage parse(byte[] eml) throws MessagingException {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(eml));
    }

    static MimeMultipart alternativeOf(MimeMessage message) throws Exception {
        BodyPart first = ((MimeMultipart) message.getContent()).getBodyPart(0);
        assertThat(first.getContentType()).startsWith("multipart/alternative");
        return (MimeMultipart) first.getContent();
    }

    static BodyPart calendarPartOf(MimeMessage message) throws Exception {
        MimeMultipart alternative = alternativeOf(message);
        BodyPart last = alternative.getBodyPart(alternative.getCount() - 1);
        assertThat(last.getContentType()).startsWith("text/calendar");
        return last;
    }

    /** The part's bytes after undoing its transfer encoding: what a client hands its calendar parser. */
    static byte[] decoded(BodyPart part) throws Exception {
        try (InputStream in = ((MimeBodyPart) part).getInputStream()) {
            return in.readAllBytes();
        }
    }

    private static List<String> contentTypes(MimeMultipart multipart) throws MessagingException {
        String[] types = new String[multipart.getCount()];
        for (int i = 0; i < types.length; i++) {
            types[i] = new ContentType(multipart.getBodyPart(i).getContentType()).getBaseType();
        }
        return List.of(types);
    }

    private static String charset(BodyPart part) throws MessagingException {
        return new ContentType(part.getContentType()).getParameter("charset");
    }

    /** The top-level header block as written (up to the first empty line). */
    private static String headerBlock(byte[] eml) {
        String text = new String(eml, ISO_8859_1);
        return text.substring(0, text.indexOf("\r\n\r\n") + 2);
    }

    /** One top-level header's raw value, unfolded, not decoded. */
    private static String rawHeader(byte[] eml, String name) {
        for (String line : headerBlock(eml).replace("\r\n ", " ").replace("\r\n\t", "\t").split("\r\n")) {
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).strip();
            }
        }
        throw new AssertionError("no " + name + " header");
    }

    /** The names of the top-level headers as written, one per header line (continuations excluded). */
    private static List<String> headerNames(byte[] eml) {
        return Arrays.stream(headerBlock(eml).split("\r\n"))
                .filter(line -> !line.isEmpty() && line.charAt(0) != ' ' && line.charAt(0) != '\t')
                .map(line -> line.substring(0, line.indexOf(':')))
                .toList();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
