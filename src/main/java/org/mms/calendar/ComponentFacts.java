package org.mms.calendar;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.mms.ical.ContentLine;
import org.mms.ical.ContentLines;
import org.mms.ical.IcalFormatException;
import org.mms.ical.Property;

/**
 * What splitting and storing need to know of a top-level component: its own UID and the TZIDs its
 * lines (nested components' included) refer to. Read line by line, and only the name and parameters
 * of a line are ever decoded, so a long DESCRIPTION costs a scan, not a copy; a line that cannot be
 * read is skipped rather than failing the calendar, since it is copied as it is anyway.
 *
 * @param uid   the value of the component's own UID line (escapes kept, trimmed, as the migration
 *              engine reads it), empty when it has none or it is blank
 * @param tzids TZID parameter values, in the order they first appear
 */
record ComponentFacts(Optional<String> uid, Set<String> tzids) {

    static ComponentFacts read(byte[] component) {
        String uid = null;
        Set<String> tzids = new LinkedHashSet<>(2);
        int depth = 0;
        for (ContentLine line : ContentLines.scan(component)) {
            if (line.hasName("BEGIN")) {
                depth++;
            } else if (line.hasName("END")) {
                depth--;
            } else if (depth == 1 && uid == null && line.hasName("UID")) {
                uid = valueOf(line);
            } else {
                tzidOf(line).ifPresent(tzids::add);
            }
        }
        return new ComponentFacts(Optional.ofNullable(uid).filter(u -> !u.isEmpty()), tzids);
    }

    private static String valueOf(ContentLine line) {
        try {
            return line.property().value().strip();
        } catch (IcalFormatException unreadable) {
            return "";
        }
    }

    /** The TZID parameter of a content line, if it has one. */
    static Optional<String> tzidOf(ContentLine line) {
        byte[] buf = line.buffer();
        int colon = parametersEnd(buf, line.start(), line.contentEnd());
        if (colon < 0) {
            return Optional.empty();
        }
        byte[] head = unfold(buf, line.start(), colon + 1);
        if (!new String(head, StandardCharsets.ISO_8859_1).toUpperCase(Locale.ROOT).contains(";TZID")) {
            return Optional.empty();
        }
        try {
            return Property.parse(head).parameter("TZID").map(String::strip).filter(t -> !t.isEmpty());
        } catch (IcalFormatException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * The offset of the ':' that ends name and parameters: the first one outside double quotes
     * ({@code TZID="(UTC+01:00) Amsterdam, Berlin"} holds one). Folds contain neither byte, so the
     * raw bytes can be searched as they are.
     */
    private static int parametersEnd(byte[] buf, int from, int to) {
        boolean quoted = false;
        for (int i = from; i < to; i++) {
            if (buf[i] == '"') {
                quoted = !quoted;
            } else if (buf[i] == ':' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    /** {@code buf[from, to)} without its folds (a line break followed by a space or tab). */
    private static byte[] unfold(byte[] buf, int from, int to) {
        byte[] out = new byte[to - from];
        int n = 0;
        for (int i = from; i < to; i++) {
            if (buf[i] == '\r' && i + 2 < to && buf[i + 1] == '\n' && isFoldSpace(buf[i + 2])) {
                i += 2;
            } else if (buf[i] == '\n' && i + 1 < to && isFoldSpace(buf[i + 1])) {
                i += 1;
            } else {
                out[n++] = buf[i];
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static boolean isFoldSpace(byte b) {
        return b == ' ' || b == '\t';
    }
}
