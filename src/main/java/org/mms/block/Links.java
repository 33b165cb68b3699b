package org.mms.block;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Web links in block text, and the loose comparison used to tell whether two of them are the same link. */
final class Links {

    private static final Pattern WEB_LINK = Pattern.compile("https?://[^\\s<>\"'\\]\\[]+", Pattern.CASE_INSENSITIVE);

    private Links() {
    }

    /** Every http(s) link in {@code text}, in order, without trailing punctuation. */
    static List<String> in(CharSequence text) {
        List<String> links = new ArrayList<>(4);
        Matcher m = WEB_LINK.matcher(text);
        while (m.find()) {
            String link = m.group();
            while (!link.isEmpty() && ".,;:!?)".indexOf(link.charAt(link.length() - 1)) >= 0) {
                link = link.substring(0, link.length() - 1);
            }
            links.add(link);
        }
        return links;
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
