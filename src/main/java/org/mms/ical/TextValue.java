package org.mms.ical;

import java.util.Arrays;

/**
 * A TEXT value (DESCRIPTION, X-ALT-DESC, SUMMARY…) unescaped into a Java string, with a map from every
 * character back to the raw bytes it came from. Blocks are found in the string; the map turns the
 * block's character range into the raw byte range to replace, folds and escapes included, so the
 * bytes around it are never re-encoded.
 *
 * <p>Escapes undone: {@code \\ \; \, \n \N}; any other backslash pair (Outlook writes {@code \:}) reads
 * as its second character. Malformed UTF-8 reads as U+FFFD (reading only: it is never written back).
 */
public final class TextValue {

    private final ContentLine line;
    private final String text;
    private final int[] rawOffsets;

    private TextValue(ContentLine line, String text, int[] rawOffsets) {
        this.line = line;
        this.text = text;
        this.rawOffsets = rawOffsets;
    }

    /** Reads the value of {@code line}, whose value starts at {@code valueOffset} of the unfolded line. */
    public static TextValue of(ContentLine line, int valueOffset) {
        byte[] buf = line.buffer();
        int end = line.contentEnd();
        int i = line.rawOffset(valueOffset);
        StringBuilder sb = new StringBuilder(end - i);
        int[] offsets = new int[end - i + 1];
        int n = 0;
        while (i < end) {
            int fold = line.foldLengthAt(i);
            if (fold > 0) {
                i += fold;
                continue;
            }
            int b = buf[i] & 0xff;
            if (b == '\\') {
                int j = skipFolds(line, i + 1, end);
                if (j >= end) {
                    sb.append('\\');
                    offsets[n++] = i;
                    i = j;
                    continue;
                }
                int e = buf[j] & 0xff;
                if (e < 0x80) {
                    sb.append(e == 'n' || e == 'N' ? '\n' : (char) e);
                    offsets[n++] = i;
                    i = j + 1;
                    continue;
                }
                // A backslash before a non-ASCII character: keep the backslash, read the character next.
                sb.append('\\');
                offsets[n++] = i;
                i = j;
                continue;
            }
            if (b < 0x80) {
                sb.append((char) b);
                offsets[n++] = i;
                i++;
                continue;
            }
            int start = i;
            int need = continuationBytesAfter(b);
            if (need < 0) {
                sb.append('\uFFFD');
                offsets[n++] = i;
                i++;
                continue;
            }
            int cp = b & (0x3f >> need);
            int j = i + 1;
            int got = 0;
            while (got < need) {
                j = skipFolds(line, j, end);
                if (j >= end || (buf[j] & 0xc0) != 0x80) {
                    break;
                }
                cp = (cp << 6) | (buf[j] & 0x3f);
                got++;
                j++;
            }
            if (got < need || !validCodePoint(cp, need)) {
                sb.append('\uFFFD');
                offsets[n++] = start;
                i = start + 1;
                continue;
            }
            if (cp >= 0x10000) {
                sb.append(Character.highSurrogate(cp)).append(Character.lowSurrogate(cp));
                offsets[n++] = start;
                offsets[n++] = start;
            } else {
                sb.append((char) cp);
                offsets[n++] = start;
            }
            i = j;
        }
        offsets[n] = end;
        int[] exact = n + 1 == offsets.length ? offsets : Arrays.copyOf(offsets, n + 1);
        return new TextValue(line, sb.toString(), exact);
    }

    private static int skipFolds(ContentLine line, int i, int end) {
        while (i < end) {
            int fold = line.foldLengthAt(i);
            if (fold == 0) {
                return i;
            }
            i += fold;
        }
        return i;
    }

    /** How many continuation bytes a UTF-8 lead byte announces, or -1 if it cannot lead. */
    private static int continuationBytesAfter(int lead) {
        if (lead >= 0xc2 && lead <= 0xdf) {
            return 1;
        }
        if (lead >= 0xe0 && lead <= 0xef) {
            return 2;
        }
        if (lead >= 0xf0 && lead <= 0xf4) {
            return 3;
        }
        return -1;
    }

    private static boolean validCodePoint(int cp, int continuationBytes) {
        return switch (continuationBytes) {
            case 1 -> cp >= 0x80;
            case 2 -> cp >= 0x800 && (cp < 0xd800 || cp > 0xdfff);
            default -> cp >= 0x10000 && cp <= 0x10ffff;
        };
    }

    /** The unescaped text. */
    public String text() {
        return text;
    }

    /** The line this value belongs to. */
    public ContentLine line() {
        return line;
    }

    /**
     * Raw offset (into {@link ContentLine#buffer()}) where the character at {@code charIndex} begins,
     * its escape included; {@code text().length()} maps to the end of the value.
     */
    public int rawOffset(int charIndex) {
        return rawOffsets[charIndex];
    }
}
