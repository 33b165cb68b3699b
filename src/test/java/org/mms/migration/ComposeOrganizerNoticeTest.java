package org.mms.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mms.block.MeetingType;
import org.mms.directory.AudioConferencing;
import org.mms.directory.Hosting;
import org.mms.directory.MailboxLocation;
import org.mms.directory.TeamsUpgradeMode;
import org.mms.directory.TenantId;
import org.mms.directory.User;
import org.mms.directory.UserId;
import org.mms.itip.OrganizerNotice;

/**
 * The notice to an organizer: every meeting the preview updates, once, earliest first, with its start and why; nothing
 * for meetings left alone; and subjects written by anyone (line breaks, a forged header, control and direction-override
 * characters, a subject of thousands of characters) kept to one printable, bounded line each.
 */
class ComposeOrganizerNoticeTest {

    private static final Instant UPDATES_AT = Instant.parse("2026-11-23T13:10:00Z");
    private static final Duration NOTICE = Duration.ofMinutes(60);
    private static final User ALICE = user("alice@contoso.com", "Alice Wood");

    private static User user(String upn, String displayName) {
        return new User(new UserId("alice"), new TenantId("contoso"), upn, null, displayName, Set.of(), Hosting.ONLINE, Optional.empty(),
                MailboxLocation.REACHABLE, MeetingType.TEAMS, TeamsUpgradeMode.TEAMS_ONLY, AudioConferencing.none(), Locale.US);
    }

    private static PreviewMigration.MeetingPreview migrated(String uid, String summary, String start) {
        return new PreviewMigration.MeetingPreview("/cal/" + uid + ".ics", uid, Optional.empty(), summary,
                Optional.ofNullable(start).map(Instant::parse), new Outcome.Migrated(new byte[0], List.of(), "old", "new", MeetingType.SKYPE,
                        MeetingType.TEAMS, OwnerEvidence.addInProperties()), 3);
    }

    private static PreviewMigration.MeetingPreview leftAlone(String uid, String summary) {
        return new PreviewMigration.MeetingPreview("/cal/" + uid + ".ics", uid, Optional.empty(), summary,
                Optional.of(Instant.parse("2026-11-24T08:00:00Z")), new Outcome.Skipped(SkipReason.TOO_MANY_ATTENDEES, "300 attendees"), 0);
    }

    private static PreviewMigration.Preview preview(List<PreviewMigration.MeetingPreview> meetings) {
        return new PreviewMigration.Preview(new MigrateOrganizer.Result(meetings.size(), meetings.size(), 0, meetings.size(), ""),
                meetings.size(), meetings.size() * 3, meetings);
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = ComposeOrganizerNoticeTest.class.getResourceAsStream("/fixtures/notice/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void the_notice_lists_each_updated_meeting_once_earliest_first_with_its_start_and_why_and_says_when_the_updates_go() throws IOException {
        PreviewMigration.MeetingPreview weekly = migrated("weekly", "Weekly sync", "2026-11-25T09:00:00Z");
        PreviewMigration.Preview preview = preview(List.of(weekly, weekly, leftAlone("all-hands", "All hands"),
                migrated("review", "Design review – café ☕", "2026-11-24T14:30:00Z")));

        OrganizerNotice notice = ComposeOrganizerNotice.of(ALICE, "6f1c0a52-0d5e-4c55-9a51-8e6c1a2b3c4d", "conference ID reset", preview,
                UPDATES_AT, NOTICE).orElseThrow();

        assertThat(notice.subject()).isEqualTo("Your meetings will be updated: new online meeting details");
        assertThat(notice.organizer().address()).isEqualTo("alice@contoso.com");
        assertThat(notice.recipients()).containsExactly(notice.organizer());
        assertThat(notice.uid()).isEqualTo("mms-notice-6f1c0a52-0d5e-4c55-9a51-8e6c1a2b3c4d");
        assertThat(notice.textBody()).isEqualTo(fixture("two-meetings.txt"));
    }

    @Test
    void a_hostile_subject_stays_on_its_own_line_without_control_characters_and_bounded() {
        String forged = "Lunch\r\nBcc: eve@evil.example\r\n\r\nYour password expired: https://evil.example\u0007\u0000\u001b[31m"
                + "\u202Egnp.exe\u2028next\u0085line\t tab";
        String endless = "A".repeat(5_000);
        PreviewMigration.Preview preview = preview(List.of(migrated("forged", forged, "2026-11-24T09:00:00Z"),
                migrated("endless", endless, "2026-11-24T10:00:00Z"), migrated("blank", "\r\n\u0007 ", null)));

        String body = ComposeOrganizerNotice.of(user("alice@contoso.com", "Alice\r\nBcc: eve@evil.example"), "c1",
                "trigger\nwith a break", preview, UPDATES_AT, NOTICE).orElseThrow().textBody();

        assertThat(body).contains("\n- Lunch Bcc: eve@evil.example Your password expired: https://evil.example[31mgnp.exe next line tab\n");
        assertThat(body).doesNotContain("\r").doesNotContain("\nBcc:").doesNotContain("\u0007").doesNotContain("\u0000")
                .doesNotContain("\u001b").doesNotContain("\u202E").doesNotContain("\u2028").doesNotContain("\u0085");
        assertThat(body).contains("\n- " + "A".repeat(ComposeOrganizerNotice.LONGEST_QUOTE) + "…\n");
        assertThat(body).contains("\n- (no subject)\n  Starts: (no start time)\n");
        assertThat(body).contains("Hello Alice Bcc: eve@evil.example,").contains("  Why: trigger with a break\n");
        assertThat(body.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(ComposeOrganizerNotice.LONGEST_QUOTE + 20));
    }

    @Test
    void a_preview_that_updates_nothing_gives_no_notice() {
        assertThat(ComposeOrganizerNotice.of(ALICE, "c1", "conference ID reset", preview(List.of(leftAlone("all-hands", "All hands"))),
                UPDATES_AT, NOTICE)).isEmpty();
    }

    @Test
    void more_meetings_than_a_notice_lists_are_counted_at_its_end() {
        List<PreviewMigration.MeetingPreview> many = new ArrayList<>();
        for (int i = 0; i < ComposeOrganizerNotice.MOST_LISTED + 7; i++) {
            many.add(migrated("m" + i, "Meeting " + i, Instant.parse("2026-11-24T00:00:00Z").plusSeconds(60L * i).toString()));
        }

        String body = ComposeOrganizerNotice.of(ALICE, "c1", "bridge change", preview(many), UPDATES_AT, NOTICE).orElseThrow().textBody();

        assertThat(body.lines().filter(l -> l.startsWith("- "))).hasSize(ComposeOrganizerNotice.MOST_LISTED);
        assertThat(body).contains("\n... and 7 more meetings.\n").contains("207 of your meetings will be updated");
    }
}
