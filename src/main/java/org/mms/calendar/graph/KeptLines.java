package org.mms.calendar.graph;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.mms.ical.Component;
import org.mms.ical.ContentLine;
import org.mms.ical.ContentLines;

/**
 * The content lines of a meeting's block that Exchange has no place for, kept in a named property of MMS's own on
 * the event they belong to, and shown again when the event is read. Today that is RFC 7986 {@code CONFERENCE}: the
 * engine writes the join link and the dial-in numbers there too, and without a place to keep them a migrated meeting
 * would read back without them, so every later run would plan it as changed again (no PATCH would follow, but the
 * journal and the status would count a migration each time).
 *
 * <p>Only properties named here are kept and shown. The others a resource may carry and Exchange has no field for
 * are left out, as before: a LOCATION or a DESCRIPTION kept beside Exchange's own location and body would show a
 * meeting Outlook does not show. The value is the unfolded lines, CRLF between them; lines of other names in it (the
 * property can be edited by anything that can write the event) are not shown.
 */
final class KeptLines {

    static final String PROPERTY = "String " + ImportedNames.MMS_SET + " Name MmsKeptLines";
    static final Set<String> NAMES = Set.of("CONFERENCE");

    private static final String SEPARATOR = "\r\n";

    private KeptLines() {
    }

    /** The kept lines of an event given to the store, unfolded, in order. */
    static List<String> of(Component event) {
        List<String> kept = new ArrayList<>();
        for (ContentLine line : event.properties()) {
            if (NAMES.contains(line.name())) {
                kept.add(line.text());
            }
        }
        return List.copyOf(kept);
    }

    /** The property's value for these lines; empty when there are none (Graph cannot remove a property). */
    static String value(List<String> lines) {
        return String.join(SEPARATOR, lines);
    }

    /** The lines a property value holds that may be shown: content lines of the names kept. */
    static List<String> shown(String value) {
        List<String> shown = new ArrayList<>();
        for (String line : value.split(SEPARATOR)) {
            if (!line.isBlank() && isKept(line)) {
                shown.add(line);
            }
        }
        return List.copyOf(shown);
    }

    private static boolean isKept(String line) {
        List<ContentLine> scanned = ContentLines.scan(line.getBytes(StandardCharsets.UTF_8));
        if (scanned.size() != 1) {
            return false;
        }
        try {
            scanned.getFirst().property();
            return NAMES.contains(scanned.getFirst().name());
        } catch (RuntimeException notAContentLine) {
            return false;
        }
    }
}
