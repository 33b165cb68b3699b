package org.mms.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mms.block.BlockFences;
import org.mms.ical.CalendarReader;
import org.mms.ical.Component;
import org.mms.ical.ContentLine;
import org.mms.ical.TextValue;
import org.mms.migration.ComponentPlan;

/**
 * Outlook ends fence lines with a space (and other writers with a tab or a no-break space). That white space
 * is not the block's: after a migration the closing fence is still followed by exactly what followed it.
 */
class FenceLineWhitespaceTest {

    private static final String FILE = "ics/fence-trailing-whitespace.ics";

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Teams fence + space | 0 | ' \\n\\n'",
        "Skype fence + tab   | 1 | '\\t\\n\\n'",
    })
    void what_follows_the_closing_fence_on_its_line_survives_the_migration(String name, int event, String after) {
        Fixtures.Run run = Fixtures.migrate(Fixtures.path(FILE), work);
        List<ComponentPlan> plans = run.components();
        assertThat(plans).allMatch(ComponentPlan::migrated);

        String before = description(Fixtures.read(FILE), event);
        String migrated = description(run.output(), event);

        String unescapedAfter = after.replace("\\n", "\n").replace("\\t", "\t");
        assertThat(tailAfterLastFence(before)).as("the fixture's own bytes").isEqualTo(unescapedAfter);
        assertThat(tailAfterLastFence(migrated)).as("after the new block's closing fence").isEqualTo(unescapedAfter);
    }

    private static String tailAfterLastFence(String description) {
        int teams = description.lastIndexOf(BlockFences.TEAMS_TEXT);
        int skype = description.lastIndexOf(BlockFences.SKYPE_TEXT);
        return teams > skype ? description.substring(teams + BlockFences.TEAMS_TEXT.length())
                : description.substring(skype + BlockFences.SKYPE_TEXT.length());
    }

    private static String description(byte[] calendar, int event) {
        CalendarReader reader = CalendarReader.of(calendar);
        int seen = 0;
        for (CalendarReader.Item item = reader.next(); item != null; item = reader.next()) {
            boolean isEvent = new String(item.bytes(), 0, Math.min(12, item.bytes().length)).equalsIgnoreCase("BEGIN:VEVENT");
            if (isEvent && seen++ == event) {
                Component component = Component.parse(item.bytes());
                ContentLine line = component.first("DESCRIPTION").orElseThrow();
                return TextValue.of(line, line.property().valueOffset()).text();
            }
        }
        throw new AssertionError("no VEVENT " + event);
    }
}
