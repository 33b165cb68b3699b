package org.mms.block;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An organization's custom footer in the rendered block: inside it, last before the closing fence (Skype: above
 * the locale marker, where Skype for Business Server puts it), escaped when it is text, and no obstacle to finding
 * the block again and telling that it already shows its target.
 */
class CustomFooterTest {

    private static final String TEXT = """
            Join from a video conferencing device: alice.ABCD1234@video.contoso.com
            Cisco Jabber: call sip:alice.ABCD1234@video.contoso.com
            Contoso IT Help Desk: +1 425 555 0142 <helpdesk@contoso.com>""";

    private static final CustomFooter TEXT_ONLY = accepted(Optional.of(TEXT), Optional.empty());
    private static final CustomFooter WITH_HTML = accepted(Optional.of(TEXT), Optional.of(
            "<p><a href=\"https://www.contoso.com/\"><img src=\"https://www.contoso.com/logo.png\" alt=\"Contoso\" height=\"24\"></a></p>"
                    + "<p>Join from a <b>video conferencing device</b>: alice.ABCD1234@video.contoso.com<br>"
                    + "Cisco Jabber: call sip:alice.ABCD1234@video.contoso.com<br>"
                    + "Contoso IT Help Desk: <a href=\"tel:+14255550142\">+1 425 555 0142</a> "
                    + "<a href=\"mailto:helpdesk@contoso.com\">helpdesk@contoso.com</a></p>"));

    private static CustomFooter accepted(Optional<String> text, Optional<String> html) {
        CheckFooter.Result result = CheckFooter.check("text", text, "html", html);
        assertThat(result).isInstanceOf(CheckFooter.Accepted.class);
        return ((CheckFooter.Accepted) result).footer().orElseThrow();
    }

    private static Coordinates coordinates(MeetingType type, CustomFooter footer) {
        Coordinates plain = type == MeetingType.TEAMS ? SampleCoordinates.teams(Locale.US, true) : SampleCoordinates.skype(Locale.US, true);
        return plain.withFooter(Optional.of(footer));
    }

    @ParameterizedTest
    @EnumSource(MeetingType.class)
    void the_footer_lines_end_the_text_block(MeetingType type) {
        List<String> lines = List.of(BlockRenderer.render(coordinates(type, TEXT_ONLY)).text().split("\n"));
        List<String> footer = List.of(TEXT.split("\n"));

        // Skype keeps its locale marker last, as the add-in and Skype for Business Server write it.
        int tail = type == MeetingType.SKYPE ? 2 : 1;
        assertThat(lines.subList(lines.size() - tail - footer.size(), lines.size() - tail)).containsExactlyElementsOf(footer);
        assertThat(lines.getLast()).isEqualTo(BlockFences.text(type));
        if (type == MeetingType.SKYPE) {
            assertThat(lines.get(lines.size() - 2)).isEqualTo("[!OC([1033])!]");
        }
    }

    @ParameterizedTest
    @EnumSource(MeetingType.class)
    void a_text_footer_is_escaped_in_the_html_with_a_line_break_for_each_line(MeetingType type) {
        String html = BlockRenderer.render(coordinates(type, TEXT_ONLY)).html();

        assertThat(html).contains("Contoso IT Help Desk: +1 425 555 0142 &lt;helpdesk@contoso.com&gt;")
                .contains("alice.ABCD1234@video.contoso.com<br>Cisco Jabber:")
                .doesNotContain("<helpdesk@contoso.com>");
        assertThat(HtmlFragment.parse(html).visibleLines()).containsSubsequence(List.of(TEXT.split("\n")));
    }

    @ParameterizedTest
    @EnumSource(MeetingType.class)
    void the_footer_html_sits_inside_the_block_between_its_fences(MeetingType type) {
        String html = BlockRenderer.render(coordinates(type, WITH_HTML)).html();
        HtmlFragment parsed = HtmlFragment.parse(html);

        assertThat(parsed.errors).isEmpty();
        Element logo = parsed.body().selectFirst("img[src=https://www.contoso.com/logo.png]");
        assertThat(logo).isNotNull();
        assertThat(html.indexOf(WITH_HTML.html())).isGreaterThan(html.indexOf(BlockFences.html(type)))
                .isLessThan(html.lastIndexOf(BlockFences.html(type)));
        assertThat(parsed.visibleLines()).contains("Cisco Jabber: call sip:alice.ABCD1234@video.contoso.com");
    }

    @ParameterizedTest
    @EnumSource(MeetingType.class)
    void a_block_with_its_footer_is_found_again_and_already_shows_its_target(MeetingType type) {
        Coordinates target = coordinates(type, WITH_HTML);
        RenderedBlock block = BlockRenderer.render(target);
        String textBody = "Agenda first.\n\n" + block.text() + "\n";
        String htmlBody = "<html><body><p>Agenda first.</p>" + block.html() + "</body></html>";
        ShownCoordinates rendered = ShownCoordinates.of(block.text(), type);

        Location inText = FindTextBlock.in(textBody, Optional.of(target.joinUrl().toString()));
        FindHtmlBlock.Result inHtml = FindHtmlBlock.in(htmlBody, Optional.of(target.joinUrl().toString()));

        assertThat(inText).isEqualTo(new Location.Found(new BlockSpan(textBody.indexOf(block.text()),
                textBody.indexOf(block.text()) + block.text().length(), type)));
        BlockSpan textSpan = ((Location.Found) inText).span();
        assertThat(ShownCoordinates.of(textSpan.of(textBody), type).shows(target, rendered)).isTrue();
        assertThat(inHtml).isInstanceOf(FindHtmlBlock.Found.class);
        HtmlBlock htmlBlock = ((FindHtmlBlock.Found) inHtml).block();
        assertThat(htmlBody.substring(htmlBlock.span().start(), htmlBlock.span().end())).isEqualTo(block.html());
        assertThat(WITH_HTML.shownIn(htmlBlock.visibleText())).as("the footer, read from the HTML body alone").isTrue();
    }

    @ParameterizedTest
    @EnumSource(MeetingType.class)
    void a_block_without_the_footer_does_not_yet_show_a_target_that_has_one(MeetingType type) {
        Coordinates withFooter = coordinates(type, TEXT_ONLY);
        Coordinates without = withFooter.withFooter(Optional.empty());
        String oldBlock = BlockRenderer.render(without).text();

        assertThat(ShownCoordinates.of(oldBlock, type).shows(without, ShownCoordinates.of(oldBlock, type))).isTrue();
        assertThat(ShownCoordinates.of(oldBlock, type).shows(withFooter,
                ShownCoordinates.of(BlockRenderer.render(withFooter).text(), type))).isFalse();
    }

    @ParameterizedTest
    @EnumSource(MeetingType.class)
    void rendering_with_a_footer_is_still_a_pure_function(MeetingType type) {
        assertThat(BlockRenderer.render(coordinates(type, WITH_HTML))).isEqualTo(BlockRenderer.render(coordinates(type, WITH_HTML)));
    }
}
