package org.mms.block;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The join link and conference ID a block shows, for reports: read from the block's text without its
 * labels, so a localized block reads the same.
 *
 * <ul>
 *   <li>the join link: the first link whose kind is known (Skype or Teams meeting), help and dial-in pages passed over;
 *   <li>the conference ID: digits ending in {@code #} (Teams: {@code 539 145 064#}; both: the {@code ,,id#} of a tel link),
 *       else a line that ends in a label's colon and digits alone, without a phone number's {@code +} (Skype: {@code 68138}).
 * </ul>
 */
public record JoinDetails(Optional<String> joinUrl, Optional<String> conferenceId) {

    private static final Pattern HASH_ENDED = Pattern.compile("(?<![\\d+])(\\d(?:[\\d ]{2,14}\\d)?)#");
    private static final Pattern LABELED = Pattern.compile("(?m)^[^+\\d\\n<>]*:\\s*(\\d[\\d ]{2,14}\\d)\\s*$");

    public static JoinDetails of(String blockText) {
        if (blockText == null || blockText.isEmpty()) {
            return new JoinDetails(Optional.empty(), Optional.empty());
        }
        Optional<String> link = Links.in(blockText).stream().filter(l -> JoinLinkType.of(l).isPresent()).findFirst();
        return new JoinDetails(link, conferenceId(blockText));
    }

    private static Optional<String> conferenceId(String text) {
        Matcher hash = HASH_ENDED.matcher(text);
        if (hash.find()) {
            return Optional.of(digits(hash.group(1)));
        }
        Matcher labeled = LABELED.matcher(text);
        return labeled.find() ? Optional.of(digits(labeled.group(1))) : Optional.empty();
    }

    private static String digits(String spaced) {
        return spaced.replace(" ", "");
    }
}
