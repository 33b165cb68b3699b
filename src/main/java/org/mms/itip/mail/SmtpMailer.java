package org.mms.itip.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.SSLSocketFactory;
import org.mms.directory.TenantId;
import org.mms.itip.Delivery;
import org.mms.itip.OutgoingMessage;
import org.mms.itip.MailRejectedException;
import org.mms.itip.Mailbox;
import org.mms.itip.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends iMIP messages over SMTP with Angus Mail: the message {@link ComposeImipMessage} builds, from
 * the service address as envelope sender when there is one (so bounces come back to the service, not
 * to the organizer), to the request's attendees.
 *
 * <p>One connection serves a whole sending round and is closed at {@link #endRound()}: opening one
 * costs a TCP and TLS handshake, a greeting and a login, which is most of the time of a small message.
 * A connection the server dropped in the meantime is noticed on the next message's first command and
 * replaced once, which is safe because nothing of that message went out yet.
 *
 * <p>Messages are spaced to at most {@link SmtpSettings#maxMessagesPerSecond()}. Recipients the server
 * refuses for good are left out and reported (the message goes to the others); what every other
 * failure means is decided in {@link ClassifySmtpFailure}. Certificates are checked against the JDK's
 * trust store and the host name against the certificate; there is no switch to turn either off.
 *
 * <p>Thread-safe: sends are serialized, as they are on one SMTP connection anyway.
 */
public final class SmtpMailer implements Mailer, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpMailer.class);

    private final SmtpSettings settings;
    private final ComposeImipMessage composer;
    private final RateLimit rateLimit;
    private final Session session;
    private final String protocol;
    private final ReentrantLock lock = new ReentrantLock();
    private SmtpConnection connection;

    /**
     * @param settings the server and how to reach it
     * @param composer builds the messages; its service address, when it has one, is the envelope sender
     */
    public SmtpMailer(SmtpSettings settings, ComposeImipMessage composer) {
        this(settings, composer, Optional.empty(), RateLimit.perSecond(settings.maxMessagesPerSecond()));
    }

    /**
     * {@code count} mailers for as many sender threads, each with its own connection, all spaced by one
     * rate limit of {@link SmtpSettings#maxMessagesPerSecond()} together.
     */
    public static List<SmtpMailer> sharingRateLimit(SmtpSettings settings, ComposeImipMessage composer, int count) {
        RateLimit shared = RateLimit.perSecond(settings.maxMessagesPerSecond());
        List<SmtpMailer> mailers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            mailers.add(new SmtpMailer(settings, composer, Optional.empty(), shared));
        }
        return mailers;
    }

    /**
     * For tests only: {@code tlsSocketFactory} trusts a test server's own certificate instead of the
     * JDK's trust store (the host name is still checked), and {@code rateLimit} runs on a test's time.
     */
    SmtpMailer(SmtpSettings settings, ComposeImipMessage composer, Optional<SSLSocketFactory> tlsSocketFactory,
            RateLimit rateLimit) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.composer = Objects.requireNonNull(composer, "composer");
        this.rateLimit = Objects.requireNonNull(rateLimit, "rateLimit");
        this.protocol = settings.security() == SmtpSettings.Security.TLS ? "smtps" : "smtp";
        this.session = Session.getInstance(properties(settings, protocol, composer.serviceSender(), tlsSocketFactory));
    }

    @Override
    public Delivery send(OutgoingMessage request) {
        return send(Optional.empty(), request);
    }

    @Override
    public Delivery send(Optional<TenantId> tenant, OutgoingMessage request) {
        Objects.requireNonNull(request, "request");
        MimeMessage message = composer.compose(tenant, request);
        List<InternetAddress> recipients = envelopeRecipients(request);
        lock.lock();
        try {
            awaitTurn();
            return deliver(message, recipients);
        } finally {
            lock.unlock();
        }
    }

    /** Closes the connection; the next message opens a new one. */
    @Override
    public void endRound() {
        lock.lock();
        try {
            if (connection != null) {
                connection.close();
                connection = null;
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        endRound();
    }

    /**
     * Connects, protects the connection and logs in as the settings say, then disconnects: whether they
     * work, before any message depends on it.
     *
     * @throws MailRejectedException saying what failed (unreachable, TLS, login refused), never the password
     */
    public void checkLogin() {
        lock.lock();
        try {
            connection();
            drop();
        } finally {
            lock.unlock();
        }
    }

    /** The server and account, never the password. */
    @Override
    public String toString() {
        return "SmtpMailer[" + settings.describe() + "]";
    }

    /**
     * One message: sent again on a new connection once if the old one turns out to be gone, and again
     * without the recipients the server refused for good, until it is taken or fails.
     */
    private Delivery deliver(MimeMessage message, List<InternetAddress> recipients) {
        List<InternetAddress> remaining = new ArrayList<>(recipients);
        List<String> rejected = new ArrayList<>();
        String rejectionReply = "";
        boolean reconnected = false;
        while (true) {
            SmtpConnection open = connection();
            try {
                open.send(message, remaining);
                return rejected.isEmpty() ? Delivery.accepted() : new Delivery.PartlyRejected(rejected, rejectionReply);
            } catch (MessagingException | IllegalStateException e) {
                switch (ClassifySmtpFailure.sending(e, open.contentStarted(), remaining.size())) {
                    case SmtpFailure.RecipientsRejected some -> {
                        if (!remaining.removeIf(address -> some.rejected().contains(address.getAddress()))) {
                            // Cannot happen with Angus, which names the addresses it was given; but a loop
                            // that removes nobody would never end.
                            throw rejection(false, rejected, some.reply(), "refused recipients it was not sent", e);
                        }
                        rejected.addAll(some.rejected());
                        rejectionReply = some.reply();
                        LOG.debug("{} refused {} ({}); sending to the other recipients", settings.describe(), some.rejected(),
                                some.reply());
                    }
                    case SmtpFailure.ConnectionLost lost -> {
                        drop();
                        if (reconnected) {
                            throw rejection(false, rejected, lost.detail(), "lost the connection twice before the content", e);
                        }
                        LOG.debug("{}: connection lost before the content ({}); sending again on a new one",
                                settings.describe(), lost.detail());
                        reconnected = true;
                    }
                    case SmtpFailure.NotSent notSent -> {
                        if (!open.isOpen()) {
                            drop();
                        }
                        List<String> allRejected = new ArrayList<>(rejected);
                        allRejected.addAll(notSent.rejected());
                        throw rejection(notSent.permanent(), allRejected, notSent.reply(), notSent.what(), e);
                    }
                }
            }
        }
    }

    /** The open connection, or a new one. */
    private SmtpConnection connection() {
        if (connection != null && connection.isOpen()) {
            return connection;
        }
        drop();
        try {
            connection = SmtpConnection.open(session, protocol, settings);
            LOG.debug("connected to {}", settings.describe());
            return connection;
        } catch (MessagingException | RuntimeException e) {
            SmtpFailure.NotSent failure = ClassifySmtpFailure.connecting(e);
            throw rejection(false, List.of(), failure.reply(), failure.what(), e);
        }
    }

    private void drop() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    private void awaitTurn() {
        try {
            rateLimit.awaitTurn();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MailRejectedException(false, List.of(), "interrupted",
                    "interrupted while waiting for the rate limit; nothing was sent", e);
        }
    }

    private MailRejectedException rejection(boolean permanent, List<String> rejected, String reply, String what, Exception cause) {
        String message = "SMTP server " + settings.describe() + " " + what + ": " + reply;
        // The cause is Angus's exception, whose text is the server's reply: it never holds the password.
        return new MailRejectedException(permanent, rejected, reply, message, cause);
    }

    private static List<InternetAddress> envelopeRecipients(OutgoingMessage request) {
        List<InternetAddress> recipients = new ArrayList<>(request.recipients().size());
        for (Mailbox attendee : request.recipients()) {
            try {
                recipients.add(new InternetAddress(attendee.address(), true));
            } catch (AddressException e) {
                throw new IllegalStateException("Mailbox accepted an address Jakarta Mail refuses: " + attendee.address(), e);
            }
        }
        return recipients;
    }

    /**
     * The session's properties. Everything that matters is set explicitly rather than left to Angus's
     * defaults, so that reading this method tells what the connection does.
     */
    static Properties properties(SmtpSettings settings, String protocol, Optional<Mailbox> envelopeSender,
            Optional<SSLSocketFactory> tlsSocketFactory) {
        String p = "mail." + protocol + ".";
        Properties props = new Properties();
        props.setProperty(p + "host", settings.host());
        props.setProperty(p + "port", Integer.toString(settings.port()));
        props.setProperty(p + "connectiontimeout", Long.toString(settings.connectTimeout().toMillis()));
        props.setProperty(p + "timeout", Long.toString(settings.readTimeout().toMillis()));
        // Without it a write to a server that stopped reading blocks for as long as TCP keeps trying.
        props.setProperty(p + "writetimeout", Long.toString(settings.readTimeout().toMillis()));
        props.setProperty(p + "auth", Boolean.toString(settings.login().isPresent()));
        // Any refused recipient stops the transaction before DATA; ClassifySmtpFailure then decides
        // whether to send again without the refused ones, so a 4xx never leaves someone out for good.
        props.setProperty(p + "sendpartial", "false");
        // Nothing to learn from QUIT's reply, and waiting for it would hold up the end of a round.
        props.setProperty(p + "quitwait", "false");
        envelopeSender.ifPresent(sender -> props.setProperty(p + "from", sender.address()));
        props.setProperty(p + "starttls.enable", Boolean.toString(settings.security() == SmtpSettings.Security.STARTTLS));
        props.setProperty(p + "starttls.required", Boolean.toString(settings.security() == SmtpSettings.Security.STARTTLS));
        props.setProperty(p + "ssl.checkserveridentity", "true");
        tlsSocketFactory.ifPresent(factory -> props.put(p + "ssl.socketFactory", factory));
        props.setProperty("mail.debug.auth", "false");
        return props;
    }
}
