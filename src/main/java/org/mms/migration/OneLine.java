package org.mms.migration;

/**
 * Text quoted from input (a calendar's line, a UID, a value) made fit for a one-line message: a
 * report line, {@code LastMessage}, a log line, a terminal. Line breaks and the whitespace around them
 * become one space, every other control character (C0, DEL, C1, the Unicode line and paragraph
 * separators, the bidirectional overrides that reorder what a terminal shows) is written as
 * {@code \xNN} or {@code <U+NNNN>}, unpaired surrogates as {@code <U+NNNN>} too, and a quote longer
 * than the limit is cut with an ellipsis. What is left is printable text on one line.
 */
public final class OneLine {

    /** How much of a quoted value a message shows by default. */
    public static final int DEFAULT_LIMIT = 300;

    private OneLine() {
    }

    /** {@code text} on one printable line of at most {@value #DEFAULT_LIMIT} characters (plus the ellipsis). */
    public static String of(String text) {
        return of(text, DEFAULT_LIMIT);
    }

    /** {@code text} on one printable line of at most {@code limit} characters (plus the ellipsis). */
    public static String of(String text, int limit) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), limit) + 8);
        int i = 0;
        while (i < text.length() && out.length() < limit) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                // A line break and the indentation around it (a folded or multi-line value) read as one space.
                while (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
                    out.setLength(out.length() - 1);
                }
                while (i < text.length() && (text.charAt(i) == '\r' || text.charAt(i) == '\n' || text.charAt(i) == ' '
                        || text.charAt(i) == '\t')) {
                    i++;
                }
                if (out.length() > 0 && i < text.length()) {
                    out.append(' ');
                }
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = text.codePointAt(i);
                if (printable(cp)) {
                    out.appendCodePoint(cp);
                } else {
                    out.append(String.format(java.util.Locale.ROOT, "<U+%04X>", cp));
                }
                i += 2;
                continue;
            }
            if (c < 0x20 || c == 0x7F) {
                out.append(c == '\t' ? " " : String.format(java.util.Locale.ROOT, "\\x%02X", (int) c));
            } else if (Character.isSurrogate(c) || !printable(c)) {
                out.append(String.format(java.util.Locale.ROOT, "<U+%04X>", (int) c));
            } else {
                out.append(c);
            }
            i++;
        }
        if (i < text.length()) {
            out.append('…');
        }
        return out.toString();
    }

    /** Not a control, format-control direction override, separator of lines or paragraphs, or unassigned/private code point. */
    private static boolean printable(int cp) {
        int type = Character.getType(cp);
        if (type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.UNASSIGNED || type == Character.SURROGATE) {
            return false;
        }
        // Bidirectional embeddings, overrides and isolates reorder what follows them on a terminal.
        return !(cp >= 0x202A && cp <= 0x202E) && !(cp >= 0x2066 && cp <= 0x2069);
    }
}
