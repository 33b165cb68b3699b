package org.mms.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mms.block.BlockFences;
import org.mms.ical.Component;
import org.mms.ical.ContentLine;
import org.mms.ical.TextValue;
import org.mms.migration.ComponentPlan;
import org.mms.migration.Outcome;
import org.mms.migration.SkipReason;
import org.mms.testing.GoldenRule;

/**
 * Outlook's plain text of a Skype for Business invitation wraps the 137-dot fence over two lines while the HTML
 * keeps it whole. Such a meeting is migrated like any other: the wrapped fence lines are replaced with the rest
 * of the block, and what stood before the first fence line and after the last one is kept byte for byte.
 */
class WrappedFencesTest {

    private static final String FILE = "ics/outlook-wrapped-fences.ics";

    @TempDir
    Path work;

    @Test
    void every_future_meeting_is_migrated_and_nothing_outside_the_migrated_meetings_changes() throws IOException {
        Fixtures.Run run = Fixtures.migrate(Fixtures.path(FILE), work);

        List<ComponentPlan> events = run.components();
        assertThat(events).hasSize(4);
        assertThat(events.subList(0, 3)).allMatch(ComponentPlan::migrated);
        assertThat(events.get(3).outcome()).isInstanceOfSatisfying(Outcome.Skipped.class,
                skipped -> assertThat(skipped.reason()).isEqualTo(SkipReason.PAST));

        for (ComponentPlan event : events) {
            if (event.outcome() instanceof Outcome.Migrated migrated) {
                GoldenRule.check(event.original(), migrated.bytes(), migrated.edits());
            }
        }
        List<byte[]> before = Fixtures.items(Files.readAllBytes(Fixtures.path(FILE)));
        List<byte[]> after = Fixtures.items(run.output());
        assertThat(after).hasSameSizeAs(before);
        int event = 0;
        for (int i = 0; i < before.size(); i++) {
            if (isEvent(before.get(i)) && events.get(event++).migrated()) {
                continue;
            }
            assertThat(after.get(i)).as("item %d is untouched", i).isEqualTo(before.get(i));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Skype fence as 71 + 66 dots       | 0 | . | 71 | 66",
        "Skype fence as 76 + 61 dots       | 1 | . | 76 | 61",
        "Teams fence as 40 + 40 underscores | 2 | _ | 40 | 40",
    })
    void the_wrapped_fence_lines_are_replaced_whole_and_the_text_around_them_is_kept(
            String name, int event, char mark, int first, int second) {
        ComponentPlan meeting = Fixtures.migrate(Fixtures.path(FILE), work).components().get(event);
        assertThat(meeting.outcome()).isInstanceOf(Outcome.Migrated.class);
        Outcome.Migrated migrated = (Outcome.Migrated) meeting.outcome();

        String wrapped = String.valueOf(mark).repeat(first) + "\n" + String.valueOf(mark).repeat(second);
        String old = description(meeting.original());
        int blockStart = old.indexOf(wrapped);
        int blockEnd = old.lastIndexOf(wrapped) + wrapped.length();
        assertThat(blockStart).as("the fixture wraps the opening fence").isNotNegative();
        assertThat(blockEnd - wrapped.length()).as("and the closing one").isGreaterThan(blockStart);
        String before = old.substring(0, blockStart);
        String after = old.substring(blockEnd);

        String written = description(migrated.bytes());

        assertThat(migrated.oldBlock()).as("the old block, fences and all").isEqualTo(old.substring(blockStart, blockEnd));
        assertThat(written).startsWith(before + BlockFences.TEAMS_TEXT + "\n")
                .endsWith("\n" + BlockFences.TEAMS_TEXT + after)
                .doesNotContain(wrapped);
        assertThat(written.substring(before.length(), written.length() - after.length())).isEqualTo(migrated.newBlock());
    }

    @Test
    void white_space_after_a_wrapped_closing_fence_stays_after_the_new_one() {
        ComponentPlan meeting = Fixtures.migrate(Fixtures.path(FILE), work).components().get(1);

        String closing = ".".repeat(76) + "\n" + ".".repeat(61);
        String old = description(meeting.original());
        String written = description(meeting.result());

        assertThat(old.substring(old.lastIndexOf(closing) + closing.length())).as("the fixture's own text").isEqualTo(" \n\n");
        assertThat(written).endsWith(BlockFences.TEAMS_TEXT + " \n\n");
    }

    @Test
    void migrating_the_result_again_finds_every_meeting_already_current() throws IOException {
        Fixtures.Run first = Fixtures.migrate(Fixtures.path(FILE), work);
        Path once = work.resolve("once-outlook-wrapped-fences.ics");
        Files.write(once, first.output());

        Fixtures.Run second = Fixtures.migrate(once, work);

        assertThat(second.components().subList(0, 3)).extracting(ComponentPlan::outcome)
                .allMatch(outcome -> outcome instanceof Outcome.Unchanged);
        assertThat(second.components().get(3).outcome()).isInstanceOf(Outcome.Skipped.class);
        assertThat(second.output()).isEqualTo(first.output());
    }

    private static String description(byte[] event) {
        ContentLine line = Component.parse(event).first("DESCRIPTION").orElseThrow();
        return TextValue.of(line, line.property().valueOffset()).text();
    }

    private static boolean isEvent(byte[] item) {
        return new String(item, 0, Math.min(12, item.length)).equalsIgnoreCase("BEGIN:VEVENT");
    }
}
