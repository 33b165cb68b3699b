package org.mms.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The golden rule of an undo: after a migration and its undo, a meeting is byte for byte what it was before the
 * migration, outside the lines that tell attendees' clients it changed ({@code SEQUENCE}, Exchange's copy of it
 * {@code X-MICROSOFT-CDO-APPT-SEQUENCE}, and {@code DTSTAMP}). Lines are compared unfolded, in bytes, so a fold
 * inside a UTF-8 sequence counts like any other byte.
 */
public final class UndoGoldenRule {

    private static final List<String> STAMPS = List.of("SEQUENCE", "X-MICROSOFT-CDO-APPT-SEQUENCE", "DTSTAMP");

    private UndoGoldenRule() {
    }

    public static void check(String what, byte[] original, byte[] afterUndo) {
        assertThat(new String(join(withoutStamps(afterUndo)), StandardCharsets.UTF_8)).as(what)
                .isEqualTo(new String(join(withoutStamps(original)), StandardCharsets.UTF_8));
        assertThat(join(withoutStamps(afterUndo))).as(what + " (bytes)").isEqualTo(join(withoutStamps(original)));
    }

    /** The physical lines (ending included) of the calendar, each with its folds, minus the stamp properties. */
    private static List<byte[]> withoutStamps(byte[] calendar) {
        List<byte[]> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int i = 0; i < calendar.length; i++) {
            line.write(calendar[i]);
            boolean end = calendar[i] == '\n' && (i + 1 >= calendar.length || (calendar[i + 1] != ' ' && calendar[i + 1] != '\t'));
            if (end || i + 1 == calendar.length) {
                byte[] logical = line.toByteArray();
                if (!isStamp(logical)) {
                    lines.add(logical);
                }
                line.reset();
            }
        }
        return lines;
    }

    private static boolean isStamp(byte[] logical) {
        String head = new String(logical, 0, Math.min(logical.length, 40), StandardCharsets.ISO_8859_1).toUpperCase(Locale.ROOT);
        for (String name : STAMPS) {
            if (head.startsWith(name + ":") || head.startsWith(name + ";")) {
                return true;
            }
        }
        return false;
    }

    private static byte[] join(List<byte[]> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        lines.forEach(out::writeBytes);
        return out.toByteArray();
    }
}
