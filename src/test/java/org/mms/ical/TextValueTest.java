package org.mms.ical;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextValueTest {

    private static TextValue valueOf(String line) {
        ContentLine cl = ContentLines.scan(line.getBytes(UTF_8)).getFirst();
        return TextValue.of(cl, cl.property().valueOffset());
    }

    @Test
    void undoes_text_escapes_including_uppercase_n_and_outlook_colon() {
        assertThat(valueOf("DESCRIPTION:a\\,b\\;c\\\\d\\ne\\Nf\\:g\r\n").text()).isEqualTo("a,b;c\\d\ne\nf:g");
    }

    @Test
    void maps_each_character_to_where_its_escape_begins() {
        TextValue v = valueOf("DESCRIPTION:ab\\ncd\r\n");

        assertThat(v.text()).isEqualTo("ab\ncd");
        assertThat(v.rawOffset(2)).isEqualTo("DESCRIPTION:ab".length());
        assertThat(v.rawOffset(3)).isEqualTo("DESCRIPTION:ab\\n".length());
        assertThat(v.rawOffset(5)).isEqualTo(v.line().contentEnd());
    }

    @Test
    void reads_an_escape_split_by_a_fold() {
        TextValue v = valueOf("DESCRIPTION:ab\\\r\n nc\r\n");

        assertThat(v.text()).isEqualTo("ab\nc");
    }

    @Test
    void decodes_utf8_split_by_folds_and_maps_to_the_lead_byte() {
        byte[] emoji = "😀".getBytes(UTF_8);
        byte[] raw = ContentLinesTest.concat("X-ALT-DESC:<".getBytes(UTF_8), new byte[] {emoji[0], emoji[1]},
                "\r\n ".getBytes(UTF_8), new byte[] {emoji[2], emoji[3]}, ">\r\n".getBytes(UTF_8));
        ContentLine cl = ContentLines.scan(raw).getFirst();
        TextValue v = TextValue.of(cl, cl.property().valueOffset());

        assertThat(v.text()).isEqualTo("<😀>");
        assertThat(v.rawOffset(1)).isEqualTo("X-ALT-DESC:<".length());
        assertThat(v.rawOffset(3)).isEqualTo(raw.length - 3);
    }

    @Test
    void reads_malformed_utf8_as_replacement_characters_without_losing_the_rest() {
        byte[] raw = ContentLinesTest.concat("SUMMARY:a".getBytes(UTF_8), new byte[] {(byte) 0xff, (byte) 0xc3}, "b\r\n".getBytes(UTF_8));
        ContentLine cl = ContentLines.scan(raw).getFirst();

        assertThat(TextValue.of(cl, cl.property().valueOffset()).text()).isEqualTo("a\uFFFD\uFFFDb");
    }
}
