package org.mms.itip.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.io.IOException;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * The one place that decides what an SMTP failure means. The rules:
 *
 * <table>
 *   <caption>SMTP failures and what they mean for the message</caption>
 *   <tr><th>failure</th><th>meaning</th></tr>
 *   <tr><td>opening the session fails: connect, greeting, STARTTLS or TLS, login (any reply code)</td>
 *       <td>transient: it says nothing about the message, and an admin's fix makes every queued message
 *       deliverable; marking them failed for good would bury the whole outbox</td></tr>
 *   <tr><td>5xx to MAIL FROM, DATA or the end of the content</td><td>permanent</td></tr>
 *   <tr><td>530, 534, 535, 538 (login required, too weak, refused, needs TLS: RFC 4954) anywhere</td>
 *       <td>transient, as a login failure</td></tr>
 *   <tr><td>5xx to RCPT TO for some recipients, 2xx for all others</td>
 *       <td>partial: send to the accepted ones, report the refused ones</td></tr>
 *   <tr><td>5xx to RCPT TO for every recipient</td><td>permanent</td></tr>
 *   <tr><td>4xx to RCPT TO for any recipient</td><td>transient for the whole message: nobody got it, all
 *       get it on the next try</td></tr>
 *   <tr><td>other 4xx</td><td>transient</td></tr>
 *   <tr><td>421, end of stream, I/O error or timeout before the content went out</td>
 *       <td>connection lost: nothing was sent, try once more on a new connection</td></tr>
 *   <tr><td>the same during or after the content</td><td>transient (the server may have it; a resend
 *       keeps the Message-ID)</td></tr>
 *   <tr><td>anything else</td><td>transient</td></tr>
 * </table>
 */
final class ClassifySmtpFailure {

    /** Replies about the session's login (RFC 4954 §6), not about the message. */
    private static final Set<Integer> LOGIN_REPLIES = Set.of(530, 534, 535, 538);
    /** "Service not available, closing transmission channel". */
    private static final int CLOSING = 421;
    /** What Angus reports when the server closed the stream instead of replying. */
    private static final int END_OF_STREAM = -1;

    private ClassifySmtpFailure() {}

    /** Whether a reply code to a message's commands means sending the same message again cannot help. */
    static boolean permanent(int replyCode) {
        return replyCode >= 500 && replyCode <= 599 && !LOGIN_REPLIES.contains(replyCode);
    }

    /** A failure to open a session. Never permanent: see the table. */
    static SmtpFailure.NotSent connecting(Exception e) {
        if (e instanceof AuthenticationFailedException) {
            return new SmtpFailure.NotSent(false, "refused the login; check the SMTP username and password", reply(e));
        }
        if (has(e, SSLException.class) || has(e, CertificateException.class)
                || String.valueOf(e.getMessage()).contains("convert socket to TLS")) {
            return new SmtpFailure.NotSent(false, "could not set up TLS; the server's certificate must be trusted by"
                    + " the JDK's trust store and name the configured host", innermost(e));
        }
        if (String.valueOf(e.getMessage()).contains("STARTTLS is required")) {
            return new SmtpFailure.NotSent(false, "does not offer STARTTLS, which the settings require; nothing was"
                    + " sent in clear", reply(e));
        }
        if (has(e, IOException.class)) {
            return new SmtpFailure.NotSent(false, "could not be reached", innermost(e));
        }
        return new SmtpFailure.NotSent(false, "did not open a session", reply(e));
    }

    /**
     * A failure while sending one message on an open session.
     *
     * @param contentStarted whether the server had said to go ahead with the content (354 to DATA)
     * @param recipients     how many recipients this attempt named
     */
    static SmtpFailure sending(Exception e, boolean contentStarted, int recipients) {
        if (e instanceof IllegalStateException) {
            // Angus closed the connection after an earlier I/O error: nothing of this message went out.
            return new SmtpFailure.ConnectionLost("the connection was closed");
        }
        if (e instanceof SMTPSendFailedException failed) {
            return reply(failed.getReturnCode(), stage(failed.getCommand()), reply(e), contentStarted);
        }
        if (e instanceof SMTPAddressFailedException failed) {
            // A reply to RCPT TO that Angus could not place (end of stream, 1xx, 3xx…).
            return reply(failed.getReturnCode(), "RCPT TO", reply(e), contentStarted);
        }
        if (e instanceof SendFailedException failed) {
            return recipients(failed, recipients, contentStarted);
        }
        if (has(e, IOException.class)) {
            return lost(contentStarted, innermost(e));
        }
        return new SmtpFailure.NotSent(false, "failed to take the message", reply(e));
    }

    private static SmtpFailure reply(int code, String stage, String reply, boolean contentStarted) {
        if (code == CLOSING || code == END_OF_STREAM) {
            return lost(contentStarted, stage + ": " + reply);
        }
        if (LOGIN_REPLIES.contains(code)) {
            return new SmtpFailure.NotSent(false, "asks for a login at " + stage + "; check the SMTP username and"
                    + " password", reply);
        }
        return permanent(code)
                ? new SmtpFailure.NotSent(true, "refused the message for good at " + stage, reply)
                : new SmtpFailure.NotSent(false, "did not take the message at " + stage, reply);
    }

    /** Angus stops before DATA when any RCPT TO fails (mail.smtp.sendpartial is off), so nobody got it yet. */
    private static SmtpFailure recipients(SendFailedException failed, int recipients, boolean contentStarted) {
        List<SMTPAddressFailedException> refusals = addressFailures(failed);
        if (refusals.isEmpty()) {
            return new SmtpFailure.NotSent(false, "did not take the recipients", reply(failed));
        }
        for (SMTPAddressFailedException refusal : refusals) {
            if (!permanent(refusal.getReturnCode())) {
                SmtpFailure meaning = reply(refusal.getReturnCode(), "RCPT TO", reply(refusal), contentStarted);
                return meaning instanceof SmtpFailure.NotSent notSent
                        ? new SmtpFailure.NotSent(false, notSent.what() + " for " + refusal.getAddress().getAddress(),
                                notSent.reply())
                        : meaning;
            }
        }
        List<String> rejected = refusals.stream().map(refusal -> refusal.getAddress().getAddress()).toList();
        String reply = reply(refusals.getFirst());
        if (rejected.size() >= recipients) {
            return new SmtpFailure.NotSent(true, "refused every recipient for good at RCPT TO", reply, rejected);
        }
        return new SmtpFailure.RecipientsRejected(rejected, reply);
    }

    private static SmtpFailure lost(boolean contentStarted, String detail) {
        if (!contentStarted) {
            return new SmtpFailure.ConnectionLost(detail);
        }
        return new SmtpFailure.NotSent(false, "lost the connection during or after the content, so it may have"
                + " the message (a resend keeps its Message-ID)", detail);
    }

    private static List<SMTPAddressFailedException> addressFailures(MessagingException e) {
        List<SMTPAddressFailedException> failures = new ArrayList<>();
        Exception next = e.getNextException();
        while (next != null) {
            if (next instanceof SMTPAddressFailedException failure) {
                failures.add(failure);
            }
            next = next instanceof MessagingException chained ? chained.getNextException() : null;
        }
        return failures;
    }

    private static String stage(String command) {
        if (command == null) {
            return "an unknown command";
        }
        String upper = command.toUpperCase(Locale.ROOT);
        if (upper.startsWith("MAIL FROM")) {
            return "MAIL FROM";
        }
        if (upper.equals(".")) {
            return "the end of the content";
        }
        return upper.length() > 20 ? upper.substring(0, 20) : upper;
    }

    private static boolean has(Throwable e, Class<? extends Throwable> kind) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (kind.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The deepest cause's message: the one that says what really happened ("Connection refused", "PKIX path…"). */
    private static String innermost(Throwable e) {
        Throwable deepest = e;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        String message = deepest.getMessage() == null ? deepest.getClass().getSimpleName() : deepest.getMessage();
        return deepest == e ? oneLine(message) : oneLine(e.getMessage() + ": " + message);
    }

    /** The server's reply (or the error's text) on one line. */
    private static String reply(Exception e) {
        return oneLine(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " / ");
    }
}
