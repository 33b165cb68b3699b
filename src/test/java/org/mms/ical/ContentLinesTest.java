package org.mms.ical;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ContentLinesTest {

    @Test
    void splits_logical_lines_and_keeps_each_raw_span_with_its_line_ending() {
        byte[] ics = "BEGIN:VEVENT\r\nSUMMARY:Lunch\r\n with folds\r\nEND:VEVENT\r\n".getBytes(UTF_8);

        List<ContentLine> lines = ContentLines.scan(ics);

        assertThat(lines).hasSize(3);
        assertThat(lines.get(1).text()).isEqualTo("SUMMARY:Lunchwith folds");
        assertThat(new String(ics, lines.get(1).start(), lines.get(1).end() - lines.get(1).start(), UTF_8))
                .isEqualTo("SUMMARY:Lunch\r\n with folds\r\n");
        assertThat(lines.get(1).isFolded()).isTrue();
        assertThat(lines.get(2).lineEnding()).containsExactly('\r', '\n');
    }

    @Test
    void unfolds_in_the_byte_domain_when_a_fold_splits_a_utf8_sequence() {
        byte[] umlaut = "ü".getBytes(UTF_8);
        byte[] ics = concat("SUMMARY:gr".getBytes(UTF_8), new byte[] {umlaut[0]}, "\r\n ".getBytes(UTF_8),
                new byte[] {umlaut[1]}, "n\r\n".getBytes(UTF_8));

        ContentLine line = ContentLines.scan(ics).getFirst();

        assertThat(line.text()).isEqualTo("SUMMARY:grün");
    }

    @Test
    void accepts_bare_lf_line_endings_and_lf_folds() {
        byte[] ics = "A:1\nB:2\n 3\nC:4".getBytes(UTF_8);

        List<ContentLine> lines = ContentLines.scan(ics);

        assertThat(lines).extracting(ContentLine::text).containsExactly("A:1", "B:23", "C:4");
        assertThat(lines.get(0).usesBareLf()).isTrue();
        assertThat(lines.get(2).lineEnding()).isEmpty();
    }

    @Test
    void tab_continues_a_line_like_a_space() {
        byte[] ics = "A:1\r\n\t2\r\n".getBytes(UTF_8);

        assertThat(ContentLines.scan(ics).getFirst().text()).isEqualTo("A:12");
    }

    @Test
    void rejects_a_continuation_with_nothing_to_continue() {
        byte[] ics = " SUMMARY:x\r\n".getBytes(UTF_8);

        assertThatThrownBy(() -> ContentLines.scan(ics)).isInstanceOf(IcalFormatException.class)
                .hasMessageContaining("broken folding");
    }

    @Test
    void maps_unfolded_offsets_back_to_raw_offsets_across_folds() {
        byte[] ics = "X:abc\r\n def\r\n".getBytes(UTF_8);
        ContentLine line = ContentLines.scan(ics).getFirst();

        assertThat(line.rawOffset(4)).isEqualTo(4);
        assertThat(line.rawOffset(5)).isEqualTo(8);
        assertThat(line.rawOffset(7)).isEqualTo(10);
        assertThat(line.rawOffset(8)).isEqualTo(line.contentEnd());
        assertThat(line.columnAt(9)).isEqualTo(2);
        assertThat(line.restOfPhysicalLine(5)).isEqualTo(0);
        assertThat(line.restOfPhysicalLine(8)).isEqualTo(3);
    }

    @Test
    void compares_names_case_insensitively_and_only_whole_names() {
        List<ContentLine> lines = ContentLines.scan(("description;LANGUAGE=en:x\r\nDESCRIPTIONS:y\r\nDESC\r\n RIPTION:z\r\n"
                + "BEGIN\r\n :VEVENT\r\nBEGIN\n\t:VALARM\n").getBytes(UTF_8));

        assertThat(lines.get(0).hasName("DESCRIPTION")).isTrue();
        assertThat(lines.get(1).hasName("DESCRIPTION")).isFalse();
        assertThat(lines.get(2).hasName("DESCRIPTION")).isTrue();
        assertThat(lines.get(3).hasName("BEGIN")).as("folded right after the name").isTrue();
        assertThat(lines.get(4).hasName("BEGIN")).as("LF fold with a tab right after the name").isTrue();
        assertThat(lines.get(0).name()).isEqualTo("DESCRIPTION");
    }

    @Test
    void parses_quoted_parameters_containing_colons_and_semicolons() {
        Property p = ContentLines.scan("X-THING;Z=\"a:b;c\";Y=1,2:value;with:colons\r\n".getBytes(UTF_8)).getFirst().property();

        assertThat(p.name()).isEqualTo("X-THING");
        assertThat(p.parameter("z")).contains("a:b;c");
        assertThat(p.parameters().get(1).values()).containsExactly("1", "2");
        assertThat(p.value()).isEqualTo("value;with:colons");
    }

    @Test
    void reads_the_head_of_a_folded_line_as_the_full_parse_does_and_points_at_the_same_value() {
        ContentLine line = ContentLines.scan("X-ALT-DESC;FMTTYPE=\"text/html\";X-\r\n Y=1:<html>caf\u00e9\r\n  body</html>\r\n"
                .getBytes(UTF_8)).getFirst();

        Property.Head head = line.head();
        Property full = line.property();

        assertThat(head.name()).isEqualTo(full.name()).isEqualTo("X-ALT-DESC");
        assertThat(head.parameters()).isEqualTo(full.parameters());
        assertThat(head.parameter("fmttype")).contains("text/html");
        assertThat(head.parameter("X-Y")).contains("1");
        assertThat(head.valueOffset()).isEqualTo(full.valueOffset());
        assertThat(new String(line.unfolded(), head.valueOffset(), line.unfolded().length - head.valueOffset(), UTF_8))
                .isEqualTo(full.value()).isEqualTo("<html>caf\u00e9 body</html>");
    }

    @Test
    void reads_the_head_of_an_unfolded_line_in_place_with_its_value_offset_counted_from_the_line() {
        ContentLine second = ContentLines.scan("UID:1\r\nDTSTART;TZID=\"W. Europe: Standard\";VALUE=DATE-TIME:20261201T090000\r\n"
                .getBytes(UTF_8)).get(1);

        Property.Head head = second.head();

        assertThat(second.isFolded()).isFalse();
        assertThat(head.name()).isEqualTo("DTSTART");
        assertThat(head.parameter("TZID")).contains("W. Europe: Standard");
        assertThat(head.parameters()).isEqualTo(second.property().parameters());
        assertThat(head.valueOffset()).isEqualTo(second.property().valueOffset());
        assertThatThrownBy(() -> ContentLines.scan("UID:1\r\nNOVALUE;X=1\r\n".getBytes(UTF_8)).get(1).head())
                .isInstanceOf(IcalFormatException.class).hasMessageContaining("NOVALUE;X=1");
    }

    @Test
    void finds_a_byte_where_a_plain_loop_finds_it_for_any_bytes_range_and_position() {
        Random random = new Random(20261124);
        for (int round = 0; round < 20_000; round++) {
            byte[] buf = new byte[random.nextInt(64)];
            // A small alphabet, with bytes whose high bit is set, so matches are frequent and signs matter.
            byte[] alphabet = {'\n', '\r', ' ', 'A', (byte) 0x80, (byte) 0x8a, (byte) 0xff, 0};
            for (int i = 0; i < buf.length; i++) {
                buf[i] = alphabet[random.nextInt(alphabet.length)];
            }
            int from = buf.length == 0 ? 0 : random.nextInt(buf.length + 1);
            int to = from + random.nextInt(buf.length - from + 1);
            byte wanted = alphabet[random.nextInt(alphabet.length)];

            int expected = -1;
            for (int i = from; i < to && expected < 0; i++) {
                if (buf[i] == wanted) {
                    expected = i;
                }
            }
            assertThat(ContentLine.indexOf(buf, wanted, from, to)).as("round %d", round).isEqualTo(expected);
        }
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
