package org.mms.block;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Values are data, never markup: escaped in the HTML, literal in the text, and shown to readers as they are. */
class BlockEscapingTest {

    private final RenderedBlock teams = BlockRenderer.render(HostileCoordinates.teams());
    private final RenderedBlock skype = BlockRenderer.render(HostileCoordinates.skype());

    @Test
    void hostile_place_is_escaped_in_the_html() {
        assertThat(teams.html()).contains(HostileCoordinates.PLACE_ESCAPED).doesNotContain(HostileCoordinates.PLACE);
        assertThat(skype.html()).contains(HostileCoordinates.PLACE_ESCAPED).doesNotContain(HostileCoordinates.PLACE);
    }

    @Test
    void hostile_place_stays_text_when_the_html_is_parsed() {
        for (RenderedBlock block : List.of(teams, skype)) {
            Element body = HtmlFragment.parse(block.html()).body();

            assertThat(body.select("script")).isEmpty();
            assertThat(body.getAllElements()).anyMatch(e -> e.ownText().contains(HostileCoordinates.PLACE));
        }
    }

    @Test
    void hostile_place_appears_literally_in_the_text() {
        assertThat(teams.text()).contains("+1 425-555-0100,,4242# " + HostileCoordinates.PLACE);
        assertThat(skype.text()).contains("+1 425-555-0100 (" + HostileCoordinates.PLACE + ")");
    }

    @Test
    void url_with_ampersands_and_quotes_is_escaped_in_href_and_literal_in_text() {
        assertThat(HostileCoordinates.JOIN_URL.toString()).isEqualTo(HostileCoordinates.JOIN_URL_STRING);

        assertThat(teams.html()).contains("href=\"" + HostileCoordinates.JOIN_URL_ESCAPED + "\"");
        assertThat(teams.text()).contains("<" + HostileCoordinates.JOIN_URL_STRING + ">");
        assertThat(HtmlFragment.parse(teams.html()).body().select("a.me-email-headline").attr("href"))
                .isEqualTo(HostileCoordinates.JOIN_URL_STRING);

        assertThat(skype.html()).contains("href=\"" + HostileCoordinates.JOIN_URL_ESCAPED + "\"")
                .contains("href=\"" + HostileCoordinates.JOIN_URL_ESCAPED + "&amp;sl=1\"");
        assertThat(skype.text()).contains("<" + HostileCoordinates.JOIN_URL_STRING + "&sl=1>");
    }

    @Test
    void parsed_html_shows_the_same_words_as_the_text_block() {
        for (RenderedBlock block : List.of(teams, skype)) {
            assertThat(HtmlFragment.parse(block.html()).visibleLines())
                    .containsExactlyElementsOf(HtmlFragment.textLinesWithoutLinks(block.text()));
        }
    }

    @Test
    void escape_covers_the_five_html_metacharacters() {
        assertThat(Html.escape("a&b<c>d\"e'f")).isEqualTo("a&amp;b&lt;c&gt;d&quot;e&#39;f");
        assertThat(Html.escape("Örebro – ok")).isEqualTo("Örebro – ok");
    }

    @Test
    void element_escapes_attribute_values_and_always_closes() {
        assertThat(Html.element("a", "x", "href", "https://h/?a=1&b='2'"))
                .isEqualTo("<a href=\"https://h/?a=1&amp;b=&#39;2&#39;\">x</a>");
        assertThat(Html.element("a", "", "name", "OutSharedNoteLink")).isEqualTo("<a name=\"OutSharedNoteLink\"></a>");
    }
}
