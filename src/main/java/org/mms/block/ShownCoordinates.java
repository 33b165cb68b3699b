package org.mms.block;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a block shows, read without its labels: the web links, and the digit groups (dial-in numbers,
 * conference and meeting IDs) with their spacing and punctuation removed. Comparing the digit groups
 * of an existing block with those of the block MMS would render tells, in any language and any
 * template generation, whether the invitation already shows the target coordinates.
 */
public record ShownCoordinates(MeetingType type, List<String> links, Set<String> digitGroups, String text) {

    private static final Pattern DIGIT_GROUP = Pattern.compile("\\d(?:[\\d \\u00a0()\\-./]*\\d)?");
    private static final Pattern LOCALE_MARKER = Pattern.compile("\\[!OC\\(\\[[^\\]]*\\]\\)!\\]");
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"'\\]\\[]+", Pattern.CASE_INSENSITIVE);
    /** Shorter runs are ordinals, times or locale codes, not numbers anyone dials. */
    private static final int MIN_DIGITS = 4;

    public ShownCoordinates {
        links = List.copyOf(links);
        digitGroups = Set.copyOf(digitGroups);
    }

    public static ShownCoordinates of(String blockText, MeetingType type) {
        String withoutMarker = LOCALE_MARKER.matcher(blockText).replaceAll(" ");
        List<String> links = Links.in(withoutMarker);
        String withoutLinks = LINK.matcher(withoutMarker).replaceAll(" ");
        Set<String> groups = new LinkedHashSet<>();
        Matcher m = DIGIT_GROUP.matcher(withoutLinks);
        while (m.find()) {
            String digits = m.group().replaceAll("\\D", "");
            if (digits.length() >= MIN_DIGITS) {
                groups.add(digits);
            }
        }
        return new ShownCoordinates(type, links, groups, blockText);
    }

    /**
     * Whether this block already shows {@code target}: same kind of meeting, the target's join link
     * among its links, exactly the same digit groups (no number missing, none left over), and the
     * passcode if the target has one.
     */
    public boolean shows(Coordinates target, ShownCoordinates rendered) {
        if (type != target.type() || !digitGroups.equals(rendered.digitGroups())) {
            return false;
        }
        String join = target.joinUrl().toString();
        if (links.stream().noneMatch(link -> Links.same(link, join))) {
            return false;
        }
        return target.passcode().map(p -> Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(p) + "(?![A-Za-z0-9])")
                .matcher(text).find()).orElse(true);
    }
}
