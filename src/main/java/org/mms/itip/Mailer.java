package org.mms.itip;

import java.util.Optional;
import org.mms.directory.TenantId;

/**
 * Hands an iTIP REQUEST over for delivery to its attendees, or a notice to its organizer. Adapters: a pickup directory (the
 * embedded default) and SMTP.
 *
 * <p>A migration that crashes after sending may send the same request again when it resumes, so an
 * adapter must keep a resend of the same {@code (uid, sequence)} recognizable as the same message
 * (same Message-ID, or the same pickup file).
 */
public interface Mailer {

    /**
     * @return how the message went: to everyone, or to all but some recipients the mail system refused
     *         for good; either way it must not be sent again
     * @throws MailRejectedException when the mail system did not take it, saying whether trying again can help
     * @throws java.io.UncheckedIOException when the message could not be handed over (try again later)
     */
    Delivery send(OutgoingMessage request);

    /**
     * The same for a message queued by a tenant: an adapter that names messages (Message-ID, file name)
     * makes the tenant part of the name, so two tenants' meetings with the same UID never share one.
     */
    default Delivery send(Optional<TenantId> tenant, OutgoingMessage request) {
        return send(request);
    }

    /**
     * The sender has nothing more to send for now. An adapter that keeps a connection open from one
     * message to the next (SMTP) closes it here rather than leave it idle until the server drops it.
     */
    default void endRound() {}
}
