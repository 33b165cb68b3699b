package org.mms.ical;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One logical iCalendar content line, seen where it lies in the raw bytes: from its first byte to
 * the end of its line ending, folds included. Nothing is copied until someone asks; the raw span is
 * what an edit replaces, so every byte outside the edited lines stays as it was.
 *
 * <p>Folds are removed in the byte domain (a fold may split a UTF-8 sequence, which RFC 5545 §3.1
 * allows), so {@link #unfolded()} is safe to decode even when the physical lines are not.
 */
public final class ContentLine {

    /** Eight bytes of an array read as one long, for {@link #indexOf}. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private final byte[] buf;
    private final int start;
    private final int contentEnd;
    private final int end;
    private final boolean folded;

    ContentLine(byte[] buf, int start, int contentEnd, int end, boolean folded) {
        this.buf = buf;
        this.start = start;
        this.contentEnd = contentEnd;
        this.end = end;
        this.folded = folded;
    }

    /** The array this line lies in. */
    public byte[] buffer() {
        return buf;
    }

    /** Offset of the line's first byte. */
    public int start() {
        return start;
    }

    /** Offset just after the line's content, before its final line ending. */
    public int contentEnd() {
        return contentEnd;
    }

    /** Offset just after the line's final line ending (equal to {@link #contentEnd()} at end of input). */
    public int end() {
        return end;
    }

    /** Whether the line spans more than one physical line. */
    public boolean isFolded() {
        return folded;
    }

    /** The final line ending as it is in the input: CRLF, LF, or nothing at the end of input. */
    public byte[] lineEnding() {
        return Arrays.copyOfRange(buf, contentEnd, end);
    }

    /** Whether the line ends (or, lacking an ending, would end) with a bare LF rather than CRLF. */
    public boolean usesBareLf() {
        if (end > contentEnd) {
            return end - contentEnd == 1;
        }
        int firstBreak = indexOf(buf, (byte) '\n', start, contentEnd);
        return firstBreak > start && buf[firstBreak - 1] != '\r';
    }

    /** The logical line's bytes with folds removed, without its line ending. */
    public byte[] unfolded() {
        if (!folded) {
            return Arrays.copyOfRange(buf, start, contentEnd);
        }
        byte[] out = new byte[contentEnd - start];
        int n = 0;
        int i = start;
        while (i < contentEnd) {
            int fold = foldLengthAt(i);
            if (fold > 0) {
                i += fold;
            } else {
                out[n++] = buf[i++];
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** The unfolded line decoded as UTF-8 (malformed bytes become U+FFFD; only used to read, never to write). */
    public String text() {
        return new String(unfolded(), StandardCharsets.UTF_8);
    }

    /**
     * Length of the fold (line break plus one space or tab) starting at {@code i}, or 0 if none
     * starts there. Only meaningful for offsets inside this line's content.
     */
    int foldLengthAt(int i) {
        byte b = buf[i];
        if (b == '\r' && i + 1 < contentEnd && buf[i + 1] == '\n') {
            return 3;
        }
        if (b == '\n') {
            return 2;
        }
        return 0;
    }

    /**
     * Whether the property name of this line equals {@code upperName} (ASCII, upper case), compared
     * case-insensitively without allocating. Names are never folded by real producers, but a fold
     * inside the name is legal, so that case falls back to the unfolded bytes.
     */
    public boolean hasName(String upperName) {
        int n = upperName.length();
        // A fold up to just after the name's delimiter (name, ':' or ';', CR, LF) means the raw bytes
        // do not show the name whole.
        if (folded && indexOf(buf, (byte) '\n', start, Math.min(contentEnd, start + n + 3)) >= 0) {
            return Property.nameOf(unfolded()).equals(upperName);
        }
        if (contentEnd - start < n + 1) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            int c = buf[start + k];
            if (c >= 'a' && c <= 'z') {
                c -= 32;
            }
            if (c != upperName.charAt(k)) {
                return false;
            }
        }
        byte next = buf[start + n];
        return next == ':' || next == ';';
    }

    /** The property name, upper case. */
    public String name() {
        if (!folded) {
            int i = start;
            while (i < contentEnd && buf[i] != ':' && buf[i] != ';') {
                i++;
            }
            return Property.upperAscii(buf, start, i);
        }
        return Property.nameOf(unfolded());
    }

    /** Parses name, parameters and (still escaped) value. */
    public Property property() {
        return Property.parse(unfolded());
    }

    /** Parses name and parameters only: cheaper than {@link #property()} for a line with a long value. */
    public Property.Head head() {
        // An unfolded line is read where it lies; only a folded one is copied first.
        return folded ? Property.parseHead(unfolded()) : Property.parseHead(buf, start, contentEnd);
    }

    /**
     * The raw offset of the byte that is at {@code unfoldedIndex} in {@link #unfolded()}; for the
     * index equal to the unfolded length, {@link #contentEnd()}.
     */
    public int rawOffset(int unfoldedIndex) {
        if (!folded) {
            return start + unfoldedIndex;
        }
        int remaining = unfoldedIndex;
        int i = start;
        while (i < contentEnd) {
            int fold = foldLengthAt(i);
            if (fold > 0) {
                i += fold;
                continue;
            }
            if (remaining == 0) {
                return i;
            }
            remaining--;
            i++;
        }
        if (remaining == 0) {
            return contentEnd;
        }
        throw new IndexOutOfBoundsException("unfolded index " + unfoldedIndex + " beyond line");
    }

    /** Number of bytes between the start of the physical line holding {@code rawOffset} and it. */
    public int columnAt(int rawOffset) {
        int i = rawOffset;
        while (i > start && buf[i - 1] != '\n') {
            i--;
        }
        return rawOffset - i;
    }

    /** Bytes from {@code rawOffset} to the next line break (fold or final), the rest of that physical line. */
    public int restOfPhysicalLine(int rawOffset) {
        int i = rawOffset;
        while (i < contentEnd && buf[i] != '\n' && !(buf[i] == '\r' && i + 1 < contentEnd && buf[i + 1] == '\n')) {
            i++;
        }
        return i - rawOffset;
    }

    /**
     * The first index of {@code b} in {@code buf[from, to)}, or -1. Every line of every calendar is
     * searched for its line break, so this reads eight bytes at a time: XOR with the byte repeated
     * makes the matching bytes zero, and the classic has-zero-byte test flags them. Its lowest flag
     * is always a true match (a false flag can only sit above a true one), and the array is read
     * little-endian, so the lowest flag is the first match.
     */
    static int indexOf(byte[] buf, byte b, int from, int to) {
        int i = from;
        long repeated = (b & 0xffL) * ONES;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long word = (long) LONGS.get(buf, i) ^ repeated;
            long zeros = (word - ONES) & ~word & HIGHS;
            if (zeros != 0) {
                return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (buf[i] == b) {
                return i;
            }
        }
        return -1;
    }


    @Override
    public String toString() {
        String t = text();
        return t.length() > 80 ? t.substring(0, 77) + "..." : t;
    }
}
