package org.mms.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** How deep components nest never decides whether parsing overflows the stack. */
class ComponentNestingTest {

    private static byte[] event(int depth) {
        return ("BEGIN:VEVENT\r\nUID:deep\r\n" + "BEGIN:X-NEST\r\n".repeat(depth) + "END:X-NEST\r\n".repeat(depth) + "END:VEVENT\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void an_event_nested_5000_deep_is_refused_with_a_clear_error_not_a_stack_overflow() {
        assertThatThrownBy(() -> Component.parse(event(5_000))).isInstanceOf(IcalFormatException.class)
                .hasMessage("components nested more than 32 levels deep");
    }

    @Test
    void nesting_up_to_the_limit_parses_with_every_level_and_its_lines_in_place() {
        Component root = Component.parse(event(Component.MAX_DEPTH - 1));
        assertThat(root.value("UID")).contains("deep");
        Component c = root;
        int levels = 1;
        while (!c.children().isEmpty()) {
            assertThat(c.children()).hasSize(1);
            c = c.children().getFirst();
            levels++;
            assertThat(c.name()).isEqualTo("X-NEST");
        }
        assertThat(levels).isEqualTo(Component.MAX_DEPTH);
        assertThat(root.end()).isEqualTo(event(Component.MAX_DEPTH - 1).length);
    }

    @Test
    void an_end_that_closes_the_wrong_component_and_a_missing_end_are_still_named() {
        byte[] crossed = "BEGIN:VEVENT\r\nBEGIN:VALARM\r\nEND:VEVENT\r\nEND:VALARM\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> Component.parse(crossed)).hasMessage("END:VEVENT where END:VALARM was expected");
        byte[] open = "BEGIN:VEVENT\r\nBEGIN:VALARM\r\nEND:VALARM\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> Component.parse(open)).hasMessage("BEGIN:VEVENT without END:VEVENT");
    }
}
