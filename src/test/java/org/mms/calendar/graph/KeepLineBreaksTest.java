package org.mms.calendar.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeepLineBreaksTest {

    @Test
    void an_unchanged_body_comes_back_as_graph_gave_it() {
        String stored = "<html>\r\n<body>\r\n<p>x</p>\r\n</body>\r\n</html>\r\n";

        assertThat(KeepLineBreaks.splice(stored, stored.replace("\r\n", "\n"))).isSameAs(stored);
    }

    @Test
    void only_the_edited_stretch_is_replaced_and_keeps_the_stored_line_breaks() {
        String stored = "<div>before</div>\r\n<div>OLD\r\nBLOCK</div>\r\n<div>after 😀</div>";

        String spliced = KeepLineBreaks.splice(stored, "<div>before</div>\n<div>NEW\nBLOCK\nLONGER</div>\n<div>after 😀</div>");

        assertThat(spliced).isEqualTo("<div>before</div>\r\n<div>NEW\r\nBLOCK\r\nLONGER</div>\r\n<div>after 😀</div>");
    }

    @Test
    void a_body_with_lf_only_stays_lf_only() {
        assertThat(KeepLineBreaks.splice("a\nOLD\nz", "a\nNEW\nz")).isEqualTo("a\nNEW\nz");
    }
}
