package org.mms.ical;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Applies non-overlapping byte edits; everything between them is copied unchanged. */
public final class ByteEdits {

    private ByteEdits() {
    }

    /**
     * The bytes of {@code source[from, to)} with the edits applied. Edits must lie inside the range and
     * must not overlap; insertions at the same offset keep their given order.
     */
    public static byte[] apply(byte[] source, int from, int to, List<ByteEdit> edits) {
        List<ByteEdit> sorted = sorted(edits);
        int size = to - from;
        int last = from;
        for (ByteEdit e : sorted) {
            if (e.start() < last || e.end() > to) {
                throw new IllegalArgumentException("edits overlap or leave the range: [" + e.start() + ", " + e.end() + ")");
            }
            size += e.replacement().length - (e.end() - e.start());
            last = e.end();
        }
        byte[] out = new byte[size];
        int n = 0;
        int pos = from;
        for (ByteEdit e : sorted) {
            System.arraycopy(source, pos, out, n, e.start() - pos);
            n += e.start() - pos;
            System.arraycopy(e.replacement(), 0, out, n, e.replacement().length);
            n += e.replacement().length;
            pos = e.end();
        }
        System.arraycopy(source, pos, out, n, to - pos);
        return out;
    }

    /** Edits ordered by start; a stable sort, so insertions at one offset keep their order. */
    public static List<ByteEdit> sorted(List<ByteEdit> edits) {
        List<ByteEdit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(ByteEdit::start).thenComparingInt(e -> e.end() - e.start() == 0 ? 0 : 1));
        return sorted;
    }
}
