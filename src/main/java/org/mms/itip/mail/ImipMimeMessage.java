package org.mms.itip.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * A MimeMessage that keeps the Message-ID we chose. Jakarta Mail replaces Message-ID with a random
 * one on every {@code saveChanges()}, and {@code writeTo} calls it; a random ID would make a resend
 * of the same update look like a new message.
 */
final class ImipMimeMessage extends MimeMessage {

    private final String messageId;

    ImipMimeMessage(Session session, String messageId) {
        super(session);
        this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
    }
}
