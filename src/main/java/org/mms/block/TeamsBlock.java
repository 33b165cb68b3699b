package org.mms.block;

import static org.mms.block.BlockLabels.Key.TEAMS_CALL_IN;
import static org.mms.block.BlockLabels.Key.TEAMS_CLICK_TO_JOIN;
import static org.mms.block.BlockLabels.Key.TEAMS_DOWNLOAD;
import static org.mms.block.BlockLabels.Key.TEAMS_FIND_LOCAL_NUMBER;
import static org.mms.block.BlockLabels.Key.TEAMS_JOIN_ON;
import static org.mms.block.BlockLabels.Key.TEAMS_JOIN_ON_WEB;
import static org.mms.block.BlockLabels.Key.TEAMS_LEARN_MORE;
import static org.mms.block.BlockLabels.Key.TEAMS_MEETING_ID;
import static org.mms.block.BlockLabels.Key.TEAMS_MEETING_OPTIONS;
import static org.mms.block.BlockLabels.Key.TEAMS_PASSCODE;
import static org.mms.block.BlockLabels.Key.TEAMS_PHONE_CONFERENCE_ID;
import static org.mms.block.BlockLabels.Key.TEAMS_RESET_PIN;
import static org.mms.block.BlockLabels.Key.TEAMS_TITLE;
import static org.mms.block.BlockLabels.Key.TOLL_FREE;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Teams block, modelled on Teams' own invitations of 2020-2023: title, "Join on your computer…", the join
 * link, meeting ID and passcode, the dial-in section, "Learn More | Meeting options", between 80-underscore
 * fences. Links read {@code label <url>} in the text, as in the newer Teams template. An organization's custom
 * footer, when it has one, is the last thing before the closing fence.
 */
final class TeamsBlock {

    private static final String FONTS = "Segoe UI,Helvetica Neue,Helvetica,Arial,sans-serif";
    private static final String TEXT_STYLE = "color:#252424;font-family:" + FONTS;
    private static final String LINK_STYLE = "font-size:14px;text-decoration:underline;color:#6264a7;font-family:" + FONTS;
    private static final String HEADLINE_STYLE = "font-size:14px;font-family:Segoe UI Semibold," + FONTS
            + ";text-decoration:underline;color:#6264a7";
    private static final String NUMBER_STYLE = "font-size:16px;text-decoration:none;color:#6264a7";
    private static final String LABEL_STYLE = "font-size:14px;color:#252424";
    private static final String VALUE_STYLE = "font-size:16px;color:#252424";

    private final Coordinates coordinates;
    private final BlockLabels labels;

    TeamsBlock(Coordinates coordinates, BlockLabels labels) {
        this.coordinates = coordinates;
        this.labels = labels;
    }

    RenderedBlock render() {
        return new RenderedBlock(text(), html());
    }

    private String text() {
        List<String> lines = new ArrayList<>();
        lines.add(BlockFences.TEAMS_TEXT);
        lines.add(labels.get(TEAMS_TITLE));
        lines.add(labels.get(TEAMS_JOIN_ON));
        lines.add(new LabeledLink(labels.get(TEAMS_CLICK_TO_JOIN), coordinates.joinUrl()).text());
        meetingId().ifPresent(id -> lines.add(labels.get(TEAMS_MEETING_ID) + " " + id));
        coordinates.passcode().ifPresent(code -> lines.add(labels.get(TEAMS_PASSCODE) + " " + code));
        textLinks(webLinks()).ifPresent(lines::add);
        if (coordinates.hasDialIn()) {
            lines.add(labels.get(TEAMS_CALL_IN));
            for (DialInNumber number : coordinates.dialIn()) {
                String where = where(number);
                lines.add(where.isEmpty() ? dialString(number) : dialString(number) + " " + where);
            }
            phoneConferenceId().ifPresent(id -> lines.add(labels.get(TEAMS_PHONE_CONFERENCE_ID) + " " + id));
            textLinks(dialInLinks()).ifPresent(lines::add);
        }
        textLinks(footerLinks()).ifPresent(lines::add);
        coordinates.footer().filter(footer -> !footer.text().isEmpty()).ifPresent(footer -> lines.addAll(footer.textLines()));
        lines.add(BlockFences.TEAMS_TEXT);
        return TextLines.join(BlockFences.TEAMS_TEXT, lines);
    }

    private String html() {
        List<String> body = new ArrayList<>();
        body.add(Html.element("div", span("font-size:24px;color:#252424", labels.get(TEAMS_TITLE)),
                "style", "margin-top:24px;margin-bottom:20px"));
        body.add(Html.element("div", "\n"
                        + Html.element("div", span(LABEL_STYLE, labels.get(TEAMS_JOIN_ON)),
                                "style", "margin-top:0px;margin-bottom:0px;font-weight:bold") + "\n"
                        + Html.element("a", Html.escape(labels.get(TEAMS_CLICK_TO_JOIN)),
                                "href", coordinates.joinUrl().toString(), "class", "me-email-headline",
                                "style", HEADLINE_STYLE) + "\n",
                "style", "margin-bottom:20px"));
        meetingCodeHtml().ifPresent(body::add);
        htmlLinks(webLinks()).ifPresent(links -> body.add(Html.element("div", links, "style", "margin-bottom:20px")));
        if (coordinates.hasDialIn()) {
            body.add(dialInHtml());
        }
        htmlLinks(footerLinks()).ifPresent(links ->
                body.add(Html.element("div", links, "style", "margin-bottom:24px;margin-top:20px")));
        coordinates.footer().ifPresent(footer -> body.add(Html.element("div", footer.html(), "style", "margin-bottom:24px")));

        String emailText = Html.element("div", "\n" + String.join("\n", body) + "\n",
                "class", "me-email-text", "lang", labels.languageTag(), "style", TEXT_STYLE);
        return String.join("\n", BlockFences.TEAMS_HTML, emailText, BlockFences.TEAMS_HTML);
    }

    private Optional<String> meetingCodeHtml() {
        List<String> parts = new ArrayList<>();
        meetingId().ifPresent(id -> parts.add(Html.element("span",
                Html.escape(labels.get(TEAMS_MEETING_ID) + " ") + span(VALUE_STYLE, id),
                "data-tid", "meeting-code", "style", LABEL_STYLE)));
        coordinates.passcode().ifPresent(code -> parts.add(
                span(LABEL_STYLE, labels.get(TEAMS_PASSCODE) + " ") + span(VALUE_STYLE, code)));
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        String codes = Html.element("div", String.join("<br>", parts), "style", "margin-bottom:4px");
        return Optional.of(Html.element("div", codes, "style", "margin-bottom:20px;margin-top:20px"));
    }

    private String dialInHtml() {
        List<String> rows = new ArrayList<>();
        rows.add(Html.element("div", Html.escape(labels.get(TEAMS_CALL_IN)),
                "style", "margin-bottom:4px;margin-top:4px;font-size:14px;font-weight:bold"));
        for (DialInNumber number : coordinates.dialIn()) {
            String call = Html.element("a", Html.escape(dialString(number)), "href", telUri(number),
                    "class", "me-email-link", "style", NUMBER_STYLE);
            String where = where(number);
            rows.add(Html.element("div", where.isEmpty() ? call : call + " " + span(LABEL_STYLE, where)));
        }
        phoneConferenceId().ifPresent(id -> rows.add(Html.element("div",
                span("font-size:12px;color:#252424", labels.get(TEAMS_PHONE_CONFERENCE_ID) + " ")
                        + span(LABEL_STYLE, id),
                "style", "margin-bottom:4px;margin-top:4px")));
        htmlLinks(dialInLinks()).ifPresent(links -> rows.add(Html.element("div", links, "style", "font-size:14px")));
        return Html.element("div", "\n" + String.join("\n", rows) + "\n", "style", "margin-bottom:20px;margin-top:20px");
    }

    private Optional<String> meetingId() {
        return coordinates.meetingId().map(DisplayText::groupsOfThree);
    }

    private Optional<String> phoneConferenceId() {
        return coordinates.conferenceId().map(id -> DisplayText.groupsOfThree(id) + "#");
    }

    /** What a phone dials, as Teams shows it: the number, then {@code ,,<conference ID>#} to skip the prompt. */
    private String dialString(DialInNumber number) {
        return DisplayText.oneLine(number.display()) + coordinates.conferenceId().map(id -> ",," + id + "#").orElse("");
    }

    /**
     * The number's {@code tel:} link with the same {@code ,,<id>#} suffix. The {@code #} stays literal, as Teams
     * writes it: phones dial what they see, and many do not decode {@code %23} in a tel link.
     */
    private String telUri(DialInNumber number) {
        return "tel:" + number.e164() + coordinates.conferenceId().map(id -> ",," + id + "#").orElse("");
    }

    /** "United States, Redmond", with "(Toll-free)" after toll-free numbers; empty when there is nothing to say. */
    private String where(DialInNumber number) {
        String place = number.place().map(DisplayText::oneLine).orElse("");
        if (number.kind() == DialInNumber.Kind.TOLL_FREE) {
            return place.isEmpty() ? labels.get(TOLL_FREE) : place + " " + labels.get(TOLL_FREE);
        }
        return place;
    }

    private List<LabeledLink> dialInLinks() {
        return LabeledLink.present(
                LabeledLink.of(labels.get(TEAMS_FIND_LOCAL_NUMBER), coordinates.localNumbersUrl()),
                LabeledLink.of(labels.get(TEAMS_RESET_PIN), coordinates.pinResetUrl()));
    }

    private List<LabeledLink> webLinks() {
        return LabeledLink.present(
                LabeledLink.of(labels.get(TEAMS_DOWNLOAD), coordinates.downloadUrl()),
                LabeledLink.of(labels.get(TEAMS_JOIN_ON_WEB), coordinates.webJoinUrl()));
    }

    private List<LabeledLink> footerLinks() {
        return LabeledLink.present(
                LabeledLink.of(labels.get(TEAMS_LEARN_MORE), coordinates.helpUrl()),
                LabeledLink.of(labels.get(TEAMS_MEETING_OPTIONS), coordinates.meetingOptionsUrl()));
    }

    private static Optional<String> textLinks(List<LabeledLink> links) {
        if (links.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.join(" | ", links.stream().map(LabeledLink::text).toList()));
    }

    private static Optional<String> htmlLinks(List<LabeledLink> links) {
        if (links.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.join(" | ", links.stream()
                .map(link -> Html.element("a", Html.escape(link.label()), "href", link.href(),
                        "class", "me-email-link", "style", LINK_STYLE))
                .toList()));
    }

    private static String span(String style, String text) {
        return Html.element("span", Html.escape(text), "style", style);
    }
}
