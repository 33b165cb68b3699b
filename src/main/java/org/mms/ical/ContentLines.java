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
            rejectContinuationAt(buf, i);
            // One pass per line: where it ends, and whether a fold was crossed on the way.
            boolean folded = false;
            int end = to;
            int j = i;
            int lf;
            while ((lf = ContentLine.indexOf(buf, (byte) '\n', j, to)) >= 0) {
                int next = lf + 1;
                if (next < to && (buf[next] == ' ' || buf[next] == '\t')) {
                    folded = true;
                    j = next + 1;
                    continue;
                }
                end = next;
                break;
            }
            lines.add(new ContentLine(buf, i, contentEnd(buf, i, end), end, folded));
            i = end;
        }
        return lines;
    }

    public static List<ContentLine> scan(byte[] buf) {
        return scan(buf, 0, buf.length);
    }

    /** Wraps the logical line {@code buf[start, end)}, its line ending included if it has one. */
    static ContentLine lineAt(byte[] buf, int start, int end) {
        int contentEnd = contentEnd(buf, start, end);
        boolean folded = ContentLine.indexOf(buf, (byte) '\n', start, contentEnd) >= 0;
        return new ContentLine(buf, start, contentEnd, end, folded);
    }

    /** Where the content of the line {@code buf[start, end)} ends: before its CRLF or LF, if it has one. */
    private static int contentEnd(byte[] buf, int start, int end) {
        int contentEnd = end;
        if (contentEnd > start && buf[contentEnd - 1] == '\n') {
            contentEnd--;
            if (contentEnd > start && buf[contentEnd - 1] == '\r') {
                contentEnd--;
            }
        }
        return contentEnd;
    }

    private static void rejectContinuationAt(byte[] buf, int start) {
        if (buf[start] == ' ' || buf[start] == '\t') {
            throw new IcalFormatException("broken folding: a continuation line (starting with a space or tab) "
                    + "has no line to continue, at byte " + start);
        }
    }
}
