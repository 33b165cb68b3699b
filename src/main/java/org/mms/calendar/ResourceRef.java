package org.mms.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The name of one calendar object resource within a mailbox: the last segment of its URL on a CalDAV
 * server, the key of its row in the embedded store. Opaque to callers; names from a server are taken
 * as they come, as long as they are one URL path segment.
 *
 * @param href one path segment of RFC 3986 {@code pchar}s (unreserved, {@code %XX}, sub-delims,
 *             {@code :} and {@code @}), at most 255 characters, not {@code .} or {@code ..}
 */
public record ResourceRef(String href) {

    /**
     * File-system backed servers (Radicale, Xandikos) keep one file per resource, and 255 is the
     * usual limit for a file name; the embedded store's column has the same width.
     */
    public static final int MAX_LENGTH = 255;

    private static final String SUB_DELIMS_AND_MORE = "-._~!$&'()*+,;=:@";

    public ResourceRef {
        Objects.requireNonNull(href, "href");
        if (href.isEmpty() || href.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a resource name has 1 to " + MAX_LENGTH + " characters, not " + href.length());
        }
        if (href.equals(".") || href.equals("..")) {
            throw new IllegalArgumentException("a resource name cannot be '.' or '..'");
        }
        for (int i = 0; i < href.length(); i++) {
            char c = href.charAt(i);
            if (c == '%') {
                if (i + 2 >= href.length() || !isHex(href.charAt(i + 1)) || !isHex(href.charAt(i + 2))) {
                    throw new IllegalArgumentException("a '%' in a resource name must start a %XX escape: " + href);
                }
                i += 2;
            } else if (!isAsciiLetterOrDigit(c) && SUB_DELIMS_AND_MORE.indexOf(c) < 0) {
                throw new IllegalArgumentException("a resource name is one URL path segment; it cannot contain "
                        + describe(c) + ": " + href);
            }
        }
    }

    /**
     * The embedded store's name for the resource of a UID: the first 32 hex digits (128 bits, as many
     * as a UUID, which is how CalDAV clients usually name resources) of SHA-256 over the UID's UTF-8
     * bytes, then {@code .ics}. A UID itself may be long and hold characters a URL cannot
     * ({@code /}, spaces, non-ASCII), so it is hashed rather than used; the same UID always gives the
     * same name, so importing a calendar twice finds the resources of the first import.
     */
    public static ResourceRef forUid(String uid) {
        Objects.requireNonNull(uid, "uid");
        if (uid.isBlank()) {
            throw new IllegalArgumentException("a resource is named after its UID, and the UID is blank");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(uid.getBytes(StandardCharsets.UTF_8));
            return new ResourceRef(HexFormat.of().formatHex(Arrays.copyOf(digest, 16)) + ".ics");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static String describe(char c) {
        return c == '/' ? "'/'" : c < 0x20 || c > 0x7e ? String.format("U+%04X", (int) c) : "'" + c + "'";
    }

    @Override
    public String toString() {
        return href;
    }
}
