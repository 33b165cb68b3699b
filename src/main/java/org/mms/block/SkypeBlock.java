package org.mms.block;

import static org.mms.block.BlockLabels.Key.SKYPE_CONFERENCE_ID;
import static org.mms.block.BlockLabels.Key.SKYPE_FIND_LOCAL_NUMBER;
import static org.mms.block.BlockLabels.Key.SKYPE_FORGOT_PIN;
import static org.mms.block.BlockLabels.Key.SKYPE_HELP;
import static org.mms.block.BlockLabels.Key.SKYPE_JOIN;
import static org.mms.block.BlockLabels.Key.SKYPE_JOIN_BY_PHONE;
import static org.mms.block.BlockLabels.Key.SKYPE_TROUBLE_JOINING;
import static org.mms.block.BlockLabels.Key.SKYPE_TRY_WEB_APP;
import static org.mms.block.BlockLabels.Key.TOLL_FREE;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Skype for Business block, modelled on the Outlook add-in's: "Join Skype Meeting", "Trouble Joining? Try
 * Skype Web App", the dial-in section, "Forgot your dial-in PIN? |Help", the hidden {@code [!OC([LCID])!]}
 * marker, between 137-dot fences, written as Word's {@code MsoNormal} paragraphs. An organization's custom footer
 * goes where Skype for Business Server puts it, just above the marker.
 *
 * <p>The add-in puts a Wingdings arrow glyph inside the {@code OutJoinLink} anchor; it is left out here on
 * purpose, because every client without that font (phones, web mail) shows it as a stray "à". The anchor
 * itself stays, as do the {@code OutSharedNote*} anchors: tools find the block and its parts by them.
 */
final class SkypeBlock {

    private static final String P = "p";
    private static final String MSO_NORMAL = "MsoNormal";
    private static final String GREY_10PT = "font-size:10.0pt;color:#404040";
    private static final String LINK_10PT = "font-size:10.0pt";

    private final Coordinates coordinates;
    private final BlockLabels labels;
    private final int lcid;

    SkypeBlock(Coordinates coordinates, BlockLabels labels, int lcid) {
        this.coordinates = coordinates;
        this.labels = labels;
        this.lcid = lcid;
    }

    RenderedBlock render() {
        return new RenderedBlock(text(), html());
    }

    private String text() {
        List<String> lines = new ArrayList<>();
        lines.add(BlockFences.SKYPE_TEXT);
        lines.add(new LabeledLink(labels.get(SKYPE_JOIN), coordinates.joinUrl()).text());
        lines.add(labels.get(SKYPE_TROUBLE_JOINING) + " " + labels.get(SKYPE_TRY_WEB_APP)
                + " <" + SkypeWebAppLink.of(coordinates.joinUrl()) + ">");
        if (coordinates.hasDialIn()) {
            lines.add(labels.get(SKYPE_JOIN_BY_PHONE));
            for (DialInNumber number : coordinates.dialIn()) {
                lines.add(DisplayText.oneLine(number.display()) + where(number));
            }
            localNumbers().ifPresent(link -> lines.add(link.text()));
            conferenceId().ifPresent(lines::add);
        }
        List<LabeledLink> pinAndHelp = pinAndHelp();
        if (!pinAndHelp.isEmpty()) {
            lines.add(String.join(" |", pinAndHelp.stream().map(LabeledLink::text).toList()));
        }
        footerText().ifPresent(lines::addAll);
        lines.add(marker());
        lines.add(BlockFences.SKYPE_TEXT);
        return TextLines.join(BlockFences.SKYPE_TEXT, lines);
    }

    private String html() {
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(BlockFences.SKYPE_HTML);
        paragraphs.add(paragraph(anchor("OutJoinLink")
                + Html.element("a", span("font-size:16.0pt;color:#0066CC", labels.get(SKYPE_JOIN)),
                        "href", coordinates.joinUrl().toString())
                + anchor("OutSharedNoteBorder") + anchor("OutSharedNoteLink")));
        paragraphs.add(Html.element(P,
                span(GREY_10PT, labels.get(SKYPE_TROUBLE_JOINING) + " ")
                        + Html.element("a", span(LINK_10PT, labels.get(SKYPE_TRY_WEB_APP)),
                                "href", SkypeWebAppLink.of(coordinates.joinUrl())),
                "class", MSO_NORMAL, "style", "margin-left:16.0pt"));
        if (coordinates.hasDialIn()) {
            paragraphs.add(paragraph(span("font-size:13.0pt;color:#404040", labels.get(SKYPE_JOIN_BY_PHONE))));
            for (DialInNumber number : coordinates.dialIn()) {
                String call = Html.element("a", span(LINK_10PT, DisplayText.oneLine(number.display())),
                        "href", "tel:" + number.e164());
                String where = where(number);
                paragraphs.add(paragraph(where.isEmpty() ? call : call + span(GREY_10PT, where)));
            }
            localNumbers().ifPresent(link -> paragraphs.add(paragraph(link(link))));
            conferenceId().ifPresent(id -> paragraphs.add(paragraph(span(GREY_10PT, id))));
        }
        List<LabeledLink> pinAndHelp = pinAndHelp();
        if (!pinAndHelp.isEmpty()) {
            paragraphs.add(paragraph(String.join(span(GREY_10PT, " |"),
                    pinAndHelp.stream().map(SkypeBlock::link).toList())));
        }
        coordinates.footer().ifPresent(footer -> paragraphs.add(Html.element("div", footer.html())));
        // Hidden from readers (1pt, white), there for tools that read the block's language.
        paragraphs.add(paragraph(span("font-size:1.0pt;color:white;vertical-align:sub", marker())));
        paragraphs.add(BlockFences.SKYPE_HTML);
        return String.join("\n", paragraphs);
    }

    /**
     * The organization's footer, where Skype for Business Server puts its custom footer: after the add-in's own
     * lines and before the locale marker, which stays the last line so that tools reading the block's language
     * find it where the add-in leaves it.
     */
    private Optional<List<String>> footerText() {
        return coordinates.footer().filter(footer -> !footer.text().isEmpty()).map(CustomFooter::textLines);
    }

    /** " (Redmond)", then " (Toll-free)" for toll-free numbers; empty when there is nothing to add. */
    private String where(DialInNumber number) {
        String place = number.place().map(DisplayText::oneLine).filter(p -> !p.isEmpty())
                .map(p -> " (" + p + ")").orElse("");
        return number.kind() == DialInNumber.Kind.TOLL_FREE ? place + " " + labels.get(TOLL_FREE) : place;
    }

    private Optional<LabeledLink> localNumbers() {
        return LabeledLink.of(labels.get(SKYPE_FIND_LOCAL_NUMBER), coordinates.localNumbersUrl());
    }

    private Optional<String> conferenceId() {
        return coordinates.conferenceId().map(id -> labels.get(SKYPE_CONFERENCE_ID) + " " + id);
    }

    /** With dial-in: "Forgot your dial-in PIN?" and "Help"; without it, "Help" alone, as the add-in does. */
    private List<LabeledLink> pinAndHelp() {
        Optional<LabeledLink> pin = coordinates.hasDialIn()
                ? LabeledLink.of(labels.get(SKYPE_FORGOT_PIN), coordinates.pinResetUrl())
                : Optional.empty();
        return LabeledLink.present(pin, LabeledLink.of(labels.get(SKYPE_HELP), coordinates.helpUrl()));
    }

    /** {@code [!OC([1033])!]}: the organizer's Windows LCID, in decimal. */
    private String marker() {
        return "[!OC([" + lcid + "])!]";
    }

    private static String link(LabeledLink link) {
        return Html.element("a", span(LINK_10PT, link.label()), "href", link.href());
    }

    private static String anchor(String name) {
        return Html.element("a", "", "name", name);
    }

    private static String paragraph(String innerHtml) {
        return Html.element(P, innerHtml, "class", MSO_NORMAL);
    }

    private static String span(String style, String text) {
        return Html.element("span", Html.escape(text), "style", style);
    }
}
