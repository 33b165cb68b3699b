package org.mms.block;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class FindHtmlBlockTest {

    private static final String FENCE = "<div style=\"width:100%;height: 20px;\"><span style=\"white-space:nowrap;color:#5F5F5F;opacity:.36;\">"
            + "_".repeat(80) + "</span></div>";
    private static final String BLOCK = FENCE + "<div class=\"me-email-text\"><a href=\"https://teams.microsoft.com/l/meetup-join/19%3aX\">Join</a></div>" + FENCE;

    @Test
    void locates_the_block_from_the_first_fence_element_to_the_last_in_the_original_string() {
        String html = "<html><body><p>Hi &amp; welcome 😀</p>\r\n" + BLOCK + "<p>Bye</p></body></html>";

        FindHtmlBlock.Result found = FindHtmlBlock.in(html, Optional.empty());

        assertThat(found).isInstanceOf(FindHtmlBlock.Found.class);
        BlockSpan span = ((FindHtmlBlock.Found) found).block().span();
        assertThat(span.of(html)).isEqualTo(BLOCK);
    }

    @Test
    void replacing_keeps_every_character_outside_the_block() {
        String before = "<!DOCTYPE html><HTML><BODY><P class=x>Caf&eacute; <b>bold</b></P>";
        String after = "<p>Ünïcödé 会议</p><!-- note --></BODY></HTML>";
        String html = before + BLOCK + after;
        HtmlBlock block = ((FindHtmlBlock.Found) FindHtmlBlock.in(html, Optional.empty())).block();
        String newBlock = FENCE + "<div><a href=\"https://teams.microsoft.com/l/meetup-join/19%3aY\">Join</a></div>" + FENCE;

        HtmlBlock.Replacement replaced = block.replaceWith(newBlock);

        assertThat(replaced).isInstanceOf(HtmlBlock.Replaced.class);
        assertThat(((HtmlBlock.Replaced) replaced).html()).isEqualTo(before + newBlock + after);
    }

    @Test
    void refuses_fences_that_are_not_siblings() {
        String html = "<body><table><tr><td>Notes " + FENCE + "<a href=\"https://teams.microsoft.com/l/meetup-join/x\">Join</a></td></tr></table>"
                + FENCE + "</body>";

        FindHtmlBlock.Result found = FindHtmlBlock.in(html, Optional.empty());

        assertThat(found).isInstanceOf(FindHtmlBlock.Refused.class);
        assertThat(((FindHtmlBlock.Refused) found).problem()).isEqualTo(BlockProblem.HTML_UNSAFE);
    }

    @Test
    void refuses_a_replacement_that_would_change_the_document_around_the_block() {
        // A stray </b> inside the old block closes the <b> opened before it; the new block lacks it, so
        // "after" would turn bold: the splice must be refused.
        String open = "<div><p>.</p>" + FENCE.replace("</span></div>", "</span></div></b>");
        String html = "<body><b>bold " + open + "<div><a href=\"https://teams.microsoft.com/l/meetup-join/x\">Join</a></div>"
                + FENCE + "</div>after</body>";
        FindHtmlBlock.Result found = FindHtmlBlock.in(html, Optional.empty());
        if (found instanceof FindHtmlBlock.Found(HtmlBlock block)) {
            HtmlBlock.Replacement replaced = block.replaceWith(FENCE + "<div><a href=\"https://x.example/j\">Join</a></div>" + FENCE);
            assertThat(replaced).isInstanceOf(HtmlBlock.Refused.class);
        } else {
            assertThat(found).isInstanceOf(FindHtmlBlock.Refused.class);
        }
    }

    @Test
    void a_body_without_long_rules_is_not_parsed_at_all() {
        assertThat(FindHtmlBlock.in("<p>" + "_".repeat(32) + "</p>", Optional.empty())).isInstanceOf(FindHtmlBlock.Absent.class);
    }
}
