package org.mms.ical;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits raw iCalendar bytes into logical content lines. A line ends at CRLF or at a bare LF (both
 * occur in the wild) that is not followed by a space or tab; a line break followed by one is a fold.
 * Works on bytes only, so folds inside UTF-8 sequences are no problem.
 */
public final class ContentLines {

    private ContentLines() {
    }

    /** All logical lines of {@code buf[from, to)}; the last one may lack a line ending. */
    public static List<ContentLine> scan(byte[] buf, int from, int to) {
        List<ContentLine> lines = new ArrayList<>(64);
        int i = from;
        while (i < to) {
            int end = endOfLine(buf, i, to);
            lines.add(lineAt(buf, i, end));
            i = end;
        }
        return lines;
    }

    public static List<ContentLine> scan(byte[] buf) {
        return scan(buf, 0, buf.length);
    }

    /**
     * The offset just after the logical line starting at {@code start} (after its line ending, or
     * {@code to}). Rejects a line that starts with a space or tab: a fold with nothing to continue.
     */
    static int endOfLine(byte[] buf, int start, int to) {
        if (buf[start] == ' ' || buf[start] == '\t') {
            throw new IcalFormatException("broken folding: a continuation line (starting with a space or tab) "
                    + "has no line to continue, at byte " + start);
        }
        int i = start;
        while (true) {
            int lf = ContentLine.indexOf(buf, (byte) '\n', i, to);
            if (lf < 0) {
                return to;
            }
            int next = lf + 1;
            if (next < to && (buf[next] == ' ' || buf[next] == '\t')) {
                i = next + 1;
                continue;
            }
            return next;
        }
    }

    /** Wraps the logical line {@code buf[start, end)} found by {@link #endOfLine}. */
    static ContentLine lineAt(byte[] buf, int start, int end) {
        int contentEnd = end;
        if (contentEnd > start && buf[contentEnd - 1] == '\n') {
            contentEnd--;
            if (contentEnd > start && buf[contentEnd - 1] == '\r') {
                contentEnd--;
            }
        }
        boolean folded = ContentLine.indexOf(buf, (byte) '\n', start, contentEnd) >= 0;
        return new ContentLine(buf, start, contentEnd, end, folded);
    }
}
