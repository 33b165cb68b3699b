package org.mms.ical;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FoldingTest {

    private static final byte[] CRLF = {'\r', '\n'};

    @Test
    void folds_long_lines_at_75_octets_counting_the_continuation_space() {
        byte[] folded = Folding.foldLine(("DESCRIPTION:" + "x".repeat(200)).getBytes(UTF_8), CRLF);

        String s = new String(folded, UTF_8);
        assertThat(s).endsWith("\r\n");
        for (String physical : s.substring(0, s.length() - 2).split("\r\n", -1)) {
            assertThat(physical.getBytes(UTF_8).length).isLessThanOrEqualTo(75);
        }
        assertThat(ContentLines.scan(folded).getFirst().text()).isEqualTo("DESCRIPTION:" + "x".repeat(200));
    }

    @Test
    void never_splits_a_utf8_sequence_or_an_escape() {
        String value = "DESCRIPTION:" + "ä😀\\n会\\,".repeat(40);
        byte[] folded = Folding.foldLine(value.getBytes(UTF_8), new byte[] {'\n'});

        List<ContentLine> lines = ContentLines.scan(folded);
        assertThat(lines).hasSize(1);
        assertThat(lines.getFirst().text()).isEqualTo(value);
        for (String physical : new String(folded, UTF_8).split("\n")) {
            assertThat(physical).doesNotEndWith("\\");
            assertThat(physical.getBytes(UTF_8).length).isLessThanOrEqualTo(75);
            assertThat(physical).doesNotContain("\uFFFD");
        }
        assertThat(new String(folded, UTF_8)).doesNotContain("\r");
    }

    @Test
    void continues_from_the_given_column_and_folds_before_a_rest_that_would_not_fit() {
        byte[] inserted = Folding.foldInto(70, "abcdefghij".getBytes(UTF_8), 70, CRLF);

        assertThat(new String(inserted, UTF_8)).isEqualTo("abcde\r\n fghij\r\n ");
    }

    @Test
    void adds_no_fold_when_the_rest_still_fits() {
        byte[] inserted = Folding.foldInto(10, "abc".getBytes(UTF_8), 20, CRLF);

        assertThat(new String(inserted, UTF_8)).isEqualTo("abc");
    }
}
