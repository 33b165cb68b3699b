package org.mms.itip;

/**
 * Hands an iTIP REQUEST over for delivery to its attendees. Adapters: a pickup directory (the
 * embedded default) and SMTP.
 *
 * <p>A migration that crashes after sending may send the same request again when it resumes, so an
 * adapter must keep a resend of the same {@code (uid, sequence)} recognizable as the same message
 * (same Message-ID, or the same pickup file).
 */
public interface Mailer {

    /** @throws java.io.UncheckedIOException when the message could not be handed over */
    void send(ItipRequest request);
}
