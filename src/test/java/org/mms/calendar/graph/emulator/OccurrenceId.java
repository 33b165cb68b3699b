package org.mms.calendar.graph.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The id of one instance of a series: its master and its original start. Graph gives each occurrence an id of its
 * own that can be read, patched (which makes it an exception, keeping the id) or deleted (which cancels it); the
 * emulator makes that id from the master and the start, so it needs no table and is the same on every read.
 */
record OccurrenceId(String masterId, Instant originalStart) {

    private static final String PREFIX = "AAMkOc";

    String encoded() {
        String raw = masterId + "\n" + originalStart.getEpochSecond();
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static Optional<OccurrenceId> decode(String id) {
        if (!id.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(id.substring(PREFIX.length())), StandardCharsets.UTF_8);
            int newline = raw.lastIndexOf('\n');
            if (newline < 0) {
                return Optional.empty();
            }
            return Optional.of(new OccurrenceId(raw.substring(0, newline), Instant.ofEpochSecond(Long.parseLong(raw.substring(newline + 1)))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
