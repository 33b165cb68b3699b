package org.mms.block;

/**
 * The lines that open and close an online-meeting block, exactly as this renderer writes them. They are what
 * recognizers look for first, so they are kept in one place: Microsoft fences Teams blocks with 80 underscores
 * and Skype for Business blocks with 137 dots, in the plain text and in the HTML alike.
 */
public final class BlockFences {

    /** The Teams fence line: exactly 80 underscores. */
    public static final String TEAMS_TEXT = Fence.TEAMS.line();

    /** The Skype for Business fence line: exactly 137 dots. */
    public static final String SKYPE_TEXT = Fence.SKYPE.line();

    /** The Teams fence element, as in Teams' own invitation markup. */
    public static final String TEAMS_HTML = "<div style=\"width:100%;height:20px\">"
            + "<span style=\"white-space:nowrap;color:#5F5F5F;opacity:.36\">" + TEAMS_TEXT + "</span></div>";

    /** The Skype for Business fence element, as the Outlook add-in writes it (Word's MsoNormal paragraph). */
    public static final String SKYPE_HTML = "<p class=\"MsoNormal\">"
            + "<span style=\"font-size:8.0pt;color:#404040\">" + SKYPE_TEXT + "</span></p>";

    private BlockFences() {
    }

    /** The fence line of a plain-text block of this type. */
    public static String text(MeetingType type) {
        return switch (type) {
            case TEAMS -> TEAMS_TEXT;
            case SKYPE -> SKYPE_TEXT;
        };
    }

    /** The fence element of an HTML block of this type. */
    public static String html(MeetingType type) {
        return switch (type) {
            case TEAMS -> TEAMS_HTML;
            case SKYPE -> SKYPE_HTML;
        };
    }
}
