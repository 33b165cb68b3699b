package org.mms.block;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FindTextBlockTest {

    private static final String TEAMS_FENCE = "_".repeat(80);
    private static final String SKYPE_FENCE = ".".repeat(137);

    @Test
    void finds_a_teams_block_by_its_fences_whatever_the_language() {
        String block = TEAMS_FENCE + "\nMicrosoft Teams-Besprechung\nKlicken Sie hier <https://teams.microsoft.com/l/meetup-join/19%3a1>\n" + TEAMS_FENCE;
        String body = "Hallo zusammen,\nbis bald.\n\n" + block + "\n\nGrüße";

        Location found = FindTextBlock.in(body, Optional.empty());

        assertThat(found).isEqualTo(new Location.Found(new BlockSpan(body.indexOf(block), body.indexOf(block) + block.length(), MeetingType.TEAMS)));
    }

    @Test
    void finds_a_skype_block_and_ignores_short_separator_lines() {
        String body = "Agenda\n" + "_".repeat(32) + "\nFrom: Bob\n" + SKYPE_FENCE + "\nJoin Skype Meeting <https://meet.contoso.com/alice/X>\n[!OC([1033])!]\n" + SKYPE_FENCE + "\n";

        Location found = FindTextBlock.in(body, Optional.empty());

        assertThat(found).isInstanceOf(Location.Found.class);
        assertThat(((Location.Found) found).span().fenceType()).isEqualTo(MeetingType.SKYPE);
        assertThat(((Location.Found) found).span().of(body)).startsWith(SKYPE_FENCE).endsWith(SKYPE_FENCE);
    }

    @Test
    void reports_a_block_whose_closing_fence_is_missing() {
        String body = TEAMS_FENCE + "\nJoin <https://teams.microsoft.com/l/meetup-join/x>\nno end";

        Location found = FindTextBlock.in(body, Optional.empty());

        assertThat(found).isInstanceOf(Location.Refused.class);
        assertThat(((Location.Refused) found).problem()).isEqualTo(BlockProblem.END_FENCE_MISSING);
    }

    @Test
    void chooses_among_several_blocks_by_the_meetings_own_join_link() {
        String mine = TEAMS_FENCE + "\nJoin <https://teams.microsoft.com/l/meetup-join/19%3aMINE>\n" + TEAMS_FENCE;
        String pasted = TEAMS_FENCE + "\nJoin <https://teams.microsoft.com/l/meetup-join/19%3aOTHER>\n" + TEAMS_FENCE;
        String body = pasted + "\n\n" + mine;

        Location found = FindTextBlock.in(body, Optional.of("https://teams.microsoft.com/l/meetup-join/19%3Amine"));

        assertThat(found).isInstanceOf(Location.Found.class);
        assertThat(((Location.Found) found).span().start()).isEqualTo(body.indexOf(mine));
    }

    @Test
    void refuses_to_guess_between_blocks_that_do_not_show_the_meetings_link() {
        String a = TEAMS_FENCE + "\n<https://teams.microsoft.com/l/meetup-join/a>\n" + TEAMS_FENCE;
        String b = TEAMS_FENCE + "\n<https://teams.microsoft.com/l/meetup-join/b>\n" + TEAMS_FENCE;

        Location found = FindTextBlock.in(a + "\n" + b, Optional.of("https://teams.microsoft.com/l/meetup-join/c"));

        assertThat(found).isInstanceOf(Location.Refused.class);
        assertThat(((Location.Refused) found).problem()).isEqualTo(BlockProblem.AMBIGUOUS_BLOCK);
    }

    @Test
    void fences_without_a_link_between_them_are_decoration_not_a_block() {
        String body = TEAMS_FENCE + "\nJust a quote\n" + TEAMS_FENCE;

        assertThat(FindTextBlock.in(body, Optional.empty())).isInstanceOf(Location.Absent.class);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {" ", "\t", "\u00a0", " \t\u00a0"})
    void the_span_runs_from_the_first_fence_mark_to_the_last_and_leaves_white_space_around_the_fences_outside(String space) {
        String block = TEAMS_FENCE + space + "\nJoin <https://teams.microsoft.com/l/meetup-join/19%3a1>\n" + TEAMS_FENCE;
        String body = "Agenda\n" + space + block + space + "\r\nBye";

        Location found = FindTextBlock.in(body, Optional.empty());

        int start = body.indexOf(block);
        assertThat(found).isEqualTo(new Location.Found(new BlockSpan(start, start + block.length(), MeetingType.TEAMS)));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"\n", "\r\n"})
    void finds_a_skype_block_whose_fences_outlook_wrapped_over_two_lines_and_spans_them_whole(String eol) {
        String wrapped = ".".repeat(71) + eol + ".".repeat(66);
        String block = wrapped + eol + "Join Skype Meeting <https://meet.contoso.com/alice/X>" + eol + "[!OC([1033])!]" + eol + wrapped;
        String body = "Team," + eol + eol + block + eol + eol;

        Location found = FindTextBlock.in(body, Optional.empty());

        int start = body.indexOf(block);
        assertThat(found).isEqualTo(new Location.Found(new BlockSpan(start, start + block.length(), MeetingType.SKYPE)));
    }

    @Test
    void finds_a_block_whose_closing_fence_alone_is_wrapped() {
        String block = SKYPE_FENCE + "\nJoin Skype Meeting <https://meet.contoso.com/alice/X>\n" + ".".repeat(76) + "\n" + ".".repeat(61);
        String body = "Agenda\n" + block + "\nBye";

        Location found = FindTextBlock.in(body, Optional.empty());

        int start = body.indexOf(block);
        assertThat(found).isEqualTo(new Location.Found(new BlockSpan(start, start + block.length(), MeetingType.SKYPE)));
    }

    @Test
    void finds_a_teams_block_whose_fences_are_wrapped_in_three_and_two_pieces() {
        String block = "_".repeat(30) + "\n" + "_".repeat(30) + "\n" + "_".repeat(20)
                + "\nJoin <https://teams.microsoft.com/l/meetup-join/19%3a1>\n" + "_".repeat(40) + "\n" + "_".repeat(40);
        String body = "Hi\n" + block + "\n";

        Location found = FindTextBlock.in(body, Optional.empty());

        int start = body.indexOf(block);
        assertThat(found).isEqualTo(new Location.Found(new BlockSpan(start, start + block.length(), MeetingType.TEAMS)));
    }

    @Test
    void the_white_space_after_a_wrapped_closing_fence_stays_outside_the_span() {
        String wrapped = ".".repeat(71) + " \n" + ".".repeat(66);
        String block = wrapped + " \nJoin Skype Meeting <https://meet.contoso.com/alice/X>\n" + wrapped;
        String body = "Agenda\n" + block + " \t\nBye";

        Location found = FindTextBlock.in(body, Optional.empty());

        int start = body.indexOf(block);
        assertThat(found).isEqualTo(new Location.Found(new BlockSpan(start, start + block.length(), MeetingType.SKYPE)));
        assertThat(body.substring(start + block.length())).isEqualTo(" \t\nBye");
    }

    @Test
    void chooses_a_wrapped_block_over_a_pasted_whole_one_by_the_meetings_own_join_link() {
        String wrapped = ".".repeat(71) + "\n" + ".".repeat(66);
        String pasted = SKYPE_FENCE + "\nJoin Skype Meeting <https://meet.contoso.com/bob/OTHER>\n" + SKYPE_FENCE;
        String mine = wrapped + "\nJoin Skype Meeting <https://meet.contoso.com/alice/MINE>\n" + wrapped;
        String body = mine + "\n\nFrom Bob:\n" + pasted;

        Location found = FindTextBlock.in(body, Optional.of("https://meet.contoso.com/alice/MINE"));

        assertThat(found).isEqualTo(new Location.Found(new BlockSpan(0, mine.length(), MeetingType.SKYPE)));
    }

    @Test
    void a_wrapped_opening_fence_without_a_closing_one_is_reported() {
        String body = ".".repeat(71) + "\n" + ".".repeat(66) + "\nJoin Skype Meeting <https://meet.contoso.com/alice/X>\nno end";

        Location found = FindTextBlock.in(body, Optional.empty());

        assertThat(found).isInstanceOf(Location.Refused.class);
        assertThat(((Location.Refused) found).problem()).isEqualTo(BlockProblem.END_FENCE_MISSING);
    }
}
