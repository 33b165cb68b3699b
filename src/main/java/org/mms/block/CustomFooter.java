package org.mms.block;

import java.util.List;
import java.util.Objects;

/**
 * The organization's own text at the end of every block it renders: video-system and Jabber dial instructions,
 * a logo link, a help desk line. Skype for Business Server calls it the meeting invitation's custom footer; MMS
 * keeps it across a migration only when an admin configures it, because the block it replaces is replaced whole.
 *
 * <p>A footer can only be made valid ({@link CheckFooter} says what is wrong with one): its text holds no fence
 * line and no control characters, its HTML is a small, balanced fragment of allowed elements and links. Both
 * forms are always there; {@link CheckFooter} derives the one an admin did not give.
 *
 * @param text the plain-text footer: lines joined by {@code \n}, without surrounding white space
 * @param html the HTML footer: a fragment that {@link CheckFooter} allows, placed inside an element of the block
 */
public record CustomFooter(String text, String html) {

    /** Characters, for the text and the HTML each: longer than any footer an organization writes. */
    public static final int MAX_LENGTH = 4000;

    public CustomFooter {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
        List<String> problems = CheckFooter.problems(text, html);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("not a valid custom footer: " + String.join("; ", problems));
        }
    }

    /** The plain-text lines, as the text block shows them. */
    List<String> textLines() {
        return List.of(text.split("\n", -1));
    }

    /**
     * Whether a block's text already shows this footer: every non-blank line of its text, or of its HTML's visible
     * text, appears in {@code blockText}. White space is not compared: an HTML body and a client's re-wrapping move
     * it, and a footer is the same footer whatever its spacing.
     */
    boolean shownIn(String blockText) {
        String shown = withoutWhiteSpace(blockText);
        return allLinesIn(text, shown) || allLinesIn(CheckFooter.visibleText(html), shown);
    }

    private static boolean allLinesIn(String footer, String shown) {
        for (String line : footer.split("\n")) {
            String words = withoutWhiteSpace(line);
            if (!words.isEmpty() && !shown.contains(words)) {
                return false;
            }
        }
        return true;
    }

    private static String withoutWhiteSpace(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
