package org.mms.block;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a block shows, read without its labels: the web links, and the digit groups (dial-in numbers,
 * conference and meeting IDs) with their spacing and punctuation removed. Comparing the digit groups
 * of an existing block with those of the block MMS would render tells, in any language and any
 * template generation, whether the invitation already shows the target coordinates.
 */
public record ShownCoordinates(MeetingType type, List<String> links, Set<String> digitGroups, String text) {

    /** Shorter runs are ordinals, times or locale codes, not numbers anyone dials. */
    private static final int MIN_DIGITS = 4;
    private static final String LOCALE_MARKER = "[!OC(";

    public ShownCoordinates {
        links = List.copyOf(links);
        digitGroups = Set.copyOf(digitGroups);
    }

    public static ShownCoordinates of(String blockText, MeetingType type) {
        // Blank out what is not a coordinate: links (their digits are IDs inside URLs) and the
        // locale marker (its number is a language). Offsets stay, so nothing merges across them.
        char[] text = blockText.toCharArray();
        List<String> links = new ArrayList<>(4);
        Links.forEach(blockText, (start, end) -> {
            links.add(blockText.substring(start, end));
            Arrays.fill(text, start, end, ' ');
        });
        // A tel: link repeats a number shown next to it, in whatever form the writer chose (Outlook writes
        // <tel:+18666799995,,369952710#> after "(866) 679-9995"): the shown number is what counts.
        blankTelLinks(blockText, text);
        for (int at = blockText.indexOf(LOCALE_MARKER); at >= 0; at = blockText.indexOf(LOCALE_MARKER, at + 1)) {
            int close = blockText.indexOf("!]", at);
            Arrays.fill(text, at, close < 0 ? text.length : close + 2, ' ');
        }
        return new ShownCoordinates(type, links, digitGroups(text), blockText);
    }

    /**
     * The same, with {@code links} as the links shown: an HTML block shows its join link behind a label
     * ({@code <a href="https://teams.microsoft.com/l/meetup-join/...">Join the meeting now</a>}), which its text
     * alone does not show.
     */
    public ShownCoordinates withLinks(List<String> links) {
        return new ShownCoordinates(type, links, digitGroups, text);
    }

    /** Blanks every {@code tel:} link (any case, not inside a word) up to the next space, quote or angle bracket. */
    private static void blankTelLinks(String blockText, char[] text) {
        int n = blockText.length();
        for (int at = 0; at + 4 <= n; at++) {
            if (!blockText.regionMatches(true, at, "tel:", 0, 4) || (at > 0 && Character.isLetterOrDigit(blockText.charAt(at - 1)))) {
                continue;
            }
            int end = at + 4;
            while (end < n && !Links.endsLink(blockText.charAt(end))) {
                end++;
            }
            Arrays.fill(text, at, end, ' ');
            at = end;
        }
    }

    /**
     * Runs of digits, allowing the separators numbers are written with (space, no-break space,
     * parentheses, dash, dot, slash) between digits, with the separators dropped.
     */
    private static Set<String> digitGroups(char[] text) {
        Set<String> groups = new LinkedHashSet<>();
        StringBuilder digits = new StringBuilder();
        int i = 0;
        while (i < text.length) {
            if (!isDigit(text[i])) {
                i++;
                continue;
            }
            digits.setLength(0);
            int lastDigit = i;
            int j = i;
            while (j < text.length && (isDigit(text[j]) || isSeparator(text[j]))) {
                if (isDigit(text[j])) {
                    digits.append(text[j]);
                    lastDigit = j;
                }
                j++;
            }
            if (digits.length() >= MIN_DIGITS) {
                groups.add(digits.toString());
            }
            i = lastDigit + 1;
        }
        return groups;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '\u00a0' || c == '(' || c == ')' || c == '-' || c == '.' || c == '/';
    }

    /**
     * Whether this block shows what {@code other} shows: the same kind of meeting, exactly the same digit groups,
     * and each of its links. How a block MMS rendered is recognized in a calendar that stores its own rendering.
     */
    public boolean showsAllOf(ShownCoordinates other) {
        return type == other.type && digitGroups.equals(other.digitGroups)
                && other.links.stream().allMatch(wanted -> links.stream().anyMatch(link -> Links.same(link, wanted)));
    }

    /**
     * Whether this block already shows {@code target}: same kind of meeting, the target's join link
     * among its links, exactly the same digit groups (no number missing, none left over), the
     * passcode if the target has one, and the organization's footer if the target has one.
     */
    public boolean shows(Coordinates target, ShownCoordinates rendered) {
        if (type != target.type() || !digitGroups.equals(rendered.digitGroups())) {
            return false;
        }
        String join = target.joinUrl().toString();
        if (links.stream().noneMatch(link -> Links.same(link, join))) {
            return false;
        }
        if (target.footer().filter(footer -> !footer.shownIn(text)).isPresent()) {
            return false;
        }
        return target.passcode().map(p -> Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(p) + "(?![A-Za-z0-9])")
                .matcher(text).find()).orElse(true);
    }
}
