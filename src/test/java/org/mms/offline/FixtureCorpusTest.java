package org.mms.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mms.migration.ComponentPlan;
import org.mms.migration.Outcome;
import org.mms.testing.GoldenRule;

/**
 * Every fixture of the realistic corpus, through the offline tool: each meeting gets the decision
 * {@code expectations.tsv} states, every migrated meeting passes the golden rule, everything else in
 * the file comes out byte-identical, and a second run changes nothing.
 */
class FixtureCorpusTest {

    @TempDir
    Path work;

    static Stream<String> files() {
        return Fixtures.expectations().stream().map(row -> row[0]).distinct();
    }

    @ParameterizedTest
    @MethodSource("files")
    void every_meeting_gets_its_expected_decision(String file) {
        Fixtures.Run run = Fixtures.migrate(Fixtures.path("ics/" + file), work);

        List<String> expected = new ArrayList<>();
        for (String[] row : Fixtures.expectations()) {
            if (row[0].equals(file)) {
                expected.add(row[1] + " " + row[2] + " " + row[3]);
            }
        }
        List<String> actual = run.components().stream()
                .map(c -> c.uid() + " " + c.recurrenceId().orElse("-") + " " + expectationOf(c.outcome())).toList();
        assertThat(actual).as(describe(run.components())).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest
    @MethodSource("files")
    void migrated_meetings_change_only_their_blocks_and_everything_else_is_byte_identical(String file) throws IOException {
        Path input = Fixtures.path("ics/" + file);
        Fixtures.Run run = Fixtures.migrate(input, work);

        for (ComponentPlan c : run.components()) {
            if (c.outcome() instanceof Outcome.Migrated m) {
                GoldenRule.check(c.original(), m.bytes(), m.edits());
            }
        }
        List<byte[]> before = Fixtures.items(Files.readAllBytes(input));
        List<byte[]> after = Fixtures.items(run.output());
        assertThat(after).hasSameSizeAs(before);
        int component = 0;
        List<ComponentPlan> events = run.components();
        for (int i = 0; i < before.size(); i++) {
            boolean isEvent = new String(before.get(i), 0, Math.min(12, before.get(i).length)).equalsIgnoreCase("BEGIN:VEVENT");
            if (isEvent && events.get(component++).migrated()) {
                continue;
            }
            assertThat(after.get(i)).as("item %d of %s is untouched", i, file).isEqualTo(before.get(i));
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void migrating_the_result_again_changes_nothing(String file) throws IOException {
        Fixtures.Run first = Fixtures.migrate(Fixtures.path("ics/" + file), work);
        Path once = work.resolve("once-" + file.replace('/', '-'));
        Files.write(once, first.output());

        Fixtures.Run second = Fixtures.migrate(once, work);

        assertThat(second.components()).noneMatch(ComponentPlan::migrated);
        assertThat(second.output()).isEqualTo(first.output());
    }

    static String expectationOf(Outcome outcome) {
        return switch (outcome) {
            case Outcome.Migrated m -> "migrate";
            case Outcome.Unchanged u -> "unchanged";
            case Outcome.Skipped s -> "skip:" + s.reason();
            case Outcome.Failed f -> "fail:" + f.reason();
        };
    }

    private static String describe(List<ComponentPlan> components) {
        StringBuilder sb = new StringBuilder("decisions:\n");
        for (ComponentPlan c : components) {
            sb.append("  ").append(c.summary()).append(" ").append(c.recurrenceId().orElse("-")).append(": ").append(c.outcome()
                    instanceof Outcome.Migrated ? "migrated" : c.outcome()).append('\n');
        }
        return sb.toString();
    }
}
