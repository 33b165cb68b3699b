package org.mms.itip;

import java.util.List;
import java.util.Objects;

/**
 * The mail system did not take the message, or may not have: nobody got it from this attempt.
 *
 * <p>{@link #permanent()} says whether sending it again can help. Permanent: the server refused this
 * message for good (an SMTP 5xx reply to it, or every recipient refused with 5xx); sending it again
 * would get the same answer. Transient: anything an unchanged message can get past later, including a
 * server that is down or a login that is refused, which an admin can fix without touching the message.
 *
 * <p>The message text is meant for an admin (it is what the outbox records): what failed, and the
 * server's reply where there is one. It never holds a password.
 */
public final class MailRejectedException extends RuntimeException {

    private final boolean permanent;
    private final List<String> rejectedRecipients;
    private final String reply;

    /**
     * @param permanent         whether sending the same message again cannot help
     * @param rejectedRecipients recipients the server refused for good (may be empty)
     * @param reply             the server's reply, or a short description when there was none
     * @param message           what failed, for an admin
     * @param cause             the underlying failure, if any
     */
    public MailRejectedException(
            boolean permanent, List<String> rejectedRecipients, String reply, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.permanent = permanent;
        this.rejectedRecipients = List.copyOf(rejectedRecipients);
        this.reply = Objects.requireNonNull(reply, "reply");
    }

    public boolean permanent() {
        return permanent;
    }

    public List<String> rejectedRecipients() {
        return rejectedRecipients;
    }

    public String reply() {
        return reply;
    }
}
