package org.mms.calendar.graph;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ETag of a meeting: the id and {@code @odata.etag} of each of its events, master first, as base64url (no
 * padding) of {@code "<id> <etag>"} lines, in quotes. A write sends each event's PATCH with that event's own
 * {@code If-Match}, so the meeting's ETag must carry them all; any change to any member gives a new one.
 */
final class MeetingEtag {

    private MeetingEtag() {
    }

    static String of(List<GraphEvent> members) {
        Map<String, String> etags = new LinkedHashMap<>();
        members.forEach(e -> etags.put(e.id(), e.etag()));
        return of(etags);
    }

    static String of(Map<String, String> etagsById) {
        StringBuilder lines = new StringBuilder();
        etagsById.forEach((id, etag) -> lines.append(id).append(' ').append(etag).append('\n'));
        return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(lines.toString().getBytes(StandardCharsets.UTF_8)) + "\"";
    }

    /** Each member's etag by id, master first; empty when {@code etag} is not one this store gave. */
    static Optional<Map<String, String>> read(String etag) {
        if (etag.length() < 3 || !etag.startsWith("\"") || !etag.endsWith("\"")) {
            return Optional.empty();
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(etag.substring(1, etag.length() - 1)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        Map<String, String> members = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>(List.of(text.split("\n")));
        for (String line : lines) {
            int space = line.indexOf(' ');
            if (space <= 0 || space == line.length() - 1) {
                return Optional.empty();
            }
            members.put(line.substring(0, space), line.substring(space + 1));
        }
        return members.isEmpty() ? Optional.empty() : Optional.of(members);
    }
}
