package org.mms.block;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.nodes.Range;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The HTML fragment must splice cleanly into any Outlook/Exchange body: fenced, closed, well-formed. */
class BlockHtmlStructureTest {

    private static final Pattern START_TAG = Pattern.compile("<([a-zA-Z][a-zA-Z0-9]*)(\\s[^>]*)?>");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\s([a-zA-Z-]+)(\\s*=\\s*(.))?");

    static Stream<RenderCase> cases() {
        return Stream.concat(RenderCase.goldenCases().stream(), Stream.of(
                new RenderCase("teams-hostile", HostileCoordinates.teams()),
                new RenderCase("skype-hostile", HostileCoordinates.skype())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fragment_starts_and_ends_with_the_fence_elements(RenderCase renderCase) {
        MeetingType type = renderCase.coordinates().type();
        String html = BlockRenderer.render(renderCase.coordinates()).html();
        HtmlFragment fragment = HtmlFragment.parse(html);
        List<Element> top = fragment.body().children();

        assertThat(html).startsWith(BlockFences.html(type)).endsWith(BlockFences.html(type));
        assertThat(top.getFirst().sourceRange().startPos()).isEqualTo(fragment.fragmentStart());
        assertThat(top.getLast().endSourceRange().endPos()).isEqualTo(fragment.fragmentStart() + html.length());
        assertThat(top.getFirst().text()).isEqualTo(BlockFences.text(type));
        assertThat(top.getLast().text()).isEqualTo(BlockFences.text(type));
        assertThat(top.subList(1, top.size() - 1)).noneMatch(element -> element.text().equals(BlockFences.text(type)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fence_texts_are_exactly_80_underscores_or_137_dots(RenderCase renderCase) {
        MeetingType type = renderCase.coordinates().type();
        List<Element> top = HtmlFragment.parse(BlockRenderer.render(renderCase.coordinates()).html()).body().children();
        String expected = type == MeetingType.TEAMS ? "_".repeat(80) : ".".repeat(137);

        assertThat(top.getFirst().wholeText()).isEqualTo(expected);
        assertThat(top.getLast().wholeText()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void top_level_elements_are_divs_or_paragraphs_and_nothing_else_is_at_top_level(RenderCase renderCase) {
        HtmlFragment fragment = HtmlFragment.parse(BlockRenderer.render(renderCase.coordinates()).html());
        // Teams markup is all divs, the Skype add-in's all Word paragraphs.
        String expected = renderCase.coordinates().type() == MeetingType.TEAMS ? "div" : "p";

        assertThat(fragment.body().children()).extracting(Element::normalName).hasSizeGreaterThan(2).containsOnly(expected);
        for (Node node : fragment.body().childNodes()) {
            if (node instanceof TextNode text) {
                assertThat(text.isBlank()).as("text between top-level elements: [%s]", text.text()).isTrue();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void every_element_has_an_explicit_end_tag_except_br(RenderCase renderCase) {
        HtmlFragment fragment = HtmlFragment.parse(BlockRenderer.render(renderCase.coordinates()).html());
        List<Element> elements = fragment.body().getAllElements().stream().filter(e -> e != fragment.body()).toList();

        assertThat(elements).isNotEmpty();
        for (Element element : elements) {
            assertThat(tracked(element.sourceRange())).as("start tag of %s", element.cssSelector()).isTrue();
            if (element.nameIs("br")) {
                continue;
            }
            assertThat(tracked(element.endSourceRange())).as("end tag of %s", element.cssSelector()).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fragment_parses_without_errors_and_without_document_level_elements(RenderCase renderCase) {
        String html = BlockRenderer.render(renderCase.coordinates()).html();
        HtmlFragment fragment = HtmlFragment.parse(html);

        assertThat(fragment.errors).isEmpty();
        List<String> names = fragment.body().getAllElements().stream()
                .filter(element -> element != fragment.body()).map(Element::normalName).toList();
        assertThat(names).isNotEmpty().doesNotContain("html", "head", "body", "style", "script", "title", "meta");
        assertThat(html.toLowerCase(Locale.ROOT)).doesNotContain("<html", "<head", "<body", "<style", "<script");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void every_attribute_is_double_quoted(RenderCase renderCase) {
        String html = BlockRenderer.render(renderCase.coordinates()).html();
        List<String> attributes = new ArrayList<>();

        Matcher tag = START_TAG.matcher(html);
        while (tag.find()) {
            if (tag.group(2) == null) {
                continue;
            }
            String inside = tag.group(2).replaceAll("\"[^\"]*\"", "\"\"");
            Matcher attribute = ATTRIBUTE.matcher(inside);
            while (attribute.find()) {
                attributes.add(attribute.group(1) + attribute.group(2));
                assertThat(attribute.group(3)).as("value of %s in %s", attribute.group(1), tag.group()).isEqualTo("\"");
            }
        }
        assertThat(attributes).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void html_shows_the_lines_of_the_text_block(RenderCase renderCase) {
        RenderedBlock block = BlockRenderer.render(renderCase.coordinates());

        assertThat(HtmlFragment.parse(block.html()).visibleLines())
                .containsExactlyElementsOf(HtmlFragment.textLinesWithoutLinks(block.text()));
    }

    @Test
    void skype_block_keeps_the_anchors_tools_find_it_by() {
        Element body = HtmlFragment.parse(BlockRenderer.render(SampleCoordinates.skype(Locale.US, true)).html()).body();

        assertThat(body.select("a[name]")).extracting(e -> e.attr("name"))
                .containsExactly("OutJoinLink", "OutSharedNoteBorder", "OutSharedNoteLink");
        Element joinLink = body.selectFirst("a[name=OutJoinLink] + a[href]");
        assertThat(joinLink).isNotNull();
        assertThat(joinLink.attr("href")).isEqualTo("https://meet.example.com/alice/6N2YGD5G");
    }

    @Test
    void teams_block_carries_the_label_language_and_the_meeting_code() {
        Element body = HtmlFragment.parse(BlockRenderer.render(SampleCoordinates.teams(Locale.GERMANY, true)).html()).body();

        Element text = body.selectFirst("div.me-email-text");
        assertThat(text).isNotNull();
        assertThat(text.attr("lang")).isEqualTo("de-DE");
        assertThat(body.select("a.me-email-headline").attr("href")).startsWith("https://teams.microsoft.com/l/meetup-join/");
        assertThat(body.select("span[data-tid=meeting-code]").text()).isEqualTo("Besprechungs-ID: 355 132 640 047");
    }

    private static boolean tracked(Range range) {
        return range.isTracked() && !range.isImplicit();
    }
}
