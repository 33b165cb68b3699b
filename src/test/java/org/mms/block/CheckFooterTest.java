package org.mms.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every footer of {@code fixtures/block/custom-footers.tsv} gets the verdict the table gives it: hostile ones are
 * refused with their problem, under the name of the field that has it; harmless ones are accepted.
 */
class CheckFooterTest {

    private static final String TEXT_FIELD = "CustomFooterText";
    private static final String HTML_FIELD = "CustomFooterHtml";

    static Stream<Arguments> table() throws IOException {
        List<Arguments> rows = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(CheckFooterTest.class.getResourceAsStream("/fixtures/block/custom-footers.tsv"))) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] cells = line.split("\t", -1);
                    rows.add(Arguments.of(cells[0], cells[1], cells[2]));
                }
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("table")
    void each_footer_gets_the_verdict_the_table_gives_it_under_its_fields_name(String field, String value, String expected) {
        Optional<String> given = Optional.of(unescape(value));
        CheckFooter.Result result = field.equals("text")
                ? CheckFooter.check(TEXT_FIELD, given, HTML_FIELD, Optional.empty())
                : CheckFooter.check(TEXT_FIELD, Optional.empty(), HTML_FIELD, given);

        if (expected.equals("accept")) {
            assertThat(result).isInstanceOf(CheckFooter.Accepted.class);
            assertThat(((CheckFooter.Accepted) result).footer()).isPresent();
        } else {
            assertThat(result).isInstanceOf(CheckFooter.Refused.class);
            String name = field.equals("text") ? TEXT_FIELD : HTML_FIELD;
            assertThat(((CheckFooter.Refused) result).problems()).anySatisfy(problem ->
                    assertThat(problem).startsWith(name + " ").contains(expected));
        }
    }

    @Test
    void given_only_the_text_the_html_shows_it_escaped_with_a_line_break_per_line() {
        CustomFooter footer = accepted(Optional.of("Help desk <4357>\r\n& video: alice@video.contoso.com\n"), Optional.empty());

        assertThat(footer.text()).isEqualTo("Help desk <4357>\n& video: alice@video.contoso.com");
        assertThat(footer.html()).isEqualTo("Help desk &lt;4357&gt;<br>&amp; video: alice@video.contoso.com");
    }

    @Test
    void given_only_the_html_the_text_is_what_it_shows() {
        CustomFooter footer = accepted(Optional.empty(),
                Optional.of("<p>Help desk: <a href=\"tel:+14255550142\">+1 425 555 0142</a></p><p>Video &amp; Jabber</p>"));

        assertThat(footer.text()).isEqualTo("Help desk: +1 425 555 0142\nVideo & Jabber");
    }

    @Test
    void blank_values_are_no_footer() {
        assertThat(CheckFooter.check(TEXT_FIELD, Optional.of(" \n "), HTML_FIELD, Optional.of("")))
                .isEqualTo(new CheckFooter.Accepted(Optional.empty()));
    }

    @Test
    void every_problem_is_reported_at_once() {
        CheckFooter.Result result = CheckFooter.check(TEXT_FIELD, Optional.of("a\u0000b"), HTML_FIELD,
                Optional.of("<script>x</script><p onclick=\"y\">z</p>"));

        assertThat(((CheckFooter.Refused) result).problems()).hasSize(3)
                .anyMatch(p -> p.startsWith(TEXT_FIELD + " must not contain control characters"))
                .anyMatch(p -> p.startsWith(HTML_FIELD + " must not contain <script>"))
                .anyMatch(p -> p.startsWith(HTML_FIELD + " must not contain event handlers"));
    }

    @Test
    void a_footer_cannot_be_made_around_the_check() {
        assertThatThrownBy(() -> new CustomFooter("Help", "<img src=x onerror=alert(1)>"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("html has an image that is not from an https link")
                .hasMessageContaining("html must not contain event handlers (onerror on <img>)");
    }

    private static CustomFooter accepted(Optional<String> text, Optional<String> html) {
        CheckFooter.Result result = CheckFooter.check(TEXT_FIELD, text, HTML_FIELD, html);
        assertThat(result).isInstanceOf(CheckFooter.Accepted.class);
        return ((CheckFooter.Accepted) result).footer().orElseThrow();
    }

    private static final Pattern REPEAT = Pattern.compile("\\{(\\d+)\\*([^}]+)}");

    /** The table's escapes: a backslash before n, r, t, another backslash or uXXXX, and {@code {N*s}}. */
    private static String unescape(String value) {
        Matcher m = REPEAT.matcher(value);
        StringBuilder repeated = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(repeated, Matcher.quoteReplacement(m.group(2).repeat(Integer.parseInt(m.group(1)))));
        }
        m.appendTail(repeated);
        String s = repeated.toString();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                out.append(c);
                continue;
            }
            char next = s.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(next);
            }
        }
        return out.toString();
    }
}
