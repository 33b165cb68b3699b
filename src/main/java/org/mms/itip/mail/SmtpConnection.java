package org.mms.itip.mail;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.OutputStream;
import java.util.List;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * One open SMTP session that messages are sent over one after another, and that knows, for the
 * message being sent, whether its content has started to go out. That is the line between "nothing
 * was sent, try again on a new connection" and "the server may have it".
 */
final class SmtpConnection implements AutoCloseable {

    private final Transport transport;

    private SmtpConnection(Transport transport) {
        this.transport = transport;
    }

    /**
     * Connects, says EHLO, upgrades with STARTTLS or starts in TLS as the session's properties say, and
     * logs in when a login is given.
     */
    static SmtpConnection open(Session session, String protocol, SmtpSettings settings) throws MessagingException {
        Transport transport = new Transport(session, new URLName(protocol, settings.host(), settings.port(), null, null, null),
                protocol, settings.security() == SmtpSettings.Security.TLS);
        String username = settings.login().map(SmtpSettings.Login::username).orElse(null);
        String password = settings.login().map(SmtpSettings.Login::password).orElse(null);
        transport.connect(settings.host(), settings.port(), username, password);
        return new SmtpConnection(transport);
    }

    /** Sends one message in one mail transaction (MAIL FROM, RCPT TO for each recipient, DATA). */
    void send(MimeMessage message, List<InternetAddress> recipients) throws MessagingException {
        transport.contentStarted = false;
        transport.sendMessage(message, recipients.toArray(Address[]::new));
    }

    /** Whether the server said to go ahead with the current message's content (354 to DATA). */
    boolean contentStarted() {
        return transport.contentStarted;
    }

    /**
     * Whether the connection is still open on our side. Angus closes it after an I/O error; a server
     * that dropped it unnoticed shows up on the next command instead (see {@link ClassifySmtpFailure}).
     * No NOOP round trip here: that would cost as much as a small message.
     */
    boolean isOpen() {
        return transport.isOpenLocally();
    }

    /** Says QUIT (without waiting for the reply) and closes; never fails. */
    @Override
    public void close() {
        try {
            transport.close();
        } catch (MessagingException e) {
            // Closing anyway; there is nothing to do about a QUIT that did not go through.
        }
    }

    /**
     * Angus's transport, extended only to note when the content starts. {@code data()} is the
     * documented extension point for that; BDAT (CHUNKING) is never used because
     * {@code mail.smtp.chunksize} is not set.
     */
    private static final class Transport extends SMTPTransport {

        private volatile boolean contentStarted;

        Transport(Session session, URLName url, String protocol, boolean tls) {
            super(session, url, protocol, tls);
        }

        @Override
        protected OutputStream data() throws MessagingException {
            OutputStream content = super.data(); // returns only after the server's 354
            contentStarted = true;
            return content;
        }

        boolean isOpenLocally() {
            try {
                checkConnected(); // no I/O, unlike isConnected(), which sends NOOP
                return true;
            } catch (IllegalStateException e) {
                return false;
            }
        }
    }
}
