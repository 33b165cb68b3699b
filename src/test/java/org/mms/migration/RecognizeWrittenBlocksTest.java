package org.mms.migration;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mms.calendar.SplitCalendar;
import org.mms.offline.ReadProfile;
import org.mms.testing.CalendarResources;

/**
 * Recognizing the blocks a write meant to write in a calendar a server stored its own way: what a server does to
 * the lines (unfolded, LF line ends, commas and semicolons unescaped in the HTML body as Cyrus does) does not hide
 * them, and a resource without them is not taken for written.
 */
class RecognizeWrittenBlocksTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final SelectionRules RULES = SelectionRules.of(Organizer.of("alice@contoso.com", "alice.smith@contoso.com"), NOW);

    private final byte[] original = SplitCalendar.of(CalendarResources.icsFixture("teams-t2-en-dialin.ics")).resources().getFirst().data();
    private final ResourcePlan plan = ResourcePlan.of(original, RULES, targets("teams-conference-id-reset.json"), ZoneOffset.UTC);

    @Test
    void the_written_blocks_are_recognized_in_the_servers_rendering_of_the_written_resource() {
        assertThat(RecognizeWrittenBlocks.in(serversRendering(plan.newBytes()), meant(plan))).isTrue();
    }

    @Test
    void a_resource_still_showing_the_old_block_is_not_taken_for_written() {
        assertThat(RecognizeWrittenBlocks.in(serversRendering(original), meant(plan))).isFalse();
    }

    @Test
    void a_block_meant_for_a_component_the_resource_lacks_is_not_found() {
        MigrationJournal.MeantBlock block = meant(plan).getFirst();
        List<MigrationJournal.MeantBlock> elsewhere = List.of(new MigrationJournal.MeantBlock(block.uid(), Optional.of("20261208T090000Z"),
                block.text()));

        assertThat(RecognizeWrittenBlocks.in(plan.newBytes(), elsewhere)).isFalse();
        assertThat(RecognizeWrittenBlocks.in(plan.newBytes(), List.of())).as("nothing meant, nothing to recognize").isFalse();
    }

    /** The blocks as the journal keeps them for the plan's migrated components. */
    private static List<MigrationJournal.MeantBlock> meant(ResourcePlan plan) {
        List<MigrationJournal.MeantBlock> blocks = plan.meetings().stream().flatMap(m -> m.components().stream())
                .filter(c -> c.outcome() instanceof Outcome.Migrated)
                .map(c -> new MigrationJournal.MeantBlock(c.uid(), c.recurrenceId(), ((Outcome.Migrated) c.outcome()).newBlock()))
                .toList();
        assertThat(blocks).isNotEmpty();
        return blocks;
    }

    /** Lines unfolded and ended with LF, commas and semicolons in the HTML body unescaped (Cyrus). */
    private static byte[] serversRendering(byte[] resource) {
        StringBuilder out = new StringBuilder();
        for (String line : new String(resource, UTF_8).replace("\r\n ", "").split("\r\n")) {
            out.append(line.startsWith("X-ALT-DESC") ? line.replace("\\,", ",").replace("\\;", ";") : line).append('\n');
        }
        return out.toString().getBytes(UTF_8);
    }

    private static Targets targets(String profile) {
        try (InputStream in = RecognizeWrittenBlocksTest.class.getResourceAsStream("/fixtures/profiles/" + profile)) {
            return Targets.all(ReadProfile.from(new String(in.readAllBytes(), UTF_8)).target());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
