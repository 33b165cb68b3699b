package org.mms.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mms.block.BlockDiff;
import org.mms.migration.MigrationType;
import org.mms.sample.SampleOrganization;
import org.mms.testing.ServiceHarness;

/**
 * {@code -WhatIf} on the embedded store: it changes nothing (directory, bridge, queue, decision log, calendar), and
 * the change made afterwards gives, meeting by meeting, the outcome, reason and block diff the preview showed.
 */
class PreviewTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @TempDir
    Path dir;

    private ServiceHarness service;
    private final SampleOrganization org = new SampleOrganization(2);

    @BeforeEach
    void start() {
        service = new ServiceHarness(dir.resolve("pickup"), NOW);
        service.admin.importDirectory(ServiceHarness.TENANT, org.directoryJson());
    }

    @AfterEach
    void stop() {
        service.close();
    }

    private SampleOrganization.Organizer teamsUser() {
        return org.organizers().stream().filter(o -> !o.onPremises()).findFirst().orElseThrow();
    }

    /** What a meeting's preview and its journal row have in common: which meeting, its outcome and why. */
    private record Outcome(String uid, String recurrenceId, String outcome, String reason) {
    }

    @Test
    void a_preview_followed_by_the_change_gives_the_previewed_outcome_per_meeting() throws IOException {
        SampleOrganization.Organizer alice = teamsUser();
        service.admin.importCalendar(ServiceHarness.TENANT, alice.upn(), org.calendar(alice, NOW, 40, 7));

        Views.ChangeResult whatIf = service.admin.whatIf().unregisterServiceNumber(ServiceHarness.TENANT, SampleOrganization.TOLL_FREE,
                SampleOrganization.BRIDGE, false);

        Views.UserPreview preview = whatIf.WhatIf().stream().filter(p -> p.UserPrincipalName().equals(alice.upn())).findFirst().orElseThrow();
        assertThat(preview.UpdateMeeting()).isPositive();
        assertThat(preview.Attendees()).isGreaterThanOrEqualTo(preview.UpdateMeeting());
        assertThat(preview.Meetings()).extracting(Views.MeetingPreview::Outcome).contains("MIGRATED", "SKIPPED");
        assertThat(whatIf.Decisions()).allMatch(d -> d.CorrelationId() == null);

        service.admin.unregisterServiceNumber(ServiceHarness.TENANT, SampleOrganization.TOLL_FREE, SampleOrganization.BRIDGE, false);
        service.clock.advance(Duration.ofMinutes(10));
        service.runDueMigrations();

        Views.MigrationStatus status = service.admin.migrationStatus(ServiceHarness.TENANT, new Requests.StatusQuery(
                Optional.of(alice.upn()), Optional.empty(), Optional.empty(), Optional.empty())).getLast();
        assertThat(status.State()).isEqualTo("Succeeded");
        assertThat(List.of(status.MigrationType(), status.TotalMeeting(), status.SucceededMeeting(), status.FailedMeeting(),
                status.InvitesUpdate())).isEqualTo(List.of(preview.MigrationType(), preview.TotalMeeting(), preview.SucceededMeeting(),
                preview.FailedMeeting(), preview.InvitesUpdate()));
        List<Views.MeetingResult> journal = service.admin.migrationMeetings(ServiceHarness.TENANT, status.CorrelationId());
        assertThat(journal.stream().map(m -> new Outcome(m.Uid(), m.RecurrenceId(), m.Outcome(), m.Reason())).toList())
                .containsExactlyInAnyOrderElementsOf(preview.Meetings().stream()
                        .map(m -> new Outcome(m.Uid(), m.RecurrenceId(), m.Outcome(), m.Reason())).toList());
        for (Views.MeetingPreview m : preview.Meetings()) {
            if (m.Outcome().equals("MIGRATED")) {
                String[] blocks = service.journal.blocks(ServiceHarness.TENANT, status.CorrelationId(), m.Uid()).orElseThrow();
                assertThat(m.Diff()).as("the block diff of %s", m.Subject()).isEqualTo(BlockDiff.lines(blocks[0], blocks[1]));
            }
        }
        assertThat(service.sender.runOnce(1000)).isEqualTo(preview.InvitesUpdate());
        assertThat(recipientsOfSentUpdates()).as("attendees who received an update").isEqualTo(preview.Attendees());
    }

    @Test
    void a_preview_changes_nothing_anywhere() {
        SampleOrganization.Organizer alice = teamsUser();
        service.admin.importCalendar(ServiceHarness.TENANT, alice.upn(), org.calendar(alice, NOW, 20, 3));
        Map<String, byte[]> before = service.storedCalendar(alice.upn(), NOW);
        List<Views.User> users = service.admin.users(ServiceHarness.TENANT, Optional.empty());
        List<Views.Bridge> bridges = service.admin.bridges(ServiceHarness.TENANT);
        Admin whatIf = service.admin.whatIf();

        whatIf.unregisterServiceNumber(ServiceHarness.TENANT, SampleOrganization.TOLL_FREE, SampleOrganization.BRIDGE, false);
        whatIf.moveUser(ServiceHarness.TENANT, alice.upn(), Requests.MoveTarget.toPool(SampleOrganization.POOL));
        whatIf.setDialInConferencingUser(ServiceHarness.TENANT, alice.upn(), new Requests.DialInUserChange(Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), true));
        whatIf.setAudioConferencingLicence(ServiceHarness.TENANT, alice.upn(), false);
        whatIf.disableDialInConferencing(ServiceHarness.TENANT, alice.upn());
        whatIf.enableDialInConferencing(ServiceHarness.TENANT, alice.upn(), true);
        whatIf.setSipAddress(ServiceHarness.TENANT, alice.upn(), "sip:alice.new@contoso.com");
        whatIf.grantTeamsUpgradePolicy(ServiceHarness.TENANT, alice.upn(), Requests.TeamsUpgrade.fromPolicyName("Islands"));
        whatIf.updateTenantMeetingUrl(ServiceHarness.TENANT);
        Views.ChangeResult manual = whatIf.startMigration(ServiceHarness.TENANT, alice.upn(), new Requests.StartMigration(
                MigrationType.SourceMeetingType.ALL, MigrationType.TargetMeetingType.TEAMS));

        assertThat(manual.WhatIf()).singleElement().satisfies(p -> assertThat(p.MigrationType()).isEqualTo("AllToTeams"));
        assertThat(service.admin.users(ServiceHarness.TENANT, Optional.empty())).isEqualTo(users);
        assertThat(service.admin.bridges(ServiceHarness.TENANT)).isEqualTo(bridges);
        assertThat(service.admin.migrationStatus(ServiceHarness.TENANT, Requests.StatusQuery.all())).isEmpty();
        assertThat(service.admin.triggerDecisions(ServiceHarness.TENANT, Optional.empty(), Optional.empty())).isEmpty();
        Map<String, byte[]> after = service.storedCalendar(alice.upn(), NOW);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((href, bytes) -> assertThat(after.get(href)).as(href).isEqualTo(bytes));
        assertThatThrownBy(() -> whatIf.setMigrationConfiguration(ServiceHarness.TENANT, new Requests.MigrationConfigurationChange(
                Optional.of(false), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())))
                .isInstanceOf(AdminException.BadRequest.class).hasMessageContaining("-WhatIf");
    }

    @Test
    void a_preview_of_a_change_that_migrates_nothing_shows_the_decision_and_no_meetings() {
        SampleOrganization.Organizer alice = teamsUser();

        Views.ChangeResult whatIf = service.admin.whatIf().setSipAddress(ServiceHarness.TENANT, alice.upn(), "sip:alice.new@contoso.com");

        assertThat(whatIf.Decisions()).singleElement().satisfies(d -> {
            assertThat(d.Decision()).isEqualTo("NoMigration");
            assertThat(d.Reason()).contains("MigrateOnSipAddressChange");
        });
        assertThat(whatIf.WhatIf()).isEmpty();
    }

    private int recipientsOfSentUpdates() throws IOException {
        int recipients = 0;
        try (Stream<Path> files = Files.list(service.pickup)) {
            for (Path eml : files.filter(p -> p.toString().endsWith(".eml")).toList()) {
                String headers = Files.readString(eml).split("\r?\n\r?\n", 2)[0].replaceAll("\r?\n[ \t]+", " ");
                for (String line : headers.split("\r?\n")) {
                    if (line.regionMatches(true, 0, "To:", 0, 3) || line.regionMatches(true, 0, "Cc:", 0, 3)) {
                        recipients += line.substring(3).split(",").length;
                    }
                }
            }
        }
        return recipients;
    }
}
