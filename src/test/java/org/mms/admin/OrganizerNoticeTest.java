package org.mms.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

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
import org.mms.sample.SampleOrganization;
import org.mms.testing.ServiceHarness;

/**
 * The notice an organizer gets before a migration updates their meetings ({@code NotifyOrganizerBeforeMinutes}), on the
 * embedded store and the clock the test moves: none by default; one, with the migration held back the tenant's notice
 * time; the migration running after it; a denial during the wait; a change joining during the wait; none for an undo; and
 * the notice not counted as an update waiting.
 */
class OrganizerNoticeTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final Duration SETTLE = Duration.ofMinutes(10);
    private static final Duration NOTICE = Duration.ofMinutes(60);

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

    private void noticeMinutes(int minutes) {
        Optional<Boolean> same = Optional.empty();
        service.admin.setMigrationConfiguration(ServiceHarness.TENANT, new Requests.MigrationConfigurationChange(same, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), same, same, same, Optional.empty(), Optional.empty(),
                new Requests.PacingChange(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(minutes))));
    }

    private String resetConferenceId() {
        return service.admin.setDialInConferencingUser(ServiceHarness.TENANT, alice.upn(), new Requests.DialInUserChange(Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), true)).Decisions().getFirst().CorrelationId();
    }

    private int meetingsItWouldUpdate() {
        return service.admin.whatIf().setDialInConferencingUser(ServiceHarness.TENANT, alice.upn(), new Requests.DialInUserChange(
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), true)).WhatIf().getFirst().UpdateMeeting();
    }

    private List<Views.MigrationStatus> statuses() {
        return service.admin.migrationStatus(ServiceHarness.TENANT, new Requests.StatusQuery(Optional.of(alice.upn()), Optional.empty(),
                Optional.empty(), Optional.empty()));
    }

    /** Outbox messages by kind, UPDATE and NOTICE. */
    private Map<String, Long> messages() {
        Map<String, Long> kinds = new java.util.TreeMap<>(Map.of("UPDATE", 0L, "NOTICE", 0L));
        service.db.jdbi().useHandle(h -> h.createQuery("SELECT kind, COUNT(*) AS n FROM outbox_message GROUP BY kind")
                .map((rs, ctx) -> Map.entry(rs.getString("kind"), rs.getLong("n"))).forEach(e -> kinds.put(e.getKey(), e.getValue())));
        return kinds;
    }

    /** The mailed messages' headers and bodies, as the pickup directory holds them. */
    private List<String> mailed() throws IOException {
        service.sender.runOnce(1_000);
        if (!Files.exists(service.pickup)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(service.pickup)) {
            List<Path> eml = files.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
            List<String> texts = new java.util.ArrayList<>();
            for (Path p : eml) {
                texts.add(Files.readString(p));
            }
            return texts;
        }
    }

    private static long notices(List<String> mailed) {
        return mailed.stream().filter(m -> m.contains("Subject: Your meetings will be updated: new online meeting details")).count();
    }

    @Test
    void without_the_setting_a_migration_runs_when_due_and_no_notice_is_sent() throws IOException {
        resetConferenceId();
        service.clock.advance(SETTLE);

        assertThat(service.runDueMigrations()).isEqualTo(1);

        assertThat(statuses()).singleElement().satisfies(s -> assertThat(s.State()).isEqualTo("Succeeded"));
        assertThat(messages().get("NOTICE")).isZero();
        assertThat(notices(mailed())).isZero();
    }

    @Test
    void when_due_the_organizer_is_sent_one_notice_and_the_migration_waits_the_notice_time_pending() throws IOException {
        noticeMinutes(60);
        int updates = meetingsItWouldUpdate();
        String correlation = resetConferenceId();
        service.clock.advance(SETTLE);
        Instant startsAt = service.clock.instant().plus(NOTICE);

        assertThat(service.runDueMigrations()).as("claimed once, to send the notice").isEqualTo(1);

        assertThat(statuses()).singleElement().satisfies(s -> {
            assertThat(s.CorrelationId()).isEqualTo(correlation);
            assertThat(s.State()).isEqualTo("Pending");
            assertThat(s.LastMessage()).isEqualTo("notice sent to the organizer (" + updates + " meetings to update); the migration starts at "
                    + startsAt);
        });
        assertThat(messages()).containsExactlyInAnyOrderEntriesOf(Map.of("NOTICE", 1L, "UPDATE", 0L));
        service.clock.advance(NOTICE.minusSeconds(1));
        assertThat(service.runDueMigrations()).as("not before the time the notice gave").isZero();

        List<String> mailed = mailed();
        assertThat(mailed).singleElement().satisfies(m -> {
            assertThat(m).contains("To: " + alice.name() + " <" + alice.upn() + ">").contains("Content-Type: text/plain; charset=UTF-8");
            assertThat(m).doesNotContain("text/calendar");
        });
        assertThat(notices(mailed)).isEqualTo(1);
    }

    @Test
    void after_the_wait_the_migration_runs_once_and_the_attendees_get_their_updates_without_a_second_notice() throws IOException {
        noticeMinutes(60);
        int updates = meetingsItWouldUpdate();
        resetConferenceId();
        service.clock.advance(SETTLE);
        service.runDueMigrations();
        service.clock.advance(NOTICE);

        assertThat(service.runDueMigrations()).isEqualTo(1);

        assertThat(statuses()).singleElement().satisfies(s -> {
            assertThat(s.State()).isEqualTo("Succeeded");
            assertThat(s.InvitesUpdate()).isEqualTo(updates);
        });
        assertThat(messages()).containsExactlyInAnyOrderEntriesOf(Map.of("NOTICE", 1L, "UPDATE", (long) updates));
        List<String> mailed = mailed();
        assertThat(mailed).hasSize(updates + 1);
        assertThat(notices(mailed)).isEqualTo(1);
    }

    @Test
    void an_admin_who_denies_the_migration_during_the_wait_stops_it_and_no_attendee_gets_an_update() throws IOException {
        noticeMinutes(60);
        String correlation = resetConferenceId();
        service.clock.advance(SETTLE);
        service.runDueMigrations();
        Map<String, byte[]> before = service.storedCalendar(alice.upn(), NOW);

        List<Views.MigrationStatus> denied = service.admin.denyMigrations(ServiceHarness.TENANT,
                new Requests.AwaitingMigrations(Optional.empty(), Optional.of(correlation), false));

        assertThat(denied).singleElement().satisfies(s -> assertThat(s.State()).isEqualTo("Denied"));
        service.clock.advance(Duration.ofDays(1));
        assertThat(service.runDueMigrations()).isZero();
        assertThat(messages()).containsExactlyInAnyOrderEntriesOf(Map.of("NOTICE", 1L, "UPDATE", 0L));
        assertThat(mailed()).hasSize(1);
        Map<String, byte[]> after = service.storedCalendar(alice.upn(), NOW);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((href, bytes) -> assertThat(after.get(href)).as(href).isEqualTo(bytes));
    }

    @Test
    void a_pending_migration_without_a_notice_cannot_be_denied_and_the_users_waiting_one_can_be_denied_by_identity() {
        String correlation = resetConferenceId();

        assertThatThrownBy(() -> service.admin.denyMigrations(ServiceHarness.TENANT,
                new Requests.AwaitingMigrations(Optional.empty(), Optional.of(correlation), false)))
                .isInstanceOf(AdminException.Conflict.class).hasMessageContaining("is Pending");

        noticeMinutes(60);
        service.clock.advance(SETTLE);
        service.runDueMigrations();
        assertThat(service.admin.denyMigrations(ServiceHarness.TENANT, new Requests.AwaitingMigrations(Optional.of(alice.upn()),
                Optional.empty(), false))).extracting(Views.MigrationStatus::CorrelationId).containsExactly(correlation);
    }

    @Test
    void a_change_arriving_during_the_wait_joins_the_migration_which_still_starts_no_earlier_and_gets_no_second_notice() {
        noticeMinutes(60);
        String correlation = resetConferenceId();
        service.clock.advance(SETTLE);
        service.runDueMigrations();
        service.clock.advance(Duration.ofMinutes(30));

        Views.ChangeResult joined = service.admin.unregisterServiceNumber(ServiceHarness.TENANT, SampleOrganization.TOLL_FREE,
                SampleOrganization.BRIDGE, false);

        assertThat(joined.Decisions()).filteredOn(d -> d.UserPrincipalName().equals(alice.upn()))
                .extracting(Views.TriggerDecision::CorrelationId).containsOnly(correlation);
        service.clock.advance(Duration.ofMinutes(20));
        assertThat(service.runDueMigrations()).as("its settle window ended, but the notice said 30 minutes more").isZero();
        service.clock.advance(Duration.ofMinutes(10));
        assertThat(service.runDueMigrations()).isEqualTo(1);
        assertThat(statuses()).singleElement().satisfies(s -> {
            assertThat(s.CorrelationId()).isEqualTo(correlation);
            assertThat(s.State()).isEqualTo("Succeeded");
        });
        assertThat(messages().get("NOTICE")).isEqualTo(1);
    }

    @Test
    void an_undo_sends_no_notice_and_runs_when_due() {
        String migrated = resetConferenceId();
        service.clock.advance(SETTLE);
        service.runDueMigrations();
        noticeMinutes(60);

        service.admin.undoMigration(ServiceHarness.TENANT, new Requests.Undo(Optional.of(migrated), Optional.empty(), Optional.empty()));
        assertThat(service.runDueMigrations()).isEqualTo(1);

        assertThat(statuses()).extracting(Views.MigrationStatus::MigrationType, Views.MigrationStatus::State)
                .contains(tuple("Undo", "Succeeded"));
        assertThat(messages().get("NOTICE")).isZero();
    }

    @Test
    void a_notice_waiting_to_go_is_not_an_update_waiting() {
        noticeMinutes(60);
        resetConferenceId();
        service.clock.advance(SETTLE);
        service.runDueMigrations();

        assertThat(messages().get("NOTICE")).isEqualTo(1);
        assertThat(service.admin.updatesWaiting(ServiceHarness.TENANT).UpdatesWaiting()).isZero();
        assertThat(statuses()).singleElement().satisfies(s -> assertThat(s.UpdatesWaiting()).isZero());
    }
}
