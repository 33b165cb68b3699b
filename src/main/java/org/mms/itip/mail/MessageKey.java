package org.mms.itip.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.mms.itip.ItipRequest;

/**
 * What makes a mailed update the same message when it is sent again: the meeting's UID and the
 * SEQUENCE it carries. The UID is hashed because it can be long and may hold characters that are
 * not safe in a Message-ID or a file name (Outlook UIDs are 112 hex digits; others contain
 * {@code /}, {@code @} or spaces). 64 bits of SHA-256 are plenty to tell one organizer's meetings
 * apart.
 *
 * @param uidHash  the first 16 hex digits of SHA-256 over the UTF-8 UID
 * @param sequence the update's SEQUENCE
 */
record MessageKey(String uidHash, int sequence) {

    static MessageKey of(ItipRequest request) {
        return new MessageKey(hex16(request.uid()), request.sequence());
    }

    /** {@code <hex16.sequence@domain>} (RFC 5322 §3.6.4). */
    String messageId(String domain) {
        return "<" + uidHash + "." + sequence + "@" + domain + ">";
    }

    /** {@code hex16-sequence.eml}: only lower-case hex, digits, a hyphen and a dot. */
    String fileName() {
        return uidHash + "-" + sequence + ".eml";
    }

    private static String hex16(String uid) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(uid.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(Arrays.copyOf(digest, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
