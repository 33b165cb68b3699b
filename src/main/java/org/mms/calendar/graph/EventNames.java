package org.mms.calendar.graph;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.mms.calendar.ResourceRef;

/**
 * Resource names of meetings on Graph: {@code event~} and the master's (or single event's) immutable id, with every
 * character a URL path segment cannot hold percent-encoded ({@code /} and {@code +} occur in Exchange ids). Names
 * without the prefix are names a caller gave when MMS created the meeting ({@link ImportedNames}), so callers cannot
 * create under a name with it.
 */
final class EventNames {

    static final String PREFIX = "event~";
    private static final String KEPT = "-._~!$&'()*,;=:@";

    private EventNames() {
    }

    static ResourceRef of(String eventId) {
        StringBuilder name = new StringBuilder(PREFIX);
        for (byte b : eventId.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (c < 0x80 && KEPT.indexOf(c) >= 0)) {
                name.append(c);
            } else {
                name.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return new ResourceRef(name.toString());
    }

    /** The event id a name of this form holds. */
    static Optional<String> eventId(ResourceRef ref) {
        String href = ref.href();
        if (!href.startsWith(PREFIX)) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(href.length());
        for (int i = PREFIX.length(); i < href.length(); i++) {
            char c = href.charAt(i);
            if (c == '%') {
                out.write(Integer.parseInt(href.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return Optional.of(out.toString(StandardCharsets.UTF_8)).filter(id -> !id.isEmpty());
    }

    static boolean isEventName(ResourceRef ref) {
        return ref.href().startsWith(PREFIX);
    }
}
