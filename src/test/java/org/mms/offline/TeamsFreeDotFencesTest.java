package org.mms.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mms.block.MeetingType;
import org.mms.ical.Component;
import org.mms.ical.TextEscaping;
import org.mms.migration.ComponentPlan;
import org.mms.migration.Outcome;
import org.mms.migration.SelectionRules;
import org.mms.testing.GoldenRule;

/**
 * Consumer Teams (teams.live.com) and Outlook.com fence a Teams block with Skype's 137 dots. Such a meeting is a
 * Teams meeting all the same: its join link and its Teams properties say so. Typed by its fences it would be
 * selected as a Skype meeting, and a move to Skype would leave its Teams properties behind, so that every later
 * run found the Teams join link again and migrated it once more.
 */
class TeamsFreeDotFencesTest {

    private static final String FILE = "ics/teams-free-dot-fences.ics";
    private static final SelectionRules ALL = SelectionRules.of(Fixtures.ALICE, Fixtures.NOW);

    @TempDir
    Path work;

    @Test
    void a_teams_free_meeting_fenced_with_dots_is_migrated_as_a_teams_meeting() {
        Fixtures.Run run = Fixtures.migrate(Fixtures.path(FILE), work);

        assertThat(run.components()).hasSize(2).allSatisfy(c -> {
            assertThat(c.outcome()).isInstanceOf(Outcome.Migrated.class);
            assertThat(((Outcome.Migrated) c.outcome()).from()).as("the report's from").isEqualTo(MeetingType.TEAMS);
        });
    }

    @ParameterizedTest(name = "--source-type {0}: {1}")
    @CsvSource({"TEAMS, migrate", "SKYPE, skip:SOURCE_TYPE"})
    void selecting_teams_meetings_takes_it_and_selecting_skype_meetings_leaves_it(MeetingType selected, String expected) {
        Fixtures.Run run = Fixtures.migrate(Fixtures.path(FILE), work, "teams-new-bridge.json",
                ALL.withSourceTypes(EnumSet.of(selected)), false);

        assertThat(run.components()).hasSize(2)
                .allSatisfy(c -> assertThat(FixtureCorpusTest.expectationOf(c.outcome())).isEqualTo(expected));
    }

    @ParameterizedTest(name = "to {0}")
    @ValueSource(strings = {"teams-new-bridge.json", "skype-online.json"})
    void only_the_block_and_the_meeting_properties_change_and_everything_else_is_byte_identical(String profile) throws IOException {
        Path input = Fixtures.path(FILE);
        Fixtures.Run run = Fixtures.migrate(input, work, profile, ALL, false);

        for (ComponentPlan c : run.components()) {
            Outcome.Migrated m = (Outcome.Migrated) c.outcome();
            GoldenRule.check(c.original(), m.bytes(), m.edits());
        }
        List<byte[]> before = Fixtures.items(Files.readAllBytes(input));
        List<byte[]> after = Fixtures.items(run.output());
        assertThat(after).hasSameSizeAs(before);
        for (int i = 0; i < before.size(); i++) {
            if (!isEvent(before.get(i))) {
                assertThat(after.get(i)).as("item %d is untouched", i).isEqualTo(before.get(i));
            }
        }
    }

    @Test
    void moved_to_skype_it_keeps_none_of_its_teams_properties_and_its_provider_only_location_follows() {
        Fixtures.Run run = Fixtures.migrate(Fixtures.path(FILE), work, "skype-online.json", ALL, false);

        assertThat(run.components()).hasSize(2).allSatisfy(c -> {
            Component after = Component.parse(((Outcome.Migrated) c.outcome()).bytes());
            assertThat(after.first("X-MICROSOFT-SKYPETEAMSMEETINGURL")).isEmpty();
            assertThat(after.first("X-MICROSOFT-SKYPETEAMSPROPERTIES")).isEmpty();
            assertThat(after.value("X-MICROSOFT-ONLINEMEETINGEXTERNALLINK")).get().asString().startsWith("https://meet.lync.com/");
            // "Microsoft Teams Meeting" and "Microsoft Teams (free)" name only the provider.
            assertThat(after.value("LOCATION").map(TextEscaping::unescape)).contains("Skype Meeting");
        });
    }

    @ParameterizedTest(name = "to {0}")
    @ValueSource(strings = {"teams-new-bridge.json", "skype-online.json"})
    void a_second_run_over_the_result_leaves_every_meeting_unchanged_and_its_sequence_where_it_was(String profile) throws IOException {
        Fixtures.Run first = Fixtures.migrate(Fixtures.path(FILE), work, profile, ALL, false);
        Path once = work.resolve("once-" + profile + ".ics");
        Files.write(once, first.output());

        Fixtures.Run second = Fixtures.migrate(once, work, profile, ALL, false);

        assertThat(second.components()).hasSize(2)
                .allSatisfy(c -> assertThat(c.outcome()).isInstanceOf(Outcome.Unchanged.class));
        assertThat(sequences(second.output())).isEqualTo(sequences(first.output())).containsExactly("2", "1");
        assertThat(second.output()).isEqualTo(first.output());
    }

    private static List<String> sequences(byte[] calendar) {
        List<String> sequences = new ArrayList<>();
        for (byte[] item : Fixtures.items(calendar)) {
            if (isEvent(item)) {
                sequences.add(Component.parse(item).value("SEQUENCE").orElse("-"));
            }
        }
        return sequences;
    }

    private static boolean isEvent(byte[] item) {
        return new String(item, 0, Math.min(12, item.length)).equalsIgnoreCase("BEGIN:VEVENT");
    }
}
