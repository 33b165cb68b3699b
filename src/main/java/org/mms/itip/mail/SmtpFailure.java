package org.mms.itip.mail;

import java.util.List;

/** What one failed SMTP attempt means for the message, as {@link ClassifySmtpFailure} decides. */
sealed interface SmtpFailure {

    /**
     * Some recipients were refused for good (5xx to RCPT TO) and every other one was accepted. Nothing
     * was sent yet (the content is only sent when every recipient is accepted), so the message can go
     * to the accepted ones alone.
     *
     * @param rejected the refused addresses
     * @param reply    the server's reply to the first of them
     */
    record RecipientsRejected(List<String> rejected, String reply) implements SmtpFailure {
        public RecipientsRejected {
            rejected = List.copyOf(rejected);
        }
    }

    /**
     * The connection was gone or broke before the message's content went out: nothing was sent, so a
     * new connection can try again at once. Typical after an idle spell or when a server limits the
     * messages per connection (a 421 reply, or end of stream, to MAIL FROM).
     *
     * @param detail what happened
     */
    record ConnectionLost(String detail) implements SmtpFailure {}

    /**
     * The message was not taken, or may not have been (when the connection broke during or right
     * after its content).
     *
     * @param permanent whether sending the same message again cannot help
     * @param what      what failed, e.g. {@code refused the message for good at MAIL FROM}
     * @param reply     the server's reply, or the error when there was none
     * @param rejected  recipients refused for good at RCPT TO, when that is why (every one of them)
     */
    record NotSent(boolean permanent, String what, String reply, List<String> rejected) implements SmtpFailure {
        public NotSent {
            rejected = List.copyOf(rejected);
        }

        NotSent(boolean permanent, String what, String reply) {
            this(permanent, what, reply, List.of());
        }
    }
}
