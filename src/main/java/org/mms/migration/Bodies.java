package org.mms.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mms.block.BlockSpan;
import org.mms.block.Coordinates;
import org.mms.block.FindHtmlBlock;
import org.mms.block.FindTextBlock;
import org.mms.block.HtmlBlock;
import org.mms.block.Location;
import org.mms.block.MeetingType;
import org.mms.block.RenderedBlock;
import org.mms.block.ShownCoordinates;
import org.mms.block.TeamsMeetingDetails;
import org.mms.ical.Component;
import org.mms.ical.ComponentEditor;
import org.mms.ical.ContentLine;
import org.mms.ical.TextValue;

/**
 * The invitation's two bodies, DESCRIPTION (plain text) and X-ALT-DESC (HTML), with the block found
 * in each. Both must agree: blocks of the same meeting type, or no block where there is no such body.
 * The meeting's type is told by {@link TellMeetingType}: its properties and join links before its fences.
 */
final class Bodies {

    private final TextValue text;
    private final BlockSpan textSpan;
    private final TextValue html;
    private final HtmlBlock htmlBlock;
    private final MeetingType type;
    private final Outcome outcome;
    private ShownCoordinates shown;

    private Bodies(TextValue text, BlockSpan textSpan, TextValue html, HtmlBlock htmlBlock, MeetingType type, Outcome outcome) {
        this.text = text;
        this.textSpan = textSpan;
        this.html = html;
        this.htmlBlock = htmlBlock;
        this.type = type;
        this.outcome = outcome;
    }

    /**
     * The HTML blocks found in one meeting's components, by body and join link: the same body is parsed
     * once, and its block (which remembers its replacement) is shared.
     */
    static final class HtmlFinds {
        private final java.util.Map<List<Object>, FindHtmlBlock.Result> found = new java.util.HashMap<>();

        FindHtmlBlock.Result in(String html, Optional<String> ownLink) {
            return found.computeIfAbsent(List.of(html, ownLink), key -> FindHtmlBlock.in(html, ownLink));
        }
    }

    static Bodies locate(Component event, Optional<String> ownLink, HtmlFinds htmlFinds) {
        TextValue text = description(event).orElse(null);
        TextValue html = htmlDescription(event).orElse(null);
        BlockSpan textSpan = null;
        if (text != null) {
            Location found = FindTextBlock.in(text.text(), ownLink);
            if (found instanceof Location.Refused(var problem, var detail)) {
                return failed(FailReason.of(problem), "plain-text body: " + detail);
            }
            if (found instanceof Location.Found(BlockSpan span)) {
                textSpan = span;
            }
        }
        HtmlBlock htmlBlock = null;
        if (html != null) {
            FindHtmlBlock.Result found = htmlFinds.in(html.text(), ownLink);
            if (found instanceof FindHtmlBlock.Refused(var problem, var detail)) {
                return failed(FailReason.of(problem), "HTML body: " + detail);
            }
            if (found instanceof FindHtmlBlock.Found(HtmlBlock block)) {
                htmlBlock = block;
            }
        }
        if (textSpan == null && htmlBlock == null) {
            return new Bodies(text, null, html, null, null,
                    new Outcome.Skipped(SkipReason.NO_BLOCK, "the add-in's properties are there, but the invitation body has no online-meeting block"));
        }
        if (text != null && !text.text().isBlank() && textSpan == null) {
            return failed(FailReason.BODIES_DISAGREE, "the HTML body has an online-meeting block but the plain-text body has none");
        }
        if (html != null && htmlBlock == null && textSpan != null && !html.text().isBlank()) {
            return failed(FailReason.BODIES_DISAGREE, "the plain-text body has an online-meeting block but the HTML body has none that can be located");
        }
        List<TellMeetingType.Shown> shown = new ArrayList<>(2);
        if (textSpan != null) {
            shown.add(TellMeetingType.Shown.inText(textSpan.of(text.text()), textSpan.fenceType()));
        }
        if (htmlBlock != null) {
            shown.add(TellMeetingType.Shown.inHtml(htmlBlock));
        }
        if (shown.size() == 2 && shown.get(0).differsFrom(shown.get(1))) {
            return failed(FailReason.BODIES_DISAGREE, "the plain-text body's block shows " + shown.get(0).describe()
                    + ", but the HTML body's " + shown.get(1).describe());
        }
        return new Bodies(text, textSpan, html, htmlBlock, TellMeetingType.of(event, shown), null);
    }

    private static Bodies failed(FailReason reason, String detail) {
        return new Bodies(null, null, null, null, null, new Outcome.Failed(reason, detail));
    }

    /** Whether the plain-text body shows something fenced like a block (to explain a skip). */
    static boolean hasFence(Component event) {
        Optional<TextValue> text = description(event).filter(t -> !t.text().isBlank());
        if (text.isPresent()) {
            return !(FindTextBlock.in(text.get().text(), Optional.empty()) instanceof Location.Absent);
        }
        // An HTML-only invitation (Exchange keeps no plain text) shows its block in HTML alone.
        return htmlDescription(event).map(h -> !(FindHtmlBlock.in(h.text(), Optional.empty()) instanceof FindHtmlBlock.Absent))
                .orElse(false);
    }

    private static Optional<TextValue> description(Component event) {
        return event.first("DESCRIPTION").map(Bodies::textValue);
    }

    private static Optional<TextValue> htmlDescription(Component event) {
        for (ContentLine line : event.all("X-ALT-DESC")) {
            if (line.head().parameter("FMTTYPE").filter(f -> f.equalsIgnoreCase("text/html")).isPresent()) {
                return Optional.of(textValue(line));
            }
        }
        return Optional.empty();
    }

    private static TextValue textValue(ContentLine line) {
        return TextValue.of(line, line.head().valueOffset());
    }

    /** A skip or failure decided while locating, if any. */
    Optional<Outcome> outcome() {
        return Optional.ofNullable(outcome);
    }

    MeetingType type() {
        return type;
    }

    String oldBlockText() {
        return textSpan != null ? textSpan.of(text.text()) : htmlBlock.visibleText();
    }

    /** The HTML body's block before and after {@code rendered} replaces it; empty when the meeting has no HTML block. */
    Optional<HtmlBlocks> htmlBlocks(RenderedBlock rendered) {
        return htmlBlock == null ? Optional.empty() : Optional.of(new HtmlBlocks(htmlBlock.span().of(html.text()), rendered.html()));
    }

    /** What the old block shows, read once. */
    private ShownCoordinates shown() {
        if (shown == null) {
            shown = ShownCoordinates.of(oldBlockText(), type);
        }
        return shown;
    }

    /** The meeting's own details the old block shows (meeting ID, passcode, its Teams pages). */
    TeamsMeetingDetails meetingDetails() {
        // An HTML-only block shows its links behind labels: its hrefs count too.
        return TeamsMeetingDetails.of(shown(), textSpan == null ? htmlBlock.links() : List.of());
    }

    /** Every link the old block shows; an HTML-only block shows its links behind labels, so its hrefs count too. */
    List<String> links() {
        if (textSpan != null || htmlBlock == null) {
            return shown().links();
        }
        List<String> links = new ArrayList<>(shown().links());
        htmlBlock.links().stream().filter(link -> !links.contains(link)).forEach(links::add);
        return links;
    }

    /** The digit groups (numbers and IDs) the old block shows. */
    Set<String> digitGroups() {
        return shown().digitGroups();
    }

    /**
     * What the whole plain-text body shows, for telling whose meeting it is when its block cannot be
     * located (two blocks, a missing fence): its links and digit groups, wherever they stand.
     */
    static ShownCoordinates shownInPlainText(Component event) {
        return ShownCoordinates.of(description(event).map(TextValue::text).orElse(""), MeetingType.SKYPE);
    }

    /** The old block's join link when the properties do not state one: the first link it shows. */
    Optional<String> firstJoinLink() {
        return links().stream().findFirst();
    }

    /**
     * Whether the old block already shows the target; the links it shows include those behind labels, so an
     * HTML-only block whose join link is the target's counts as showing it.
     */
    boolean alreadyShows(Coordinates target, RenderedBlock rendered) {
        return shown().withLinks(links()).shows(target, ShownCoordinates.of(rendered.text(), target.type()));
    }

    /** Whether the block shows what a block MMS rendered as {@code blockText} shows (its links behind labels included). */
    boolean showsBlock(String blockText) {
        return shown().withLinks(links()).showsAllOf(ShownCoordinates.of(blockText, type));
    }

    /** Plans both body edits; a refusal (the HTML could not be replaced safely) comes back as an outcome. */
    Optional<Outcome> replace(ComponentEditor editor, RenderedBlock rendered) {
        if (textSpan != null) {
            editor.replaceText(text, textSpan.start(), textSpan.end(), rendered.text());
        }
        if (htmlBlock != null) {
            HtmlBlock.Replacement replacement = htmlBlock.replaceWith(rendered.html());
            if (replacement instanceof HtmlBlock.Refused(var problem, var detail)) {
                return Optional.of(new Outcome.Failed(FailReason.of(problem), "HTML body: " + detail));
            }
            BlockSpan span = htmlBlock.span();
            editor.replaceText(html, span.start(), span.end(), rendered.html());
        }
        return Optional.empty();
    }
}
