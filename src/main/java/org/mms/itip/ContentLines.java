package org.mms.itip;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds the logical (unfolded) content lines of iCalendar bytes without decoding them, so that a
 * fold which splits a UTF-8 sequence is never seen as text. Only what this package needs: where each
 * line is, its property name and, for short calendar-level properties, its value.
 *
 * <p>A physical line ends at LF (a CR before it belongs to the line ending, so CRLF and LF-only input
 * both work). A physical line that starts with a space or a tab continues the previous one
 * (RFC 5545 §3.1).
 */
final class ContentLines {

    /**
     * One logical line: {@code [start, end)} in the source, line ending and folds included.
     *
     * @param name the property name, unfolded and upper-cased (ASCII); empty for a blank line
     */
    record Line(int start, int end, String name) {}

    private ContentLines() {}

    static List<Line> split(byte[] bytes) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        while (start < bytes.length) {
            int end = endOfLogicalLine(bytes, start);
            lines.add(new Line(start, end, nameOf(unfold(bytes, start, end))));
            start = end;
        }
        return lines;
    }

    /** The line without folds and without its line ending, as raw bytes. */
    static byte[] unfold(byte[] bytes, Line line) {
        return unfold(bytes, line.start(), line.end());
    }

    /**
     * The value (after the first colon outside a quoted parameter value), decoded as UTF-8. Meant for
     * short ASCII values such as METHOD; TEXT values would still carry their escapes.
     */
    static String value(byte[] bytes, Line line) {
        byte[] unfolded = unfold(bytes, line);
        boolean quoted = false;
        for (int i = 0; i < unfolded.length; i++) {
            byte b = unfolded[i];
            if (b == '"') {
                quoted = !quoted;
            } else if (b == ':' && !quoted) {
                return new String(unfolded, i + 1, unfolded.length - i - 1, StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    /** True when the bytes end with a line ending, so whatever is appended starts a new line. */
    static boolean endsWithLineBreak(byte[] bytes) {
        return bytes.length > 0 && bytes[bytes.length - 1] == '\n';
    }

    private static int endOfLogicalLine(byte[] bytes, int from) {
        int i = from;
        while (i < bytes.length) {
            if (bytes[i] == '\n') {
                int next = i + 1;
                if (next < bytes.length && isFoldWhitespace(bytes[next])) {
                    i = next + 1;
                    continue;
                }
                return next;
            }
            i++;
        }
        return bytes.length;
    }

    private static byte[] unfold(byte[] bytes, int start, int end) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(end - start);
        int i = start;
        while (i < end) {
            int breakLength = lineBreakLength(bytes, i, end);
            if (breakLength > 0) {
                int next = i + breakLength;
                if (next < end && isFoldWhitespace(bytes[next])) {
                    i = next + 1; // a fold: drop the line ending and the one space or tab after it
                    continue;
                }
                break; // the line's own ending
            }
            out.write(bytes[i]);
            i++;
        }
        return out.toByteArray();
    }

    private static int lineBreakLength(byte[] bytes, int i, int end) {
        if (bytes[i] == '\n') {
            return 1;
        }
        if (bytes[i] == '\r' && i + 1 < end && bytes[i + 1] == '\n') {
            return 2;
        }
        return 0;
    }

    private static String nameOf(byte[] unfolded) {
        int i = 0;
        while (i < unfolded.length && unfolded[i] != ';' && unfolded[i] != ':') {
            i++;
        }
        // Property names are ASCII (RFC 5545 §3.1); anything else cannot match a name we look for.
        return new String(unfolded, 0, i, StandardCharsets.ISO_8859_1).toUpperCase(Locale.ROOT);
    }

    private static boolean isFoldWhitespace(byte b) {
        return b == ' ' || b == '\t';
    }
}
