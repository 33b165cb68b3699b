package org.mms.block;

/**
 * Renders the online-meeting block for a meeting's coordinates, in plain text and HTML.
 *
 * <p>The shape follows the meeting type: Teams blocks are modelled on Teams' own invitations (80-underscore
 * fences, "Click here to join the meeting", meeting ID and passcode, "Or call in (audio only)"), Skype for
 * Business blocks on the Outlook add-in's (137-dot fences, the {@code OutJoinLink} anchors, "Trouble Joining?",
 * the hidden {@code [!OC([LCID])!]} marker). Lines whose data is absent are left out.
 *
 * <p>Labels follow {@link Coordinates#locale()}: its language picks the label set (de-AT gets the German
 * labels), and a language without labels gets the en-US ones. See {@link BlockLabels}.
 *
 * <p>Rendering is a pure function: the same coordinates always give byte-identical text and HTML. The whole
 * engine relies on that to recognize a meeting that already shows its target block and leave it alone.
 */
public final class BlockRenderer {

    private BlockRenderer() {
    }

    /** The block these coordinates call for. */
    public static RenderedBlock render(Coordinates coordinates) {
        BlockLabels labels = BlockLabels.forLocale(coordinates.locale());
        return switch (coordinates.type()) {
            case TEAMS -> new TeamsBlock(coordinates, labels).render();
            case SKYPE -> new SkypeBlock(coordinates, labels, WindowsLcid.of(coordinates.locale())).render();
        };
    }
}
