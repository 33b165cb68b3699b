package org.mms.block;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Web links in block text, and the loose comparison used to tell whether two of them are the same link. */
final class Links {

    private Links() {
    }

    /** Every http(s) link in {@code text}, in order, without trailing punctuation. */
    static List<String> in(CharSequence text) {
        List<String> links = new ArrayList<>(4);
        forEach(text, (start, end) -> links.add(text.subSequence(start, end).toString()));
        return links;
    }

    /** Where each link lies: {@code [start, end)} of every http(s) link, trailing punctuation excluded. */
    interface Span {
        void at(int start, int end);
    }

    /**
     * Scans for links by hand rather than with a regular expression: this runs several times for every
     * meeting, and a scan is an order of magnitude cheaper.
     */
    static void forEach(CharSequence text, Span span) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            int start = startOfLink(text, i);
            if (start < 0) {
                return;
            }
            int end = start;
            while (end < n && !endsLink(text.charAt(end))) {
                end++;
            }
            int stop = end;
            while (stop > start && ".,;:!?)".indexOf(text.charAt(stop - 1)) >= 0) {
                stop--;
            }
            int schemeLength = text.charAt(start + 4) == ':' ? 7 : 8;
            if (stop > start + schemeLength) {
                span.at(start, stop);
            }
            i = end;
        }
    }

    /** The index of the next "http://" or "https://" (any case) at or after {@code from}, or -1. */
    private static int startOfLink(CharSequence text, int from) {
        int n = text.length();
        for (int i = from; i + 7 <= n; i++) {
            char c = text.charAt(i);
            if ((c == 'h' || c == 'H') && matchesAt(text, i, "http")) {
                int j = i + 4;
                if (j < n && (text.charAt(j) == 's' || text.charAt(j) == 'S')) {
                    j++;
                }
                if (j + 3 <= n && text.charAt(j) == ':' && text.charAt(j + 1) == '/' && text.charAt(j + 2) == '/') {
                    return i;
                }
            }
        }
        return -1;
    }

    private static boolean matchesAt(CharSequence text, int at, String lower) {
        for (int k = 0; k < lower.length(); k++) {
            if (Character.toLowerCase(text.charAt(at + k)) != lower.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Where a link written in text ends: white space, quotes, brackets. */
    static boolean endsLink(char c) {
        return Character.isWhitespace(c) || c == '<' || c == '>' || c == '"' || c == '\'' || c == '[' || c == ']' || c == '\u00a0';
    }

    /**
     * A form of a link for comparison: percent-escapes decoded and case folded, so the {@code %3a}
     * and {@code %3A} spellings Exchange and Teams use for the same meeting compare equal.
     */
    static String comparable(String link) {
        String s = link.trim();
        try {
            s = URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedEscape) {
            // Keep it as written: comparing a link with a stray '%' literally is still meaningful.
        }
        return s.toLowerCase(Locale.ROOT);
    }

    static boolean same(String a, String b) {
        return comparable(a).equals(comparable(b));
    }
}
