package org.mms.calendar.caldav;

/**
 * The syntax of entity tags (RFC 9110 §8.8.3). {@code If-Match} compares strongly, so only a strong
 * tag ({@code "…"}) can ever match; a weak one ({@code W/"…"}), an unquoted or an empty one cannot,
 * and is not worth a request (nor can it smuggle a line break into a header).
 */
final class EntityTags {

    private EntityTags() {
    }

    static boolean isStrong(String etag) {
        if (etag.length() < 2 || etag.charAt(0) != '"' || etag.charAt(etag.length() - 1) != '"') {
            return false;
        }
        for (int i = 1; i < etag.length() - 1; i++) {
            char c = etag.charAt(i);
            boolean etagc = c == 0x21 || (c >= 0x23 && c <= 0x7e) || (c >= 0x80 && c <= 0xff);
            if (!etagc) {
                return false;
            }
        }
        return true;
    }
}
