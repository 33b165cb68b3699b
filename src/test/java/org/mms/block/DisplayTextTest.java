package org.mms.block;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DisplayTextTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "355132640047, 355 132 640 047",
        "21305095066, 213 050 950 66",
        "57676213, 576 762 13",
        "123, 123",
        "1, 1",
    })
    void ids_are_grouped_by_three_from_the_left_as_teams_shows_them(String digits, String grouped) {
        assertThat(DisplayText.groupsOfThree(digits)).isEqualTo(grouped);
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', value = {
        "'Redmond'                | Redmond",
        "'United States,\nRedmond' | 'United States, Redmond'",
        "'a\r\n\tb'               | 'a b'",
        "'a\u2028b\u0085c'        | 'a b c'",
        "' Berlin\n'              | Berlin",
    })
    void free_text_is_kept_on_one_line(String value, String expected) {
        assertThat(DisplayText.oneLine(value)).isEqualTo(expected);
    }
}
