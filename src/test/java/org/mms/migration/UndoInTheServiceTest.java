package org.mms.migration;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mms.admin.AdminException;
import org.mms.admin.Requests;
import org.mms.admin.Views;
import org.mms.calendar.Mailbox;
import org.mms.calendar.ResourceRef;
import org.mms.calendar.StoredResource;
import org.mms.checkpoint.Checkpoint;
import org.mms.queue.WorkerId;
import org.mms.sample.SampleOrganization;
import org.mms.testing.Seeds;
import org.mms.testing.ServiceHarness;
import org.mms.testing.UndoGoldenRule;

/**
 * Undo-CsMeetingMigration on the embedded store: a migration then its undo gives every meeting back as it was, outside
 * SEQUENCE and DTSTAMP, byte for byte (generated calendars, seeded, and the Outlook, Teams and Skype fixtures), with an
 * update to the attendees; a meeting changed since is left alone; an undo is not undone.
 */
class UndoInTheServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final String ALICE = "alice@contoso.com";
    private static final List<String> FIXTURES = List.of("skype-en-dialin.ics", "skype-sv-dialin.ics", "teams-t2-en-dialin.ics",
            "teams-t2-ja.ics", "teams-t4-en-2025.ics", "series-weekly-overrides.ics", "unicode-fold-splits.ics", "lf-only.ics",
            "escapes-and-x-props.ics", "series-overrides-apart.ics");

    @TempDir
    Path dir;

    private ServiceHarness service;
    /** The sample's Teams user whose place alice takes. */
    private String teamsUser;
    private final SampleOrganization org = new SampleOrganization(2);

    @BeforeEach
    void start() {
        service = new ServiceHarness(dir.resolve("pickup"), NOW);
        teamsUser = org.organizers().stream().filter(o -> !o.onPremises()).findFirst().orElseThrow().upn();
        service.admin.importDirectory(ServiceHarness.TENANT, org.directoryJson().replace("{\"upn\": \"" + teamsUser + "\"",
                "{\"upn\": \"" + ALICE + "\""));
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void aMigrationThenItsUndoGivesEveryFixtureBackAsItWasOutsideSequenceAndDtstamp() throws IOException {
        for (String fixture : FIXTURES) {
            service.admin.importCalendar(ServiceHarness.TENANT, ALICE, fixture(fixture));
        }
        Map<String, byte[]> before = stored(ALICE);
        Views.MigrationStatus migration = migrate(ALICE);
        assertThat(migration.SucceededMeeting()).isGreaterThanOrEqualTo(FIXTURES.size() - 1);
        Map<String, byte[]> migrated = stored(ALICE);
        assertThat(migrated.keySet()).isEqualTo(before.keySet());
        long changed = before.keySet().stream().filter(href -> !java.util.Arrays.equals(before.get(href), migrated.get(href))).count();
        assertThat(changed).isGreaterThanOrEqualTo(FIXTURES.size() - 1);

        Views.MigrationStatus undo = undo(migration.CorrelationId());

        assertThat(undo.MigrationType()).isEqualTo("Undo");
        assertThat(undo.State()).isEqualTo("Succeeded");
        assertThat(undo.LastMessage()).isEmpty();
        Map<String, byte[]> after = stored(ALICE);
        for (String href : before.keySet()) {
            UndoGoldenRule.check(href, before.get(href), after.get(href));
            if (!java.util.Arrays.equals(before.get(href), migrated.get(href))) {
                assertThat(sequences(after.get(href))).as(href + ": above what the migration wrote")
                        .allSatisfy(s -> assertThat(s).isGreaterThan(sequences(migrated.get(href)).getFirst()));
            } else {
                assertThat(after.get(href)).as(href + " was left alone").isEqualTo(before.get(href));
            }
        }
        assertThat(undo.InvitesUpdate()).isEqualTo(migration.InvitesUpdate());
        assertThat(service.admin.migrationMeetings(ServiceHarness.TENANT, undo.CorrelationId()))
                .extracting(Views.MeetingResult::Outcome).containsOnly("MIGRATED");
    }

    @Test
    void generatedCalendarsComeBackByteForByteAfterAMigrationAndItsUndo() {
        long seed = Seeds.seed(20261206L);
        assertThat(org.organizers()).hasSizeGreaterThan(1);
        for (SampleOrganization.Organizer organizer : org.organizers().stream().filter(o -> !o.upn().equals(teamsUser)).toList()) {
            service.admin.importCalendar(ServiceHarness.TENANT, organizer.upn(), org.calendar(organizer, NOW, 60, seed));
            Map<String, byte[]> before = stored(organizer.upn());
            Views.MigrationStatus migration = migrate(organizer.upn());
            assertThat(migration.SucceededMeeting()).as(organizer.upn()).isPositive();

            Views.MigrationStatus undo = undo(migration.CorrelationId());

            assertThat(undo.State()).isEqualTo("Succeeded");
            Map<String, byte[]> after = stored(organizer.upn());
            before.forEach((href, bytes) -> UndoGoldenRule.check("seed " + seed + " (replay with -Dpbt.seed=" + seed + "), " + organizer.upn()
                    + " " + href, bytes, after.get(href)));
        }
    }

    @Test
    void aMeetingChangedSinceTheMigrationIsLeftAloneAndReportedChangedSince() throws IOException {
        service.admin.importCalendar(ServiceHarness.TENANT, ALICE, fixture("teams-t2-en-dialin.ics"));
        service.admin.importCalendar(ServiceHarness.TENANT, ALICE, fixture("skype-en-dialin.ics"));
        Map<String, byte[]> before = stored(ALICE);
        Views.MigrationStatus migration = migrate(ALICE);
        String edited = before.keySet().iterator().next();
        Mailbox mailbox = mailbox(ALICE);
        StoredResource current = service.store.get(mailbox, new ResourceRef(edited)).orElseThrow();
        byte[] changedByOrganizer = new String(current.data(), UTF_8).replaceFirst("END:VEVENT", "LOCATION:Room 4\r\nEND:VEVENT").getBytes(UTF_8);
        service.store.put(mailbox, new ResourceRef(edited), changedByOrganizer, Optional.of(current.etag()));

        Views.MigrationStatus undo = undo(migration.CorrelationId());

        assertThat(undo.State()).isEqualTo("Succeeded");
        assertThat(undo.LastMessage()).contains("1 meeting was changed since the migration");
        Map<String, byte[]> after = stored(ALICE);
        assertThat(after.get(edited)).isEqualTo(changedByOrganizer);
        before.keySet().stream().filter(h -> !h.equals(edited)).forEach(h -> UndoGoldenRule.check(h, before.get(h), after.get(h)));
        assertThat(service.admin.migrationMeetings(ServiceHarness.TENANT, undo.CorrelationId()))
                .extracting(m -> m.Outcome() + " " + m.Reason()).contains("SKIPPED CHANGED_SINCE", "MIGRATED null");
    }

    @Test
    void anUndosPreviewWritesNothingAndGivesEachMeetingTheOutcomeTheUndoThenHas() throws IOException {
        for (String fixture : List.of("teams-t2-en-dialin.ics", "skype-en-dialin.ics", "series-weekly-overrides.ics")) {
            service.admin.importCalendar(ServiceHarness.TENANT, ALICE, fixture(fixture));
        }
        Views.MigrationStatus migration = migrate(ALICE);
        Map<String, byte[]> migrated = stored(ALICE);
        String edited = migrated.keySet().iterator().next();
        Mailbox mailbox = mailbox(ALICE);
        StoredResource current = service.store.get(mailbox, new ResourceRef(edited)).orElseThrow();
        service.store.put(mailbox, new ResourceRef(edited), new String(current.data(), UTF_8).replaceFirst("END:VEVENT",
                "LOCATION:Room 4\r\nEND:VEVENT").getBytes(UTF_8), Optional.of(current.etag()));
        Map<String, byte[]> beforeUndo = stored(ALICE);
        Requests.Undo request = new Requests.Undo(Optional.of(migration.CorrelationId()), Optional.empty(), Optional.empty());
        int statuses = service.admin.migrationStatus(ServiceHarness.TENANT, Requests.StatusQuery.all()).size();

        Views.UndoPreview preview = service.admin.previewUndo(ServiceHarness.TENANT, request);

        assertThat(preview.UserPrincipalName()).isEqualTo(ALICE);
        assertThat(preview.Undoes()).containsExactly(migration.CorrelationId());
        assertThat(preview.ChangedSinceMeeting()).isEqualTo(1);
        assertThat(preview.PutBackMeeting()).isPositive();
        Map<String, byte[]> afterPreview = stored(ALICE);
        assertThat(afterPreview.keySet()).isEqualTo(beforeUndo.keySet());
        beforeUndo.forEach((href, bytes) -> assertThat(afterPreview.get(href)).as(href + " untouched by the preview").isEqualTo(bytes));
        assertThat(service.admin.migrationStatus(ServiceHarness.TENANT, Requests.StatusQuery.all())).as("nothing queued").hasSize(statuses);

        Views.MigrationStatus undo = undo(migration.CorrelationId());

        assertThat(preview.Meetings().stream().map(m -> m.Uid() + "|" + m.RecurrenceId() + "|" + m.Outcome() + "|" + m.Reason()).sorted())
                .isEqualTo(service.admin.migrationMeetings(ServiceHarness.TENANT, undo.CorrelationId()).stream()
                        .map(m -> m.Uid() + "|" + m.RecurrenceId() + "|" + m.Outcome() + "|" + m.Reason()).sorted().toList())
                .anyMatch(m -> m.endsWith("|SKIPPED|CHANGED_SINCE")).anyMatch(m -> m.endsWith("|MIGRATED|null"));
        assertThat(undo.SucceededMeeting()).isEqualTo(preview.PutBackMeeting());
    }

    @Test
    void anUndoStoppedBetweenAWriteAndItsConfirmationResumesWithoutWritingOrSendingTwice() throws IOException {
        service.admin.importCalendar(ServiceHarness.TENANT, ALICE, fixture("teams-t2-en-dialin.ics"));
        service.admin.importCalendar(ServiceHarness.TENANT, ALICE, fixture("skype-en-dialin.ics"));
        Map<String, byte[]> before = stored(ALICE);
        Views.MigrationStatus migration = migrate(ALICE);
        Map<String, byte[]> migrated = stored(ALICE);
        int[] writes = {0};
        Checkpoint stopAfterTheFirstWrite = name -> {
            if (name.equals(Checkpoint.CHUNK_WRITTEN) && writes[0]++ == 0) {
                throw new IllegalStateException("stopped between the write and its confirmation");
            }
        };
        RunMigrations stopping = new RunMigrations(service.queue, service.directory,
                new MigrateOrganizer(service.store, service.journal, service.clock, stopAfterTheFirstWrite), service.clock,
                new WorkerId("stopping-worker"), Duration.ofMinutes(2));
        Views.MigrationStatus queued = service.admin.undoMigration(ServiceHarness.TENANT, new Requests.Undo(
                Optional.of(migration.CorrelationId()), Optional.empty(), Optional.empty()));

        assertThat(stopping.runOnce()).isTrue();
        service.clock.advance(Duration.ofDays(1));
        assertThat(service.runDueMigrations()).isEqualTo(1);

        Views.MigrationStatus undo = service.admin.migrationStatus(ServiceHarness.TENANT, Requests.StatusQuery.all()).stream()
                .filter(st -> st.CorrelationId().equals(queued.CorrelationId())).findFirst().orElseThrow();
        assertThat(undo.State()).isEqualTo("Succeeded");
        assertThat(undo.RetryCount()).isEqualTo(1);
        assertThat(undo.SucceededMeeting()).isEqualTo(migration.SucceededMeeting());
        Map<String, byte[]> after = stored(ALICE);
        for (String href : before.keySet()) {
            UndoGoldenRule.check(href, before.get(href), after.get(href));
            assertThat(sequences(after.get(href))).as(href + ": written once").containsOnly(sequences(migrated.get(href)).getFirst() + 1);
        }
        long messages = service.db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox_message WHERE correlation_id = :c")
                .bind("c", undo.CorrelationId()).mapTo(Long.class).one());
        assertThat(messages).as("one update per meeting put back").isEqualTo(migration.InvitesUpdate());
    }

    @Test
    void theReportShowsTheJoinLinkAndConferenceIdTheMigrationReplacedAndTheUndoPutBack() throws IOException {
        service.admin.importCalendar(ServiceHarness.TENANT, ALICE, fixture("skype-en-dialin.ics"));
        Views.MigrationStatus migration = migrate(ALICE);
        Views.MigrationStatus undo = undo(migration.CorrelationId());

        Views.MeetingReport migrated = service.admin.migrationReport(ServiceHarness.TENANT, new Requests.ReportQuery(Optional.of(ALICE),
                Optional.of(migration.CorrelationId()), Optional.empty(), Optional.empty(), Optional.of("migrated"))).getFirst();
        Views.MeetingReport putBack = service.admin.migrationReport(ServiceHarness.TENANT, new Requests.ReportQuery(Optional.empty(),
                Optional.of(undo.CorrelationId()), Optional.empty(), Optional.empty(), Optional.empty())).getFirst();

        assertThat(migrated.OldJoinUrl()).isEqualTo("https://meet.contoso.com/alice/6N2YGD5G").isNotEqualTo(migrated.NewJoinUrl());
        assertThat(migrated.NewJoinUrl()).isNotEmpty();
        assertThat(migrated.OldConferenceId()).isEqualTo("68138");
        assertThat(migrated.Organizer()).isEqualTo(ALICE);
        assertThat(migrated.MessageId()).isNotEmpty();
        assertThat(putBack.MigrationType()).isEqualTo("Undo");
        assertThat(putBack.OldJoinUrl()).isEqualTo(migrated.NewJoinUrl());
        assertThat(putBack.NewJoinUrl()).isEqualTo(migrated.OldJoinUrl());
        assertThat(putBack.NewConferenceId()).isEqualTo(migrated.OldConferenceId());
        assertThat(putBack.MessageId()).isNotEmpty().isNotEqualTo(migrated.MessageId());
        assertThatThrownBy(() -> service.admin.migrationReport(ServiceHarness.TENANT, new Requests.ReportQuery(Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("Done")))).isInstanceOf(AdminException.BadRequest.class)
                .hasMessageContaining("Migrated, Unchanged, Skipped or Failed");
        assertThatThrownBy(() -> service.admin.migrationHistory(ServiceHarness.TENANT, new Requests.HistoryQuery(Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()))).isInstanceOf(AdminException.BadRequest.class);
    }

    @Test
    void anUndoIsNotUndoneAndNoUndoIsQueuedWhileTheUserHasAMigrationWaiting() throws IOException {
        service.admin.importCalendar(ServiceHarness.TENANT, ALICE, fixture("teams-t2-en-dialin.ics"));
        Views.MigrationStatus migration = migrate(ALICE);
        Views.MigrationStatus undo = undo(migration.CorrelationId());

        assertThatThrownBy(() -> service.admin.undoMigration(ServiceHarness.TENANT, new Requests.Undo(Optional.of(undo.CorrelationId()),
                Optional.empty(), Optional.empty()))).isInstanceOf(AdminException.BadRequest.class)
                .hasMessageContaining("an undo is not undone").hasMessageContaining("Start-CsExMeetingMigration");

        service.admin.startMigration(ServiceHarness.TENANT, ALICE, new Requests.StartMigration(MigrationType.SourceMeetingType.ALL,
                MigrationType.TargetMeetingType.CURRENT));
        assertThatThrownBy(() -> service.admin.undoMigration(ServiceHarness.TENANT, new Requests.Undo(Optional.of(migration.CorrelationId()),
                Optional.empty(), Optional.empty()))).isInstanceOf(AdminException.Conflict.class).hasMessageContaining("waiting or running");
    }

    @Test
    void theUndoOfAUsersMigrationsSinceATimePutsBackWhatWasBeforeTheFirstOfThemAndItsHistoryIsKept() throws IOException {
        service.admin.importCalendar(ServiceHarness.TENANT, ALICE, fixture("skype-en-dialin.ics"));
        Map<String, byte[]> before = stored(ALICE);
        Instant since = service.clock.instant();
        migrate(ALICE, MigrationType.TargetMeetingType.CURRENT);
        byte[] first = stored(ALICE).values().iterator().next();
        migrate(ALICE, MigrationType.TargetMeetingType.TEAMS);
        byte[] second = stored(ALICE).values().iterator().next();
        assertThat(new String(second, UTF_8)).as("the second migration wrote too").isNotEqualTo(new String(first, UTF_8));

        Views.MigrationStatus undo = service.admin.undoMigration(ServiceHarness.TENANT, new Requests.Undo(Optional.empty(),
                Optional.of(ALICE), Optional.of(since)));
        assertThat(service.runDueMigrations()).isEqualTo(1);

        UndoGoldenRule.check(ALICE, before.values().iterator().next(), stored(ALICE).values().iterator().next());
        assertThat(service.admin.migrationHistory(ServiceHarness.TENANT, new Requests.HistoryQuery(Optional.empty(),
                Optional.of(undo.CorrelationId()), Optional.empty(), Optional.empty())))
                .extracting(t -> t.FromState() + ">" + t.ToState()).containsExactly(">Pending", "Pending>InProgress", "InProgress>Succeeded");
    }

    private Views.MigrationStatus migrate(String upn) {
        return migrate(upn, MigrationType.TargetMeetingType.CURRENT);
    }

    private Views.MigrationStatus migrate(String upn, MigrationType.TargetMeetingType target) {
        service.admin.startMigration(ServiceHarness.TENANT, upn, new Requests.StartMigration(MigrationType.SourceMeetingType.ALL, target));
        service.clock.advance(Duration.ofMinutes(15));
        assertThat(service.runDueMigrations()).isEqualTo(1);
        return last(upn);
    }

    private Views.MigrationStatus undo(String correlationId) {
        Views.MigrationStatus queued = service.admin.undoMigration(ServiceHarness.TENANT, new Requests.Undo(Optional.of(correlationId),
                Optional.empty(), Optional.empty()));
        assertThat(queued.State()).isEqualTo("Pending");
        assertThat(service.runDueMigrations()).isEqualTo(1);
        return service.admin.migrationStatus(ServiceHarness.TENANT, Requests.StatusQuery.all()).stream()
                .filter(s -> s.CorrelationId().equals(queued.CorrelationId())).findFirst().orElseThrow();
    }

    private Views.MigrationStatus last(String upn) {
        return service.admin.migrationStatus(ServiceHarness.TENANT,
                new Requests.StatusQuery(Optional.of(upn), Optional.empty(), Optional.empty(), Optional.empty())).getLast();
    }

    private Mailbox mailbox(String upn) {
        return new Mailbox(ServiceHarness.TENANT, service.directory.findUser(ServiceHarness.TENANT, upn).orElseThrow().value().id());
    }

    private Map<String, byte[]> stored(String upn) {
        Map<String, byte[]> all = new LinkedHashMap<>();
        service.store.forEachCandidate(mailbox(upn), Instant.EPOCH, Instant.parse("9999-01-01T00:00:00Z"), 500,
                r -> all.put(r.ref().href(), r.data()));
        return new java.util.TreeMap<>(all);
    }

    private static List<Integer> sequences(byte[] resource) {
        return Stream.of(new String(resource, UTF_8).split("\r?\n")).filter(l -> l.startsWith("SEQUENCE:"))
                .map(l -> Integer.parseInt(l.substring("SEQUENCE:".length()).strip())).toList();
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = UndoInTheServiceTest.class.getResourceAsStream("/fixtures/ics/" + name)) {
            return in.readAllBytes();
        }
    }
}
