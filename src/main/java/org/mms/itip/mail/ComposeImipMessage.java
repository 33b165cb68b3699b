package org.mms.itip.mail;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.mms.directory.TenantId;
import org.mms.itip.AddSentBy;
import org.mms.itip.ItipRequest;
import org.mms.itip.Mailbox;
import org.mms.itip.OrganizerNotice;
import org.mms.itip.OutgoingMessage;

/**
 * Turns an {@link ItipRequest} into an iMIP message (RFC 6047) shaped the way major clients expect:
 *
 * <pre>
 * multipart/mixed
 * ├── multipart/alternative
 * │   ├── text/plain; charset=UTF-8
 * │   ├── text/html; charset=UTF-8                       (when the invitation has HTML)
 * │   └── text/calendar; charset=UTF-8; method=REQUEST   (base64)
 * └── application/ics; name=invite.ics                   (only with {@link Attachment#INVITE_ICS})
 * </pre>
 *
 * The alternative part comes first because Outlook 2007 looks for the calendar only in the first
 * child of {@code multipart/mixed}; the calendar is the last alternative, the richest one.
 *
 * <p>With a service address the message is sent on the organizer's behalf: {@code From} the
 * organizer, {@code Sender} the service, and the mailed calendar's ORGANIZER lines say
 * {@code SENT-BY} the service ({@link AddSentBy}). Otherwise the calendar part holds exactly the
 * request's bytes.
 *
 * <p>A notice to an organizer ({@link OrganizerNotice}) is one {@code text/plain} part, from the organizer to the
 * organizer, with the same {@code Sender} as the updates it announces: it comes from where they will.
 */
public final class ComposeImipMessage {

    /**
     * Whether a copy of the calendar follows as an {@code invite.ics} attachment.
     *
     * <p>The default is {@link #NONE}: this is an update on the organizer's behalf, and Exchange and
     * Outlook, whose messages these replace, send the inline calendar part only. Clients that process
     * invitations (Outlook, Gmail, Apple Mail, Thunderbird) read the inline part; an attachment on top
     * shows up as a second, clickable copy that some of them list as a separate file, and it doubles
     * the calendar bytes in every attendee's mailbox. {@link #INVITE_ICS} is for recipients whose
     * clients ignore inline calendars (some webmail), who can then import the file by hand.
     */
    public enum Attachment { NONE, INVITE_ICS }

    static final String CALENDAR_TYPE = "text/calendar; charset=UTF-8; method=REQUEST";
    static final String ATTACHMENT_TYPE = "application/ics";
    static final String ATTACHMENT_NAME = "invite.ics";

    private static final String UTF_8 = "UTF-8";

    static {
        // Jakarta Mail 2.1 looks up its StreamProvider for every body part and multipart it creates, with a
        // ServiceLoader that reads the class path's jars each time (jakartaee/mail-api#699, #861): a third
        // of the time of composing a message. Naming the provider turns that into a plain class lookup.
        System.getProperties().putIfAbsent("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
    }
    // RFC 5322 §3.3 with a numeric zone; English names whatever the machine's locale.
    private static final DateTimeFormatter MAIL_DATE =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ENGLISH);

    private final Clock clock;
    private final Optional<Mailbox> serviceSender;
    private final Attachment attachment;
    // Only a factory for MimeMessage here: nothing is sent, so no transport properties are needed.
    private final Session session = Session.getInstance(new Properties());

    /** Without an {@code invite.ics} attachment; see {@link Attachment} for why. */
    public ComposeImipMessage(Clock clock, Optional<Mailbox> serviceSender) {
        this(clock, serviceSender, Attachment.NONE);
    }

    /**
     * @param clock         gives the {@code Date} header (and its zone)
     * @param serviceSender the service's own address, written as {@code Sender} ("sent by MMS on
     *                      behalf of the organizer", RFC 5322 §3.6.2); none writes no {@code Sender}
     * @param attachment    whether to add {@code invite.ics}
     */
    public ComposeImipMessage(Clock clock, Optional<Mailbox> serviceSender, Attachment attachment) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.serviceSender = Objects.requireNonNull(serviceSender, "serviceSender");
        this.attachment = Objects.requireNonNull(attachment, "attachment");
    }

    /** The message with all headers final, including its stable Message-ID, for a sender whose tenant is unknown. */
    public MimeMessage compose(OutgoingMessage request) {
        return compose(Optional.empty(), request);
    }

    /**
     * The message with all headers final, including its stable Message-ID: the same for a resend of the
     * same update, different for another tenant's or organizer's meeting with the same UID.
     */
    public MimeMessage compose(Optional<TenantId> tenant, OutgoingMessage request) {
        Objects.requireNonNull(request, "request");
        try {
            MimeMessage message = new ImipMimeMessage(session, messageId(tenant, request));
            message.setFrom(internetAddress(request.organizer()));
            if (serviceSender.isPresent()) {
                message.setSender(internetAddress(serviceSender.get()));
            }
            InternetAddress[] to = new InternetAddress[request.recipients().size()];
            for (int i = 0; i < to.length; i++) {
                to[i] = internetAddress(request.recipients().get(i));
            }
            message.setRecipients(Message.RecipientType.TO, to);
            message.setSubject(request.subject(), UTF_8);
            message.setHeader("Date", MAIL_DATE.format(ZonedDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS)));
            switch (request) {
                case ItipRequest update -> {
                    // Outlook writes this on meeting messages; it files them as meeting requests sooner.
                    message.setHeader("Content-Class", "urn:content-classes:calendarmessage");
                    message.setContent(body(update));
                }
                case OrganizerNotice notice -> message.setText(notice.textBody(), UTF_8, "plain");
            }
            message.saveChanges();
            return message;
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalStateException("could not compose the iMIP message for " + request, e);
        }
    }

    /** Writes the message in RFC 5322 form, as an {@code .eml} file or an SMTP DATA stream holds it. */
    public void write(OutgoingMessage request, OutputStream out) throws IOException {
        write(Optional.empty(), request, out);
    }

    /** Writes the message in RFC 5322 form, as an {@code .eml} file or an SMTP DATA stream holds it. */
    public void write(Optional<TenantId> tenant, OutgoingMessage request, OutputStream out) throws IOException {
        try {
            compose(tenant, request).writeTo(out);
        } catch (MessagingException e) {
            throw new IOException("could not write the iMIP message for " + request, e);
        }
    }

    private MimeMultipart body(ItipRequest request) throws MessagingException {
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(textPart(request.textBody(), "plain"));
        if (request.htmlBody().isPresent()) {
            alternative.addBodyPart(textPart(request.htmlBody().get(), "html"));
        }
        byte[] calendar = mailedCalendar(request);
        alternative.addBodyPart(calendarPart(calendar, CALENDAR_TYPE));

        MimeBodyPart alternativePart = new MimeBodyPart();
        alternativePart.setContent(alternative);
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(alternativePart);
        if (attachment == Attachment.INVITE_ICS) {
            MimeBodyPart file = calendarPart(calendar, ATTACHMENT_TYPE);
            file.setFileName(ATTACHMENT_NAME);
            mixed.addBodyPart(file);
        }
        return mixed;
    }

    /**
     * The request's calendar as it is mailed: with a service address, every VEVENT's ORGANIZER says
     * {@code SENT-BY} that address, as the {@code Sender} header does (one setting, so the two cannot
     * disagree); without one, the request's bytes as they are.
     */
    private byte[] mailedCalendar(ItipRequest request) {
        byte[] calendar = request.calendar();
        return serviceSender.map(sender -> AddSentBy.apply(calendar, sender)).orElse(calendar);
    }

    /** The envelope sender for SMTP: the service address when there is one, so bounces come back to it. */
    Optional<Mailbox> serviceSender() {
        return serviceSender;
    }

    private static MimeBodyPart textPart(String text, String subtype) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        // Jakarta Mail picks 7bit or quoted-printable; body text may be re-wrapped by relays anyway.
        part.setText(text, UTF_8, subtype);
        return part;
    }

    /**
     * The calendar must arrive byte for byte (the golden rule holds for the mailed copy too), so it
     * goes in as bytes, never as a String: a fold may split a UTF-8 sequence, and decoding would turn
     * the halves into U+FFFD.
     *
     * <p>Base64, because it is the only transfer encoding that returns exactly the bytes it was given.
     * Quoted-printable treats line breaks as text: Jakarta Mail writes a bare LF as CRLF, so an
     * LF-only calendar came back with CRLF. 8bit and binary would keep them in a file, but SMTP
     * canonicalises line endings, limits lines to 998 octets and needs 8BITMIME on every hop.
     */
    private static MimeBodyPart calendarPart(byte[] calendar, String contentType) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(calendar, contentType)));
        // After setDataHandler, which drops both headers.
        part.setHeader("Content-Type", contentType);
        part.setHeader("Content-Transfer-Encoding", "base64");
        return part;
    }

    /** The Message-ID {@link #compose} gives the message, without composing it. */
    String messageId(Optional<TenantId> tenant, OutgoingMessage request) {
        return MessageKey.of(tenant, request).messageId(messageIdDomain(request));
    }

    private String messageIdDomain(OutgoingMessage request) {
        return serviceSender.orElse(request.organizer()).domain();
    }

    private static InternetAddress internetAddress(Mailbox mailbox) throws UnsupportedEncodingException {
        // The personal name is quoted, or RFC 2047-encoded when it is not ASCII; Mailbox has already
        // refused line breaks, so neither can end the header.
        return new InternetAddress(mailbox.address(), mailbox.displayName().orElse(null), UTF_8);
    }
}
