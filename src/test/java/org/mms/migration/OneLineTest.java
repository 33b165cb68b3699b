package org.mms.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mms.testing.Seeds;

/** Text quoted from input comes out as one printable line, whatever it held. */
class OneLineTest {

    @Test
    void line_breaks_and_the_indentation_around_them_become_one_space() {
        assertThat(OneLine.of("END:VEVENT\r\n END:X\n\n\tnext  ")).isEqualTo("END:VEVENT END:X next  ");
        assertThat(OneLine.of("\r\n\r\nfirst")).isEqualTo("first");
        assertThat(OneLine.of("last\r\n")).isEqualTo("last");
    }

    @Test
    void control_characters_are_written_as_escapes_and_printable_text_stays_as_it_is() {
        assertThat(OneLine.of("a\u0000b\u0007c\u001b[31md\u007f")).isEqualTo("a\\x00b\\x07c\\x1B[31md\\x7F");
        assertThat(OneLine.of("\u009b\u2028\u202e\u2066")).isEqualTo("<U+009B><U+2028><U+202E><U+2066>");
        assertThat(OneLine.of("Jürgen Nørgaard 会議 😀 \u0301")).isEqualTo("Jürgen Nørgaard 会議 😀 \u0301");
        assertThat(OneLine.of("half \ud83d surrogate")).isEqualTo("half <U+D83D> surrogate");
    }

    @Test
    void a_long_quote_is_cut_with_an_ellipsis() {
        assertThat(OneLine.of("x".repeat(1000), 10)).isEqualTo("x".repeat(10) + "…");
        assertThat(OneLine.of(null)).isEmpty();
    }

    @Test
    void any_text_comes_out_on_one_line_without_control_characters() {
        long seed = Seeds.seed(13L);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 2_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(60);
            for (int k = 0; k < length; k++) {
                text.append((char) (random.nextBoolean() ? random.nextInt(0x100) : random.nextInt(0x10000)));
            }
            String line = OneLine.of(text.toString(), 40);
            assertThat(line.codePoints().filter(c -> Character.getType(c) == Character.CONTROL || c == 0x2028 || c == 0x2029
                    || Character.getType(c) == Character.SURROGATE)).as("seed %d, case %d: %s", seed, i, line).isEmpty();
        }
    }
}
