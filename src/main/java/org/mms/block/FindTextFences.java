package org.mms.block;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the fences of a plain-text body. A fence usually stands whole on a line of its own, but Outlook's
 * plain text of a Skype for Business invitation wraps the 137 dots over two lines (71 and 66) while its HTML
 * keeps them whole. So a fence is also a run of consecutive lines of one mark whose lengths add up to the
 * exact fence length; the wrap is kept as it stood, and the fence runs from the first mark of its first
 * line to the last mark of its last one.
 */
final class FindTextFences {

    /**
     * The fewest marks a piece of a wrapped fence may have. Wrapping leaves long pieces (71 + 66 or 76 + 61 of
     * the 137 dots, 40 + 40 of the 80 underscores), while the runs people type on a line of their own are short:
     * an ellipsis, a row of dots under a heading, a blank to fill in. Asking this much of every piece keeps such a
     * line beside a fence, or a few of them that happen to add up, from being read as a fence.
     */
    static final int SHORTEST_PIECE = 20;

    /** A fence in the body: {@code [start, end)} from its first mark to its last, whole or wrapped. */
    record TextFence(Fence fence, int start, int end) {
    }

    /** A line holding nothing but marks of one fence, and perhaps white space around them. */
    private record Marks(Fence fence, int line, int start, int end) {

        int length() {
            return end - start;
        }
    }

    private FindTextFences() {
    }

    /** Every fence of {@code body}, in order. */
    static List<TextFence> in(String body) {
        List<Marks> lines = linesOfMarks(body);
        List<TextFence> fences = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            Marks first = lines.get(i);
            int last = lastPieceOfWrap(lines, i);
            if (last > i) {
                fences.add(new TextFence(first.fence(), first.start(), lines.get(last).end()));
                i = last + 1;
                continue;
            }
            if (first.fence().standsAlone(first.length())) {
                fences.add(new TextFence(first.fence(), first.start(), first.end()));
            }
            i++;
        }
        return fences;
    }

    /**
     * The index of the last line of a fence wrapped over the lines from {@code first} on, or {@code first} when no
     * wrapped fence starts there: the pieces must follow each other line by line, each long enough, and add up to
     * exactly the fence length.
     */
    private static int lastPieceOfWrap(List<Marks> lines, int first) {
        Fence fence = lines.get(first).fence();
        int line = lines.get(first).line();
        int total = 0;
        for (int i = first; i < lines.size(); i++) {
            Marks piece = lines.get(i);
            if (piece.fence() != fence || piece.line() != line + (i - first) || piece.length() < SHORTEST_PIECE) {
                return first;
            }
            total += piece.length();
            if (total >= fence.length()) {
                return total == fence.length() ? i : first;
            }
        }
        return first;
    }

    /**
     * The lines that could be a fence or a piece of one. Only the marks count: white space around them on their
     * line (Outlook ends the closing fence with a space) stays where it is when the block is replaced.
     */
    private static List<Marks> linesOfMarks(String body) {
        List<Marks> found = new ArrayList<>();
        int line = 0;
        int lineStart = 0;
        while (lineStart <= body.length()) {
            int lf = body.indexOf('\n', lineStart);
            int lineEnd = lf < 0 ? body.length() : lf;
            int contentEnd = lineEnd > lineStart && body.charAt(lineEnd - 1) == '\r' ? lineEnd - 1 : lineEnd;
            int marksStart = Fence.marksStart(body, lineStart, contentEnd);
            int marksEnd = Fence.marksEnd(body, marksStart, contentEnd);
            if (marksEnd - marksStart >= SHORTEST_PIECE) {
                char mark = body.charAt(marksStart);
                Optional<Fence> fence = Fence.markedBy(mark);
                if (fence.isPresent() && Fence.allSame(body, marksStart, marksEnd, mark)) {
                    found.add(new Marks(fence.get(), line, marksStart, marksEnd));
                }
            }
            if (lf < 0) {
                break;
            }
            lineStart = lf + 1;
            line++;
        }
        return found;
    }
}
