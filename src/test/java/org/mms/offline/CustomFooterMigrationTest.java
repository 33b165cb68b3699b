package org.mms.offline;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mms.block.BlockFences;
import org.mms.ical.CalendarReader;
import org.mms.ical.Component;
import org.mms.ical.ContentLine;
import org.mms.ical.TextValue;
import org.mms.migration.ComponentPlan;
import org.mms.migration.Outcome;
import org.mms.migration.PlanMeeting;
import org.mms.migration.SelectionRules;
import org.mms.testing.GoldenRule;

/**
 * A Skype for Business Server invitation whose block the organization customized (video systems, Jabber, a help
 * desk line, a logo): with a custom footer in the profile the new block ends with it, nothing outside the block
 * changes, and the next run leaves the meeting alone; without one, the dry run names the lines the replacement
 * removes before anything is written.
 */
class CustomFooterMigrationTest {

    private static final String FILE = "ics/skype-onprem-custom-footer.ics";
    private static final List<String> ORGANIZATION_LINES = List.of(
            "Join from a video conferencing device: alice.ABCD1234@video.contoso.com",
            "Join from Cisco Jabber: sip:alice.ABCD1234@video.contoso.com",
            "Contoso IT Help Desk: +1 (425) 555-0142, extension 4357 (24/7)");

    @TempDir
    Path work;

    private final SelectionRules rules = SelectionRules.of(Fixtures.ALICE, Fixtures.NOW);

    @Test
    void with_a_footer_in_the_profile_the_new_block_ends_with_it_and_nothing_outside_the_block_changes() {
        Fixtures.Run run = Fixtures.migrate(Fixtures.path(FILE), work, "skype-online-with-footer.json", rules, false);

        ComponentPlan meeting = run.components().getFirst();
        assertThat(run.components()).hasSize(1);
        Outcome.Migrated migrated = (Outcome.Migrated) meeting.outcome();
        GoldenRule.check(meeting.original(), migrated.bytes(), migrated.edits());
        List<String> newBlock = List.of(migrated.newBlock().split("\n"));
        assertThat(newBlock.subList(newBlock.size() - 2 - ORGANIZATION_LINES.size(), newBlock.size() - 2))
                .containsExactlyElementsOf(ORGANIZATION_LINES);
        assertThat(newBlock).contains("Join Skype Meeting <https://meet.lync.com/contoso/alice/ABCD1234>");

        String before = description(Fixtures.read(FILE));
        String after = description(run.output());
        assertThat(outsideTheBlock(after)).isEqualTo(outsideTheBlock(before));
        assertThat(unfolded(run.output())).contains("src=\"https://www.contoso.com/meeting-logo.png\"")
                .contains("Contoso IT Help Desk: <a href=\"tel:+14255550142\">");
        assertThat(everythingButTheEvent(run.output())).isEqualTo(everythingButTheEvent(Fixtures.read(FILE)));
    }

    @Test
    void a_meeting_already_showing_the_block_with_its_footer_is_left_alone_the_second_time() throws IOException {
        Fixtures.Run first = Fixtures.migrate(Fixtures.path(FILE), work, "skype-online-with-footer.json", rules, false);
        Path once = work.resolve("once.ics");
        Files.write(once, first.output());

        Fixtures.Run second = Fixtures.migrate(once, work, "skype-online-with-footer.json", rules, false);

        assertThat(second.components()).singleElement().extracting(ComponentPlan::outcome).isInstanceOf(Outcome.Unchanged.class);
        assertThat(second.output()).isEqualTo(first.output());
    }

    @Test
    void the_dry_run_names_the_organization_text_the_new_block_removes_and_nothing_when_the_footer_keeps_it() throws IOException {
        String withoutFooter = dryRun("skype-online.json");
        String withFooter = dryRun("skype-online-with-footer.json");

        String removed = withoutFooter.substring(withoutFooter.indexOf("removed organization text:"));
        for (String line : ORGANIZATION_LINES) {
            assertThat(removed).contains("\n               " + line + "\n");
        }
        assertThat(removed).as("coordinates are not organization text").doesNotContain("Conference ID").doesNotContain("Join by phone")
                .doesNotContain("(425) 555-0100").doesNotContain("[!OC(");
        assertThat(withFooter).doesNotContain("removed organization text:").contains("Dry run: nothing written");
    }

    private String dryRun(String profile) throws IOException {
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        ReadProfile.Profile p = Fixtures.profile(profile);
        MigrateIcsFile run = new MigrateIcsFile(tz -> PlanMeeting.create(rules, p.target(), tz, ZoneOffset.UTC)::plan,
                new TextReport(new PrintStream(report, true, UTF_8), true), Outbox.none(), Progress.none());
        run.run(new MigrateIcsFile.Settings(Fixtures.path(FILE), new MigrateIcsFile.Destination.ToFile(work.resolve("never.ics")), true,
                false));
        assertThat(work.resolve("never.ics")).doesNotExist();
        return report.toString(UTF_8);
    }

    /** The DESCRIPTION with the block (from its opening fence to its closing one) cut out. */
    private static String outsideTheBlock(String description) {
        int open = description.indexOf(BlockFences.SKYPE_TEXT);
        int close = description.lastIndexOf(BlockFences.SKYPE_TEXT) + BlockFences.SKYPE_TEXT.length();
        return description.substring(0, open) + "[block]" + description.substring(close);
    }

    private static String description(byte[] calendar) {
        Component event = Component.parse(event(calendar));
        ContentLine line = event.first("DESCRIPTION").orElseThrow();
        return TextValue.of(line, line.property().valueOffset()).text();
    }

    private static byte[] event(byte[] calendar) {
        CalendarReader reader = CalendarReader.of(calendar);
        for (CalendarReader.Item item = reader.next(); item != null; item = reader.next()) {
            if (item instanceof CalendarReader.TopComponent c && c.name().equals("VEVENT")) {
                return item.bytes();
            }
        }
        throw new AssertionError("no VEVENT");
    }

    private static String everythingButTheEvent(byte[] calendar) {
        StringBuilder sb = new StringBuilder();
        CalendarReader reader = CalendarReader.of(calendar);
        for (CalendarReader.Item item = reader.next(); item != null; item = reader.next()) {
            if (!(item instanceof CalendarReader.TopComponent c && c.name().equals("VEVENT"))) {
                sb.append(new String(item.bytes(), UTF_8));
            }
        }
        return sb.toString();
    }

    /** The calendar's text with its folds undone and the escapes of commas and semicolons read back. */
    private static String unfolded(byte[] calendar) {
        return new String(calendar, UTF_8).replace("\r\n ", "").replace("\\,", ",").replace("\\;", ";");
    }
}
