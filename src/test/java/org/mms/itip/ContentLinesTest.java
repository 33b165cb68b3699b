package org.mms.itip;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContentLinesTest {

    @Test
    void logical_lines_cover_every_byte_including_folds_and_line_endings() {
        byte[] bytes = "A:1\r\nB:2\r\n 3\r\n\tfour\r\nC:5".getBytes(UTF_8);

        List<ContentLines.Line> lines = ContentLines.split(bytes);

        assertThat(lines).containsExactly(
                new ContentLines.Line(0, 5, "A"),
                new ContentLines.Line(5, 21, "B"),
                new ContentLines.Line(21, 24, "C"));
    }

    @Test
    void unfolding_joins_the_bytes_of_a_utf8_sequence_split_by_a_fold() {
        // "ü" is C3 BC; the fold sits between its two bytes.
        byte[] bytes = HexFormat.of().parseHex("583a4dc30d0a20bc6c6c65720d0a");

        ContentLines.Line line = ContentLines.split(bytes).getFirst();

        assertThat(new String(ContentLines.unfold(bytes, line), UTF_8)).isEqualTo("X:Müller");
    }

    @Test
    void names_are_found_through_folds_and_upper_cased() {
        byte[] bytes = "me\n th\r\n\tod;A=b:x\n".getBytes(UTF_8);

        assertThat(ContentLines.split(bytes)).extracting(ContentLines.Line::name).containsExactly("METHOD");
    }

    @Test
    void value_starts_after_the_first_colon_outside_quotes() {
        byte[] bytes = "METHOD;X-A=\"mailto:a@b\":REQ\r\n UEST\r\n".getBytes(UTF_8);

        assertThat(ContentLines.value(bytes, ContentLines.split(bytes).getFirst())).isEqualTo("REQUEST");
    }
}
