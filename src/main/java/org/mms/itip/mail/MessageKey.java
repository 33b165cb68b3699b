package org.mms.itip.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.mms.directory.TenantId;
import org.mms.itip.OutgoingMessage;

/**
 * What makes a mailed update the same message when it is sent again: who sends it (the tenant, when
 * known, and the organizer), the meeting's UID and the SEQUENCE it carries. Two tenants may well hold
 * meetings with the same UIDs (an import of the same calendars, a UID generator that counts from 1):
 * their messages must still differ, so the sender is part of the key. The values are hashed because
 * they can be long and may hold characters that are not safe in a Message-ID or a file name (Outlook
 * UIDs are 112 hex digits; others contain {@code /}, {@code @} or spaces). 64 bits of SHA-256 are
 * plenty to tell one organizer's meetings apart.
 *
 * @param idHash   the first 16 hex digits of SHA-256 over the tenant (when known), the organizer's
 *                 address in lower case and the UID, each ended by a line feed
 * @param uidHash  the first 16 hex digits of SHA-256 over the UTF-8 UID alone, for file names that
 *                 someone looking for one meeting's messages can find
 * @param sequence the update's SEQUENCE
 */
record MessageKey(String idHash, String uidHash, int sequence) {

    /** Longest tenant part of a file name: tenant ids are at most 64 characters, names stay short. */
    private static final int TENANT_IN_NAME = 40;

    /** The key of a message whose tenant is unknown (the offline tool, a mailer without an outbox). */
    static MessageKey of(OutgoingMessage request) {
        return of(Optional.empty(), request);
    }

    static MessageKey of(Optional<TenantId> tenant, OutgoingMessage request) {
        String sender = tenant.map(t -> t.value() + "\n").orElse("") + request.organizer().address().toLowerCase(Locale.ROOT) + "\n";
        return new MessageKey(hex16(sender + request.uid() + "\n"), hex16(request.uid()), request.sequence());
    }

    /** {@code <hex16.sequence@domain>} (RFC 5322 §3.6.4). */
    String messageId(String domain) {
        return "<" + idHash + "." + sequence + "@" + domain + ">";
    }

    /** {@code hex16-sequence.eml}: only lower-case hex, digits, a hyphen and a dot. */
    String fileName() {
        return idHash + "-" + sequence + ".eml";
    }

    /**
     * {@code tenant-outboxId-uidHash-sequence.eml}: unique per queued message, since the outbox id is, so
     * no two messages ever share a name, whatever their UIDs. The tenant is kept to letters, digits,
     * {@code -} and {@code _} (anything else becomes {@code _}) and cut at 40 characters; it is there
     * for the reader, the outbox id alone keeps names apart.
     */
    String fileName(TenantId tenant, long outboxId) {
        return safe(tenant.value()) + "-" + outboxId + "-" + uidHash + "-" + sequence + ".eml";
    }

    private static String safe(String tenant) {
        StringBuilder name = new StringBuilder(Math.min(tenant.length(), TENANT_IN_NAME));
        for (int i = 0; i < tenant.length() && name.length() < TENANT_IN_NAME; i++) {
            char c = tenant.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            name.append(plain ? c : '_');
        }
        return name.toString();
    }

    private static String hex16(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(Arrays.copyOf(digest, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
