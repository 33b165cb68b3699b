package org.mms.itip.mail;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mms.itip.mail.ComposeImipMessageTest.alternativeOf;
import static org.mms.itip.mail.ComposeImipMessageTest.calendarPartOf;
import static org.mms.itip.mail.ComposeImipMessageTest.decoded;
import static org.mms.testing.ItipRequests.aRequest;
import static org.mms.testing.ItipRequests.fixture;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mms.itip.Delivery;
import org.mms.itip.ItipRequest;
import org.mms.itip.Mailbox;

/** What arrives at a real SMTP server (GreenMail, started per test by its JUnit extension), parsed back with Angus Mail. */
class SmtpMailerTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T08:30:00Z"), ZoneOffset.UTC);
    static final Mailbox SERVICE = Mailbox.of("mms@service.contoso.com", "Meeting Migration Service");

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @Test
    void each_attendee_gets_one_copy_from_the_organizer_sent_by_the_service_with_unicode_names_and_subject() throws Exception {
        ItipRequest request = aRequest().build();

        try (SmtpMailer mailer = mailer(Optional.of(SERVICE))) {
            assertThat(mailer.send(request)).isEqualTo(Delivery.accepted());
        }

        MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
        assertThat(received).hasSize(2);
        for (MimeMessage message : received) {
            assertThat(message.getFrom()).containsExactly(new InternetAddress("ana.ortiz@contoso.com", "Ana Ortiz", "UTF-8"));
            InternetAddress sender = (InternetAddress) message.getSender();
            assertThat(sender.getAddress()).isEqualTo("mms@service.contoso.com");
            assertThat(sender.getPersonal()).isEqualTo("Meeting Migration Service");
            assertThat(Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(SmtpMailerTest::nameAndAddress))
                    .containsExactly("Jürgen Müller <juergen.mueller@contoso.com>", "王 小明 <xiaoming.wang@contoso.com>");
            assertThat(message.getSubject()).isEqualTo("Wöchentliche Abstimmung 🗓️ 週次定例");
        }
        assertThat(inboxSize("juergen.mueller@contoso.com")).isEqualTo(1);
        assertThat(inboxSize("xiaoming.wang@contoso.com")).isEqualTo(1);
    }

    @Test
    void the_envelope_sender_is_the_service_address_so_bounces_go_to_the_service() throws Exception {
        try (SmtpMailer mailer = mailer(Optional.of(SERVICE))) {
            mailer.send(aRequest().build());
        }

        for (MimeMessage message : GREEN_MAIL.getReceivedMessages()) {
            assertThat(message.getHeader("Return-Path")).containsExactly("<mms@service.contoso.com>");
        }
    }

    @Test
    void the_calendar_part_says_method_request_and_differs_from_the_request_only_by_sent_by() throws Exception {
        ItipRequest request = aRequest().build();

        try (SmtpMailer mailer = mailer(Optional.of(SERVICE))) {
            mailer.send(request);
        }

        BodyPart calendar = calendarPartOf(GREEN_MAIL.getReceivedMessages()[0]);
        assertThat(new ContentType(calendar.getContentType()).getParameter("method")).isEqualTo("REQUEST");
        String original = "ORGANIZER;CN=Ana Ortiz;SENT-BY=\"mailto:mms@contoso.com\":mailto:ana.ortiz@co\r\n ntoso.com\r\n";
        String mailed = "ORGANIZER;CN=Ana Ortiz;SENT-BY=\"mailto:mms@service.contoso.com\"\r\n :mailto:ana.ortiz@co\r\n ntoso.com\r\n";
        assertThat(new String(decoded(calendar), UTF_8)).isEqualTo(new String(request.calendar(), UTF_8).replace(original, mailed));
    }

    @Test
    void an_lf_only_calendar_arrives_lf_only_with_sent_by_added() throws Exception {
        ItipRequest request = aRequest().calendar(fixture("caldav-lf-only-daily.expected.ics")).build();

        try (SmtpMailer mailer = mailer(Optional.of(SERVICE))) {
            mailer.send(request);
        }

        byte[] mailed = decoded(calendarPartOf(GREEN_MAIL.getReceivedMessages()[0]));
        assertThat(new String(mailed, UTF_8)).isEqualTo(new String(request.calendar(), UTF_8).replace(
                "ORGANIZER;CN=Ops Team:mailto:ops@example.org\n",
                "ORGANIZER;CN=Ops Team;SENT-BY=\"mailto:mms@service.contoso.com\"\n :mailto:ops@example.org\n"));
    }

    @Test
    void without_a_service_address_the_organizer_is_the_envelope_sender_and_the_calendar_is_exactly_the_requests() throws Exception {
        ItipRequest request = aRequest().build();

        try (SmtpMailer mailer = mailer(Optional.empty())) {
            mailer.send(request);
        }

        MimeMessage message = GREEN_MAIL.getReceivedMessages()[0];
        assertThat(message.getHeader("Return-Path")).containsExactly("<ana.ortiz@contoso.com>");
        assertThat(message.getSender()).isNull();
        assertThat(decoded(calendarPartOf(message))).isEqualTo(request.calendar());
    }

    @Test
    void text_and_html_bodies_and_the_stable_message_id_arrive() throws Exception {
        ItipRequest request = aRequest().textBody("Neue Einwahl 📞\r\n").htmlBody("<p>Neue Einwahl 📞</p>").build();

        try (SmtpMailer mailer = mailer(Optional.of(SERVICE))) {
            mailer.send(request);
        }

        MimeMessage message = GREEN_MAIL.getReceivedMessages()[0];
        assertThat(alternativeOf(message).getBodyPart(0).getContent()).isEqualTo("Neue Einwahl 📞\r\n");
        assertThat(alternativeOf(message).getBodyPart(1).getContent()).isEqualTo("<p>Neue Einwahl 📞</p>");
        assertThat(message.getMessageID())
                .isEqualTo(new ComposeImipMessage(CLOCK, Optional.of(SERVICE)).compose(request).getMessageID());
    }

    @Test
    void mailers_for_several_senders_each_deliver_and_keep_one_rate_limit_between_them() throws Exception {
        SmtpSettings fourPerSecond = new SmtpSettings("127.0.0.1", GREEN_MAIL.getSmtp().getPort(), SmtpSettings.Security.NONE,
                Optional.empty(), Duration.ofSeconds(10), Duration.ofSeconds(10), 4);
        java.util.List<SmtpMailer> mailers = SmtpMailer.sharingRateLimit(fourPerSecond, new ComposeImipMessage(CLOCK, Optional.of(SERVICE)), 3);

        long start = System.nanoTime();
        for (int i = 0; i < mailers.size(); i++) {
            assertThat(mailers.get(i).send(aRequest().uid("uid-" + i).build())).isEqualTo(Delivery.accepted());
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        mailers.forEach(SmtpMailer::close);

        assertThat(GREEN_MAIL.getReceivedMessages()).as("two attendees for each of three messages").hasSize(6);
        // Three sends through three connections at four per second: two full intervals between them, as on one connection.
        assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(500));
    }

    private static SmtpMailer mailer(Optional<Mailbox> service) {
        SmtpSettings settings = new SmtpSettings("127.0.0.1", GREEN_MAIL.getSmtp().getPort(), SmtpSettings.Security.NONE,
                Optional.empty(), Duration.ofSeconds(10), Duration.ofSeconds(10), 1_000);
        return new SmtpMailer(settings, new ComposeImipMessage(CLOCK, service));
    }

    private static String nameAndAddress(Address address) {
        InternetAddress internet = (InternetAddress) address;
        return internet.getPersonal() + " <" + internet.getAddress() + ">";
    }

    /** How many copies went to {@code email}'s mailbox: GreenMail files one per RCPT TO. */
    static int inboxSize(String email) throws Exception {
        GreenMailUser user = GREEN_MAIL.getUserManager().getUserByEmail(email);
        return user == null ? 0 : GREEN_MAIL.getManagers().getImapHostManager().getInbox(user).getMessageCount();
    }
}
