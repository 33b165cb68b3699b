package org.mms.migration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ComposeUpdateTest {

    @Test
    void a_summary_with_line_breaks_becomes_a_one_line_subject() {
        assertThat(ComposeUpdate.oneLine("Quarterly review\nRoom 4\r\n(bring slides)")).isEqualTo("Quarterly review Room 4 (bring slides)");
    }

    @Test
    void control_characters_a_server_left_in_a_summary_become_spaces() {
        // Radicale reads a body that is not UTF-8 as ISO-8859-1: "Ü" comes back as "Ã" followed by U+009C.
        assertThat(ComposeUpdate.oneLine("\u00c3\u009cbergabe\u2028Projekt\tNordlicht\u0000")).isEqualTo("\u00c3 bergabe Projekt Nordlicht");
    }

    @Test
    void an_ordinary_summary_is_kept_as_it_is() {
        assertThat(ComposeUpdate.oneLine("  Übergabe — 日本語  ")).isEqualTo("Übergabe — 日本語");
    }
}
