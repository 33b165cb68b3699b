package org.mms.block;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mms.block.FindTextFences.TextFence;

class FindTextFencesTest {

    private static String dots(int n) {
        return ".".repeat(n);
    }

    private static String underscores(int n) {
        return "_".repeat(n);
    }

    @Test
    void a_skype_fence_wrapped_as_outlook_does_it_is_one_fence_from_its_first_dot_to_its_last() {
        String fence = dots(71) + "\n" + dots(66);
        String body = "Alice\n\n" + fence + "\nJoin Skype Meeting";

        assertThat(FindTextFences.in(body)).containsExactly(
                new TextFence(Fence.SKYPE, body.indexOf(fence), body.indexOf(fence) + fence.length()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "76 + 61      | .  | 76,61",
        "68 + 69      | .  | 68,69",
        "117 + 20     | .  | 117,20",
        "three pieces | .  | 50,50,37",
        "four pieces  | .  | 40,40,37,20",
        "teams 40+40  | _  | 40,40",
        "teams 60+20  | _  | 60,20",
    })
    void a_fence_wrapped_at_any_width_counts_when_its_pieces_add_up_to_the_exact_length(String name, char mark, String widths) {
        StringBuilder fence = new StringBuilder();
        for (String width : widths.split(",")) {
            fence.append(fence.isEmpty() ? "" : "\n").append(String.valueOf(mark).repeat(Integer.parseInt(width)));
        }
        String body = "Before\n" + fence + "\nAfter";

        Fence kind = mark == '.' ? Fence.SKYPE : Fence.TEAMS;
        assertThat(FindTextFences.in(body)).containsExactly(
                new TextFence(kind, body.indexOf(fence.toString()), body.indexOf(fence.toString()) + fence.length()));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"\n", "\r\n"})
    void the_pieces_may_be_separated_by_either_line_ending_and_the_fence_ends_before_the_next_one(String eol) {
        String fence = dots(71) + eol + dots(66);
        String body = "Alice" + eol + fence + eol + "Join <https://meet.contoso.com/alice/X>";

        TextFence found = FindTextFences.in(body).getFirst();

        assertThat(body.substring(found.start(), found.end())).isEqualTo(fence);
        assertThat(body.substring(found.end())).startsWith(eol + "Join");
    }

    @Test
    void white_space_after_the_last_piece_stays_outside_and_white_space_between_pieces_is_the_fences() {
        String fence = dots(71) + " \r\n\t" + dots(66);
        String body = "x\r\n" + fence + " \r\ny";

        assertThat(FindTextFences.in(body)).containsExactly(
                new TextFence(Fence.SKYPE, body.indexOf(fence), body.indexOf(fence) + fence.length()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "one dot short      | 71,65",
        "one dot over       | 71,67",
        "two short lines    | 70,60",
        "a piece too short  | 90,37,10",
        "many short pieces  | 19,19,19,19,19,19,19,4",
    })
    void lines_of_dots_that_do_not_add_up_to_a_fence_are_no_fence(String name, String widths) {
        StringBuilder lines = new StringBuilder();
        for (String width : widths.split(",")) {
            lines.append(dots(Integer.parseInt(width))).append('\n');
        }

        assertThat(FindTextFences.in("Notes\n" + lines + "End")).isEmpty();
    }

    @Test
    void pieces_apart_from_each_other_are_no_fence() {
        assertThat(FindTextFences.in(dots(71) + "\n\n" + dots(66))).isEmpty();
        assertThat(FindTextFences.in(dots(71) + "\nsee below\n" + dots(66))).isEmpty();
    }

    @Test
    void dots_and_underscores_do_not_add_up_to_one_fence() {
        assertThat(FindTextFences.in(dots(40) + "\n" + underscores(40))).isEmpty();
        assertThat(FindTextFences.in(underscores(40) + "\n" + dots(97))).isEmpty();
    }

    @Test
    void dots_inside_a_line_of_user_text_are_no_piece_of_a_fence() {
        String body = "Chapter 1 " + dots(61) + " page 3\n" + dots(76) + "\nAgenda" + dots(127) + "\n" + dots(10);

        assertThat(FindTextFences.in(body)).isEmpty();
    }

    @Test
    void a_whole_fence_stays_whole_and_the_piece_after_it_is_not_drawn_into_it() {
        String body = dots(137) + "\n" + dots(71) + "\n" + dots(66);

        List<TextFence> found = FindTextFences.in(body);

        assertThat(found).containsExactly(new TextFence(Fence.SKYPE, 0, 137),
                new TextFence(Fence.SKYPE, 138, body.length()));
    }

    @Test
    void a_fence_on_one_line_keeps_the_tolerance_for_clients_that_redraw_it() {
        String body = underscores(78) + "\nJoin\n" + dots(140);

        assertThat(FindTextFences.in(body)).containsExactly(new TextFence(Fence.TEAMS, 0, 78),
                new TextFence(Fence.SKYPE, 84, body.length()));
    }
}
