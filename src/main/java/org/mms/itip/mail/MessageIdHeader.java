package org.mms.itip.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The Message-ID of an {@code .eml} file, read from its header: what tells whether a file found under a
 * message's name is that same message (written before a crash) or another one, which is never replaced.
 */
final class MessageIdHeader {

    /** Headers MMS writes are a few hundred bytes; a file whose header goes on longer is not one of ours. */
    private static final int MAX_HEADER_LINES = 200;

    private MessageIdHeader() {
    }

    /** The Message-ID, or none when the file has none in its header (or is not a readable file). */
    static Optional<String> of(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.ISO_8859_1))) {
            String line;
            for (int i = 0; i < MAX_HEADER_LINES && (line = in.readLine()) != null && !line.isEmpty(); i++) {
                if (line.toLowerCase(Locale.ROOT).startsWith("message-id:")) {
                    return Optional.of(line.substring("message-id:".length()).strip());
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
