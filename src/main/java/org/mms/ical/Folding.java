package org.mms.ical;

import java.util.Arrays;

/**
 * Folds the bytes MMS writes, and only those: at most 75 octets per physical line (the leading space
 * of a continuation counts), never inside a UTF-8 sequence, never between a backslash and the
 * character it escapes, with the line ending the surrounding file uses.
 */
public final class Folding {

    /** RFC 5545 §3.1: lines SHOULD NOT be longer than 75 octets, excluding the line break. */
    public static final int MAX_OCTETS = 75;

    private Folding() {
    }

    /** A whole new content line: {@code content} folded, then {@code lineEnding}. */
    public static byte[] foldLine(byte[] content, byte[] lineEnding) {
        Emitter out = new Emitter(content.length + content.length / 60 * 3 + lineEnding.length + 3, 0, lineEnding);
        out.emitAll(content);
        out.raw(lineEnding);
        return out.toByteArray();
    }

    /**
     * Replacement bytes for a stretch inside an existing (possibly folded) line: {@code content} is
     * written from column {@code startColumn} on; if what follows in the original physical line
     * ({@code restAfter} bytes) would push it past 75 octets, a fold is added before it.
     */
    public static byte[] foldInto(int startColumn, byte[] content, int restAfter, byte[] lineEnding) {
        Emitter out = new Emitter(content.length + content.length / 60 * 3 + 8, startColumn, lineEnding);
        out.emitAll(content);
        if (out.column > 1 && out.column + restAfter > MAX_OCTETS) {
            out.fold();
        }
        return out.toByteArray();
    }

    private static final class Emitter {
        private byte[] bytes;
        private int size;
        private int column;
        private final byte[] lineEnding;

        Emitter(int capacity, int column, byte[] lineEnding) {
            this.bytes = new byte[Math.max(capacity, 16)];
            this.column = column;
            this.lineEnding = lineEnding;
        }

        void emitAll(byte[] content) {
            int i = 0;
            while (i < content.length) {
                int unit = unitLength(content, i);
                if (column + unit > MAX_OCTETS && column > 1) {
                    fold();
                }
                ensure(unit);
                System.arraycopy(content, i, bytes, size, unit);
                size += unit;
                column += unit;
                i += unit;
            }
        }

        void fold() {
            raw(lineEnding);
            raw(new byte[] {' '});
            column = 1;
        }

        void raw(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, bytes, size, b.length);
            size += b.length;
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }
    }

    /**
     * Bytes that must stay on one physical line from {@code i}: a whole UTF-8 sequence, or a
     * backslash with the character it escapes.
     */
    static int unitLength(byte[] content, int i) {
        int b = content[i] & 0xff;
        if (b == '\\' && i + 1 < content.length) {
            return 1 + utf8Length(content, i + 1);
        }
        return utf8Length(content, i);
    }

    private static int utf8Length(byte[] content, int i) {
        int b = content[i] & 0xff;
        int len = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
        int available = 1;
        while (available < len && i + available < content.length && (content[i + available] & 0xc0) == 0x80) {
            available++;
        }
        return available;
    }
}
