package org.mms.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mms.checkpoint.Checkpoint;
import org.mms.migration.MigrateOrganizer;
import org.mms.migration.RunMigrations;
import org.mms.queue.WorkerId;
import org.mms.sample.SampleOrganization;
import org.mms.testing.ServiceHarness;

/**
 * Migrations that wait for an admin: when they wait (RequireApproval, the threshold at its boundary), what the status
 * shows while they do, changes joining them, approval letting them run, denial ending them, all on the clock the
 * test moves.
 */
class ApprovalTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final Optional<Boolean> SAME = Optional.empty();

    @TempDir
    Path dir;

    private ServiceHarness service;
    private final SampleOrganization org = new SampleOrganization(2);
    private SampleOrganization.Organizer alice;

    @BeforeEach
    void start() {
        service = new ServiceHarness(dir.resolve("pickup"), NOW);
        service.admin.importDirectory(ServiceHarness.TENANT, org.directoryJson());
        alice = org.organizers().stream().filter(o -> !o.onPremises()).findFirst().orElseThrow();
        service.admin.importCalendar(ServiceHarness.TENANT, alice.upn(), org.calendar(alice, NOW, 30, 11));
    }

    @AfterEach
    void stop() {
        service.close();
    }

    private Views.MigrationConfiguration approval(Optional<Boolean> require, Optional<String> threshold) {
        return service.admin.setMigrationConfiguration(ServiceHarness.TENANT, new Requests.MigrationConfigurationChange(SAME,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), SAME, SAME, SAME,
                Optional.empty(), Optional.empty(), require, threshold));
    }

    private Views.ChangeResult resetConferenceId(boolean whatIf) {
        Admin admin = whatIf ? service.admin.whatIf() : service.admin;
        return admin.setDialInConferencingUser(ServiceHarness.TENANT, alice.upn(), new Requests.DialInUserChange(Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), true));
    }

    private Views.ChangeResult dropTollFreeNumber() {
        return service.admin.unregisterServiceNumber(ServiceHarness.TENANT, SampleOrganization.TOLL_FREE, SampleOrganization.BRIDGE, false);
    }

    private List<Views.MigrationStatus> statuses(String state) {
        return service.admin.migrationStatus(ServiceHarness.TENANT, new Requests.StatusQuery(Optional.of(alice.upn()),
                Optional.ofNullable(state), Optional.empty(), Optional.empty()));
    }

    private long usersIn(String state) {
        return service.admin.migrationSummary(ServiceHarness.TENANT, Requests.StatusQuery.all()).stream()
                .filter(c -> c.State().equals(state)).findFirst().orElseThrow().UserCount();
    }

    private int meetingsItWouldUpdate() {
        return resetConferenceId(true).WhatIf().getFirst().UpdateMeeting();
    }

    @Test
    void a_migration_updating_exactly_the_threshold_runs_and_one_updating_one_more_waits() {
        int updates = meetingsItWouldUpdate();
        assertThat(updates).isGreaterThan(1);

        approval(SAME, Optional.of(String.valueOf(updates)));
        assertThat(resetConferenceId(true).WhatIf().getFirst().AwaitsApproval()).isFalse();
        resetConferenceId(false);
        assertThat(statuses(null)).singleElement().satisfies(s -> assertThat(s.State()).isEqualTo("Pending"));
        service.clock.advance(Duration.ofMinutes(10));
        assertThat(service.runDueMigrations()).isEqualTo(1);

        // The same calendar again, as it was: the next reset would update as many meetings, one more than the threshold.
        service.admin.importCalendar(ServiceHarness.TENANT, alice.upn(), org.calendar(alice, NOW, 30, 11));
        int again = meetingsItWouldUpdate();
        approval(SAME, Optional.of(String.valueOf(again - 1)));
        assertThat(resetConferenceId(true).WhatIf().getFirst().AwaitsApproval()).isTrue();
        resetConferenceId(false);
        assertThat(statuses("AwaitingApproval")).singleElement().satisfies(s -> {
            assertThat(s.SucceededMeeting() + s.FailedMeeting()).isEqualTo(s.TotalMeeting());
            assertThat(s.LastMessage()).contains("would update " + again + " meetings").contains("Approve-CsMeetingMigration");
        });
    }

    @Test
    void with_approval_required_a_migration_waits_with_its_preview_until_approved_then_runs_as_previewed() {
        approval(Optional.of(true), Optional.empty());
        Views.UserPreview preview = resetConferenceId(true).WhatIf().getFirst();
        assertThat(preview.AwaitsApproval()).isTrue();

        String correlation = resetConferenceId(false).Decisions().getFirst().CorrelationId();
        // Past its settle window (a long wait would let some meetings start, and the run would rightly skip them).
        service.clock.advance(Duration.ofMinutes(20));
        assertThat(service.runDueMigrations()).as("a waiting migration is never claimed").isZero();

        Views.MigrationStatus waiting = statuses("AwaitingApproval").getFirst();
        assertThat(waiting.CorrelationId()).isEqualTo(correlation);
        assertThat(List.of(waiting.TotalMeeting(), waiting.SucceededMeeting(), waiting.FailedMeeting(), waiting.InvitesUpdate()))
                .isEqualTo(List.of(preview.TotalMeeting(), preview.SucceededMeeting(), preview.FailedMeeting(), preview.InvitesUpdate()));
        assertThat(usersIn("AwaitingApproval")).isEqualTo(1);

        List<Views.MigrationStatus> approved = service.admin.approveMigrations(ServiceHarness.TENANT,
                new Requests.AwaitingMigrations(Optional.empty(), Optional.of(correlation), false));
        assertThat(approved).singleElement().satisfies(s -> assertThat(s.State()).isEqualTo("Pending"));
        assertThat(service.runDueMigrations()).as("its settle window passed long ago").isEqualTo(1);

        Views.MigrationStatus done = statuses(null).getFirst();
        assertThat(done.State()).isEqualTo("Succeeded");
        assertThat(List.of(done.TotalMeeting(), done.SucceededMeeting(), done.FailedMeeting(), done.InvitesUpdate()))
                .isEqualTo(List.of(preview.TotalMeeting(), preview.SucceededMeeting(), preview.FailedMeeting(), preview.InvitesUpdate()));
    }

    @Test
    void a_change_arriving_while_a_migration_waits_joins_it() {
        approval(Optional.of(true), Optional.empty());
        String first = resetConferenceId(false).Decisions().getFirst().CorrelationId();
        service.clock.advance(Duration.ofMinutes(30));

        Views.ChangeResult second = dropTollFreeNumber();

        assertThat(second.Decisions()).filteredOn(d -> d.UserPrincipalName().equals(alice.upn()))
                .extracting(Views.TriggerDecision::CorrelationId).containsOnly(first);
        assertThat(statuses(null)).singleElement().satisfies(s -> {
            assertThat(s.State()).isEqualTo("AwaitingApproval");
            assertThat(s.CorrelationId()).isEqualTo(first);
        });
        assertThat(service.admin.migrationStatus(ServiceHarness.TENANT, Requests.StatusQuery.all()))
                .allMatch(s -> s.State().equals("AwaitingApproval"));
    }

    @Test
    void a_change_arriving_while_an_approved_migration_runs_waits_for_approval_once_that_one_ends() {
        approval(Optional.of(true), Optional.empty());
        String first = resetConferenceId(false).Decisions().getFirst().CorrelationId();
        service.admin.approveMigrations(ServiceHarness.TENANT, new Requests.AwaitingMigrations(Optional.empty(), Optional.empty(), true));
        service.clock.advance(Duration.ofMinutes(10));
        boolean[] changed = {false};
        Checkpoint midRun = name -> {
            if (name.equals(Checkpoint.CHUNK_JOURNALED) && !changed[0]) {
                changed[0] = true;
                dropTollFreeNumber();
            }
        };
        RunMigrations worker = new RunMigrations(service.queue, service.directory, new MigrateOrganizer(service.store, service.journal,
                service.clock, midRun), service.clock, new WorkerId("mid-run"), Duration.ofMinutes(2));

        assertThat(worker.runOnce()).isTrue();

        assertThat(changed[0]).isTrue();
        List<Views.MigrationStatus> all = statuses(null);
        assertThat(all).extracting(Views.MigrationStatus::State).containsExactly("Succeeded", "AwaitingApproval");
        assertThat(all.getFirst().CorrelationId()).isEqualTo(first);
        assertThat(all.getLast().LastMessage()).startsWith("waiting for approval");
        service.clock.advance(Duration.ofHours(1));
        assertThat(service.runDueMigrations()).as("the follow-up waits like any other migration").isZero();
    }

    @Test
    void a_denied_migration_ends_denied_and_the_next_change_creates_a_new_request() {
        approval(Optional.of(true), Optional.empty());
        String first = resetConferenceId(false).Decisions().getFirst().CorrelationId();

        List<Views.MigrationStatus> denied = service.admin.denyMigrations(ServiceHarness.TENANT,
                new Requests.AwaitingMigrations(Optional.of(alice.upn()), Optional.empty(), false));
        assertThat(denied).singleElement().satisfies(s -> assertThat(s.State()).isEqualTo("Denied"));
        assertThat(usersIn("Denied")).isEqualTo(1);
        assertThat(statuses("Denied")).extracting(Views.MigrationStatus::CorrelationId).containsExactly(first);
        service.clock.advance(Duration.ofDays(1));
        assertThat(service.runDueMigrations()).isZero();

        String next = resetConferenceId(false).Decisions().getFirst().CorrelationId();

        assertThat(next).isNotEqualTo(first);
        assertThat(statuses("AwaitingApproval")).extracting(Views.MigrationStatus::CorrelationId).containsExactly(next);
        assertThatThrownBy(() -> service.admin.approveMigrations(ServiceHarness.TENANT,
                new Requests.AwaitingMigrations(Optional.empty(), Optional.of(first), false)))
                .isInstanceOf(AdminException.Conflict.class).hasMessageContaining("Denied");
        assertThat(service.admin.approveMigrations(ServiceHarness.TENANT, new Requests.AwaitingMigrations(Optional.empty(),
                Optional.empty(), true))).extracting(Views.MigrationStatus::CorrelationId).containsExactly(next);
        assertThatThrownBy(() -> service.admin.denyMigrations(ServiceHarness.TENANT,
                new Requests.AwaitingMigrations(Optional.of(alice.upn()), Optional.empty(), false)))
                .isInstanceOf(AdminException.NotFound.class).hasMessageContaining("awaiting approval");
    }

    @Test
    void the_approval_settings_are_shown_changed_cleared_and_bad_values_refused() {
        assertThat(service.admin.migrationConfiguration(ServiceHarness.TENANT).RequireApproval()).isFalse();
        assertThat(service.admin.migrationConfiguration(ServiceHarness.TENANT).ApprovalThresholdMeetings()).isNull();

        Views.MigrationConfiguration set = approval(Optional.of(true), Optional.of("50"));
        assertThat(set.RequireApproval()).isTrue();
        assertThat(set.ApprovalThresholdMeetings()).isEqualTo(50);
        assertThat(approval(SAME, Optional.empty()).ApprovalThresholdMeetings()).as("not given: kept").isEqualTo(50);
        assertThat(approval(Optional.of(false), Optional.of("none")).ApprovalThresholdMeetings()).isNull();
        assertThat(service.admin.migrationConfiguration(ServiceHarness.TENANT).RequireApproval()).isFalse();
        for (String bad : List.of("-1", "many", "1000001", "1e3")) {
            assertThatThrownBy(() -> approval(SAME, Optional.of(bad))).as(bad).isInstanceOf(AdminException.BadRequest.class)
                    .hasMessageContaining("ApprovalThresholdMeetings");
        }
        assertThatThrownBy(() -> new Requests.AwaitingMigrations(Optional.of(alice.upn()), Optional.empty(), true))
                .isInstanceOf(AdminException.BadRequest.class);
    }
}
