package org.mms.itip;

import java.util.List;
import java.util.Objects;

/**
 * A plain-text message to an organizer, sent before a migration updates their meetings: which meetings, and when the
 * updates go out. It goes from and to the organizer, as the updates go from them; {@link #uid()} names it by the
 * migration, so a resend is the same message.
 *
 * @param migration the correlation id of the migration it announces
 * @param organizer who it is from and to
 * @param subject   the mail subject, one line
 * @param textBody  the body, lines of printable text
 */
public record OrganizerNotice(String migration, Mailbox organizer, String subject, String textBody) implements OutgoingMessage {

    /** Prefixes {@link #uid()}, which no meeting's UID in an update shares with the same message key. */
    public static final String UID_PREFIX = "mms-notice-";

    public OrganizerNotice {
        Objects.requireNonNull(migration, "migration");
        Objects.requireNonNull(organizer, "organizer");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(textBody, "textBody");
        if (migration.isBlank() || textBody.isBlank()) {
            throw new IllegalArgumentException("a notice names its migration and has a body");
        }
        Mailbox.requireHeaderSafe("subject", subject);
    }

    /** Restores a notice from {@link #uid()} as stored. */
    public static OrganizerNotice of(String uid, Mailbox organizer, String subject, String textBody) {
        if (!uid.startsWith(UID_PREFIX)) {
            throw new IllegalArgumentException("not the UID of a notice: " + uid);
        }
        return new OrganizerNotice(uid.substring(UID_PREFIX.length()), organizer, subject, textBody);
    }

    @Override
    public String uid() {
        return UID_PREFIX + migration;
    }

    @Override
    public int sequence() {
        return 0;
    }

    @Override
    public List<Mailbox> recipients() {
        return List.of(organizer);
    }
}
