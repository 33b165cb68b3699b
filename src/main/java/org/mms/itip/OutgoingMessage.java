package org.mms.itip;

import java.util.List;

/**
 * A message the outbox holds and a {@link Mailer} sends: an update to a meeting's attendees ({@link ItipRequest}), or a
 * plain-text notice to an organizer that their meetings are about to be updated ({@link OrganizerNotice}).
 *
 * <p>{@code (organizer, uid, sequence)} identifies a message: a resend of the same one is the same message.
 */
public sealed interface OutgoingMessage permits ItipRequest, OrganizerNotice {

    /** What names the message among the organizer's: the meeting's UID for an update. */
    String uid();

    /** The update's SEQUENCE; 0 for a notice. */
    int sequence();

    /** Who the message is from ({@code From}); sent on their behalf when the service has an address of its own. */
    Mailbox organizer();

    /** Who receives it, at least one. */
    List<Mailbox> recipients();

    /** The mail subject, one line. */
    String subject();

    /** The plain-text body. */
    String textBody();
}
