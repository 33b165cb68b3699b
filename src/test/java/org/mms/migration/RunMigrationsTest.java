package org.mms.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mms.admin.Requests;
import org.mms.admin.Views;
import org.mms.calendar.Mailbox;
import org.mms.calendar.StoredResource;
import org.mms.checkpoint.Checkpoint;
import org.mms.directory.User;
import org.mms.queue.Claimed;
import org.mms.queue.WorkerId;
import org.mms.sample.SampleOrganization;
import org.mms.testing.GoldenRule;
import org.mms.testing.ServiceHarness;

/**
 * The service's migration path, step by step on a clock the test moves: settle window, the
 * migration itself (journal, stored calendar, update messages), idempotence, retries with backoff to
 * {@code Failed}, the recovery of a write an interrupted run left unconfirmed, and a stalled worker that lost its
 * lease standing back.
 */
class RunMigrationsTest {

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

    private Map<String, byte[]> storedCalendar(SampleOrganization.Organizer organizer) {
        User user = service.directory.findUser(ServiceHarness.TENANT, organizer.upn()).orElseThrow().value();
        Map<String, byte[]> resources = new HashMap<>();
        service.store.forEachCandidate(new Mailbox(ServiceHarness.TENANT, user.id()), NOW, NOW.plus(Duration.ofDays(3650)), 50,
                r -> resources.put(r.ref().href(), r.data()));
        return resources;
    }

    private Views.MigrationStatus onlyStatus(String upn) {
        List<Views.MigrationStatus> all = service.admin.migrationStatus(ServiceHarness.TENANT,
                new Requests.StatusQuery(Optional.of(upn), Optional.empty(), Optional.empty(), Optional.empty()));
        return all.getLast();
    }

    @Test
    void a_change_waits_the_settle_window_then_migrates_the_meetings_and_queues_one_message_per_changed_meeting() throws IOException {
        SampleOrganization.Organizer alice = teamsUser();
        service.admin.importCalendar(ServiceHarness.TENANT, alice.upn(), org.calendar(alice, NOW, 40, 7));
        Map<String, byte[]> before = storedCalendar(alice);

        service.admin.unregisterServiceNumber(ServiceHarness.TENANT, SampleOrganization.TOLL_FREE, SampleOrganization.BRIDGE, false);
        assertThat(service.runDueMigrations()).as("nothing runs inside the settle window").isZero();
        service.clock.advance(Duration.ofMinutes(10));
        assertThat(service.runDueMigrations()).isEqualTo(1);

        Views.MigrationStatus status = onlyStatus(alice.upn());
        assertThat(status.State()).isEqualTo("Succeeded");
        assertThat(status.MigrationType()).isEqualTo("ToSameType");
        assertThat(status.TotalMeeting()).isPositive();
        assertThat(status.SucceededMeeting()).isEqualTo(status.TotalMeeting());
        assertThat(status.InvitesUpdate()).isPositive().isLessThanOrEqualTo(status.TotalMeeting());

        Map<String, byte[]> after = storedCalendar(alice);
        int changed = 0;
        for (Map.Entry<String, byte[]> e : before.entrySet()) {
            byte[] now = after.get(e.getKey());
            if (!java.util.Arrays.equals(now, e.getValue())) {
                changed++;
                GoldenRule.checkResource(e.getValue(), now);
                assertThat(new String(now, java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("(866) 679-9995");
            }
        }
        assertThat(changed).isEqualTo(status.InvitesUpdate());

        assertThat(service.sender.runOnce(1000)).isEqualTo(status.InvitesUpdate());
        try (Stream<Path> files = Files.list(service.pickup)) {
            assertThat(files.filter(p -> p.toString().endsWith(".eml")).count()).isEqualTo(status.InvitesUpdate());
        }
        assertThat(service.sender.runOnce(1000)).as("a message is sent once").isZero();

        List<Views.MeetingResult> meetings = service.admin.migrationMeetings(ServiceHarness.TENANT, status.CorrelationId());
        assertThat(meetings).extracting(Views.MeetingResult::Outcome).contains("MIGRATED", "SKIPPED");
        assertThat(meetings).filteredOn(m -> m.Outcome().equals("SKIPPED")).allMatch(m -> m.Reason() != null && m.Detail() != null);
    }

    @Test
    void migrating_again_changes_nothing_and_sends_nothing() {
        SampleOrganization.Organizer alice = teamsUser();
        service.admin.importCalendar(ServiceHarness.TENANT, alice.upn(), org.calendar(alice, NOW, 30, 8));
        service.admin.unregisterServiceNumber(ServiceHarness.TENANT, SampleOrganization.TOLL_FREE, SampleOrganization.BRIDGE, false);
        service.clock.advance(Duration.ofMinutes(10));
        service.runDueMigrations();
        service.sender.runOnce(1000);
        Map<String, byte[]> once = storedCalendar(alice);

        service.admin.startMigration(ServiceHarness.TENANT, alice.upn(), new Requests.StartMigration(
                MigrationType.SourceMeetingType.ALL, MigrationType.TargetMeetingType.CURRENT));
        service.clock.advance(Duration.ofMinutes(10));
        assertThat(service.runDueMigrations()).isEqualTo(1);

        Views.MigrationStatus second = onlyStatus(alice.upn());
        assertThat(second.State()).isEqualTo("Succeeded");
        assertThat(second.InvitesUpdate()).isZero();
        assertThat(storedCalendar(alice)).containsOnlyKeys(once.keySet());
        once.forEach((href, bytes) -> assertThat(storedCalendar(alice).get(href)).isEqualTo(bytes));
        assertThat(service.sender.runOnce(1000)).isZero();
    }

    @Test
    void a_meeting_that_cannot_be_migrated_is_retried_with_backoff_then_the_migration_fails_with_an_actionable_message()
            throws Exception {
        SampleOrganization.Organizer alice = teamsUser();
        byte[] broken = Files.readAllBytes(fixture("ics/bad/missing-end-fence.ics"));
        String organizerInFixture = "alice@contoso.com";
        service.admin.importDirectory(ServiceHarness.TENANT, org.directoryJson().replace(alice.upn(), organizerInFixture));
        service.admin.importCalendar(ServiceHarness.TENANT, organizerInFixture, broken);

        service.admin.startMigration(ServiceHarness.TENANT, organizerInFixture, new Requests.StartMigration(
                MigrationType.SourceMeetingType.ALL, MigrationType.TargetMeetingType.CURRENT));
        service.clock.advance(Duration.ofMinutes(10));
        List<Instant> attempts = new ArrayList<>();
        for (int i = 0; i < 200 && !onlyStatus(organizerInFixture).State().equals("Failed"); i++) {
            if (service.runDueMigrations() > 0) {
                attempts.add(service.clock.instant());
            }
            service.clock.advance(Duration.ofMinutes(30));
        }

        Views.MigrationStatus status = onlyStatus(organizerInFixture);
        assertThat(status.State()).isEqualTo("Failed");
        assertThat(status.RetryCount()).isEqualTo(9);
        assertThat(attempts).hasSize(10);
        assertThat(Duration.between(attempts.getFirst(), attempts.getLast())).isBetween(Duration.ofHours(20), Duration.ofHours(30));
        assertThat(status.FailedMeeting()).isEqualTo(1);
        assertThat(status.LastMessage()).contains("END_FENCE_MISSING").contains("Start-CsExMeetingMigration");
    }

    @Test
    void a_write_an_interrupted_run_made_but_did_not_confirm_is_confirmed_by_the_next_run_and_its_message_sent_once() {
        SampleOrganization.Organizer alice = teamsUser();
        service.admin.importCalendar(ServiceHarness.TENANT, alice.upn(), org.calendar(alice, NOW, 10, 9));
        service.admin.unregisterServiceNumber(ServiceHarness.TENANT, SampleOrganization.TOLL_FREE, SampleOrganization.BRIDGE, false);
        Crash crash = crashAfterAnnouncing(alice, true);

        service.clock.advance(Duration.ofMinutes(10));
        service.runDueMigrations();

        assertThat(service.journal.openIntents(ServiceHarness.TENANT, crash.user().id())).isEmpty();
        assertThat(storedCalendar(alice).get(crash.resource().ref().href())).isEqualTo(crash.plan().newBytes());
        assertThat(service.sender.runOnce(1000)).as("the interrupted run's message, released once, and the new run's")
                .isEqualTo(crash.plan().updates().size() + onlyStatus(alice.upn()).InvitesUpdate());
    }

    @Test
    void a_write_an_interrupted_run_announced_but_never_made_is_dropped_and_the_meeting_migrated_anew() {
        SampleOrganization.Organizer alice = teamsUser();
        service.admin.importCalendar(ServiceHarness.TENANT, alice.upn(), org.calendar(alice, NOW, 10, 9));
        service.admin.unregisterServiceNumber(ServiceHarness.TENANT, SampleOrganization.TOLL_FREE, SampleOrganization.BRIDGE, false);
        Crash crash = crashAfterAnnouncing(alice, false);

        service.clock.advance(Duration.ofMinutes(10));
        service.runDueMigrations();

        assertThat(service.journal.openIntents(ServiceHarness.TENANT, crash.user().id())).isEmpty();
        assertThat(storedCalendar(alice).get(crash.resource().ref().href())).isNotEqualTo(crash.resource().data());
        assertThat(service.sender.runOnce(1000)).as("one message per meeting: the dropped intent's message is gone")
                .isEqualTo(onlyStatus(alice.upn()).InvitesUpdate());
    }

    private record Crash(User user, StoredResource resource, ResourcePlan plan) {
    }

    /** Plans one meeting as a run would and announces its write; writes it only if {@code written}; never confirms. */
    private Crash crashAfterAnnouncing(SampleOrganization.Organizer organizer, boolean written) {
        User user = service.directory.findUser(ServiceHarness.TENANT, organizer.upn()).orElseThrow().value();
        Mailbox mailbox = new Mailbox(ServiceHarness.TENANT, user.id());
        StoredResource resource = firstOnlineMeeting(mailbox, user);
        ResourcePlan plan = ResourcePlan.of(resource.data(), rulesFor(user), targetsFor(user), java.time.ZoneOffset.UTC);
        MigrationJournal.Run crashed = new MigrationJournal.Run(ServiceHarness.TENANT, user.id(), "crashed-run", NOW);
        service.journal.intend(crashed, resource.ref().href(), plan.meetings(), ResourcePlan.hash(plan.newBytes()),
                Optional.of(resource.etag()), plan.updates());
        if (written) {
            service.store.put(mailbox, resource.ref(), plan.newBytes(), Optional.of(resource.etag()));
        }
        assertThat(service.sender.runOnce(100)).as("held until the write is confirmed").isZero();
        return new Crash(user, resource, plan);
    }

    private StoredResource firstOnlineMeeting(Mailbox mailbox, User user) {
        List<StoredResource> found = new ArrayList<>();
        service.store.forEachCandidate(mailbox, NOW, NOW.plus(Duration.ofDays(3650)), 50, r -> {
            if (found.isEmpty() && ResourcePlan.of(r.data(), rulesFor(user), targetsFor(user), java.time.ZoneOffset.UTC).changed()) {
                found.add(r);
            }
        });
        return found.getFirst();
    }

    private SelectionRules rulesFor(User user) {
        return new SelectionRules(Organizer.of(user.upn()), service.clock.instant(), 250, MigrationType.TO_SAME_TYPE.sources());
    }

    private Targets targetsFor(User user) {
        var tenant = service.directory.tenant(ServiceHarness.TENANT).orElseThrow();
        return OrganizerTargets.of(tenant, user, user.audio().bridgeId().flatMap(service.directory::bridge), MigrationType.TO_SAME_TYPE);
    }

    private static Path fixture(String relative) throws URISyntaxException {
        return Path.of(RunMigrationsTest.class.getResource("/fixtures/" + relative).toURI());
    }

    @Test
    void a_worker_whose_lease_was_taken_over_journals_and_writes_nothing_and_leaves_the_request_to_the_new_holder() {
        SampleOrganization.Organizer alice = teamsUser();
        service.admin.importCalendar(ServiceHarness.TENANT, alice.upn(), org.calendar(alice, NOW, 10, 8));
        Map<String, byte[]> before = storedCalendar(alice);
        Duration lease = Duration.ofMinutes(2);
        List<Claimed> takenOver = new ArrayList<>();
        // Right after its claim the worker stalls (a starved CPU, a long pause): the lease runs out, the reaper frees
        // the request and another worker claims it. The stalled worker must not then journal or write anything.
        Checkpoint stall = name -> {
            if (name.equals(Checkpoint.MIGRATION_CLAIMED)) {
                service.clock.advance(lease.plusSeconds(1));
                service.queue.reapExpiredLeases(service.clock.instant());
                takenOver.addAll(service.queue.claim(new WorkerId("the-other-worker"), service.clock.instant(), lease, 1));
            }
        };
        RunMigrations stalled = new RunMigrations(service.queue, service.directory,
                new MigrateOrganizer(service.store, service.journal, service.clock), service.clock, new WorkerId("stalled-worker"),
                lease, stall);
        // A dial-in number removed: every meeting of the organizer shows it and needs a new block.
        service.admin.unregisterServiceNumber(ServiceHarness.TENANT, SampleOrganization.TOLL_FREE, SampleOrganization.BRIDGE, false);
        service.clock.advance(Duration.ofMinutes(10));

        assertThat(stalled.runOnce()).isTrue();

        assertThat(takenOver).as("the other worker holds the request").hasSize(1);
        assertThat(storedCalendar(alice)).as("no meeting written by the worker that lost its lease")
                .containsOnlyKeys(before.keySet())
                .allSatisfy((href, data) -> assertThat(data).isEqualTo(before.get(href)));
        Views.MigrationStatus status = onlyStatus(alice.upn());
        assertThat(status.State()).as("still the new holder's to finish").isEqualTo("InProgress");
        assertThat(service.admin.migrationMeetings(ServiceHarness.TENANT, status.CorrelationId()))
                .as("nothing journaled by the worker that lost its lease").isEmpty();
    }
}
