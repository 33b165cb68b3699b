package org.mms.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mms.admin.Requests;
import org.mms.admin.Views;
import org.mms.checkpoint.Checkpoint;
import org.mms.queue.WorkerId;
import org.mms.sample.SampleOrganization;
import org.mms.testing.HostileCalendars;
import org.mms.testing.ServiceHarness;

/**
 * Defects 1 and 2 of issue 13 through the service's own path (Import-CsCalendar, New-CsOnlineMeeting,
 * the worker step): one hostile meeting fails alone, never the worker and never the other organizers,
 * and no SQL or driver text reaches {@code LastMessage}.
 */
class HostileMeetingsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @TempDir
    Path dir;

    private ServiceHarness service;
    private final SampleOrganization org = new SampleOrganization(3);

    @BeforeEach
    void start() {
        service = new ServiceHarness(dir.resolve("pickup"), NOW);
        service.admin.importDirectory(ServiceHarness.TENANT, org.directoryJson());
    }

    @AfterEach
    void stop() {
        service.close();
    }

    private List<SampleOrganization.Organizer> teamsUsers() {
        return org.organizers().stream().filter(o -> !o.onPremises()).toList();
    }

    private Views.MigrationStatus status(String upn) {
        return service.admin.migrationStatus(ServiceHarness.TENANT,
                new Requests.StatusQuery(Optional.of(upn), Optional.empty(), Optional.empty(), Optional.empty())).getLast();
    }

    private void startMigration(String upn) {
        service.admin.startMigration(ServiceHarness.TENANT, upn, new Requests.StartMigration(MigrationType.SourceMeetingType.ALL,
                MigrationType.TargetMeetingType.CURRENT));
    }

    private static void assertNoDatabaseText(String message) {
        assertThat(message).doesNotContainIgnoringCase("SQL").doesNotContainIgnoringCase("VARCHAR").doesNotContainIgnoringCase("VARYING")
                .doesNotContainIgnoringCase("INSERT").doesNotContainIgnoringCase("meeting_change").doesNotContain("org.h2")
                .doesNotContain("Exception");
    }

    @Test
    void an_event_nested_5000_deep_fails_as_invalid_and_the_other_organizers_still_migrate() {
        List<SampleOrganization.Organizer> users = teamsUsers();
        assertThat(users).hasSizeGreaterThanOrEqualTo(2);
        SampleOrganization.Organizer hostile = users.get(0);
        SampleOrganization.Organizer other = users.get(1);
        byte[] nested = HostileCalendars.nestedInFirstEvent(org.calendar(hostile, NOW, 10, 5), 5_000);
        assertThat(nested.length).isGreaterThan(64_000);
        service.admin.importCalendar(ServiceHarness.TENANT, hostile.upn(), nested);
        service.admin.importCalendar(ServiceHarness.TENANT, other.upn(), org.calendar(other, NOW, 10, 6));

        startMigration(hostile.upn());
        startMigration(other.upn());
        service.clock.advance(Duration.ofMinutes(10));
        assertThat(service.runDueMigrations()).isEqualTo(2);

        assertThat(status(other.upn()).State()).isEqualTo("Succeeded");
        Views.MigrationStatus hostileStatus = status(hostile.upn());
        assertThat(hostileStatus.FailedMeeting()).isEqualTo(1);
        assertThat(hostileStatus.LastMessage()).contains("INVALID_EVENT").contains("nested").doesNotContain("\n");
        assertThat(service.admin.migrationMeetings(ServiceHarness.TENANT, hostileStatus.CorrelationId()))
                .anyMatch(m -> "FAILED".equals(m.Outcome()) && "INVALID_EVENT".equals(m.Reason()));
    }

    @Test
    void a_5000_character_title_imported_or_scheduled_migrates_and_last_message_carries_no_sql() {
        SampleOrganization.Organizer alice = teamsUsers().getFirst();
        String title = "Quarterly planning " + "ü".repeat(2_000) + "x".repeat(2_981);
        assertThat(title).hasSize(5_000);
        service.admin.importCalendar(ServiceHarness.TENANT, alice.upn(),
                HostileCalendars.withSummaries(org.calendar(alice, NOW, 10, 7), title));
        Instant start = NOW.plus(Duration.ofDays(3));
        service.admin.addOnlineMeeting(ServiceHarness.TENANT, alice.upn(), new Requests.NewOnlineMeeting(title, start,
                start.plus(Duration.ofMinutes(30)), Optional.empty(), List.of("bob@contoso.com"), Optional.empty(), Optional.empty()));

        service.admin.unregisterServiceNumber(ServiceHarness.TENANT, SampleOrganization.TOLL_FREE, SampleOrganization.BRIDGE, false);
        service.clock.advance(Duration.ofMinutes(10));
        assertThat(service.runDueMigrations()).isPositive();

        Views.MigrationStatus status = status(alice.upn());
        assertNoDatabaseText(status.LastMessage());
        assertThat(status.State()).as(status.LastMessage()).isEqualTo("Succeeded");
        List<Views.MeetingResult> meetings = service.admin.migrationMeetings(ServiceHarness.TENANT, status.CorrelationId());
        assertThat(meetings).filteredOn(m -> title.equals(m.Subject())).hasSize(meetings.size())
                .noneMatch(m -> "FAILED".equals(m.Outcome()))
                .filteredOn(m -> "MIGRATED".equals(m.Outcome())).as("imported ones and the one New-CsOnlineMeeting made").hasSizeGreaterThan(1);
    }

    @Test
    void an_error_inside_one_migration_is_recorded_under_a_short_code_and_the_same_error_twice_fails_the_request() {
        SampleOrganization.Organizer alice = teamsUsers().getFirst();
        service.admin.importCalendar(ServiceHarness.TENANT, alice.upn(), org.calendar(alice, NOW, 10, 8));
        Checkpoint overflowing = name -> {
            if (name.equals(Checkpoint.CHUNK_JOURNALED)) {
                throw new StackOverflowError("deep inside SELECT * FROM meeting_change");
            }
        };
        RunMigrations worker = new RunMigrations(service.queue, service.directory,
                new MigrateOrganizer(service.store, service.journal, service.clock, overflowing), service.clock, new WorkerId("w"),
                Duration.ofMinutes(2), Checkpoint.NONE);
        service.admin.unregisterServiceNumber(ServiceHarness.TENANT, SampleOrganization.TOLL_FREE, SampleOrganization.BRIDGE, false);
        service.clock.advance(Duration.ofMinutes(10));

        assertThat(worker.runOnce()).as("the error ends the step, not the worker").isTrue();
        Views.MigrationStatus first = status(alice.upn());
        assertThat(first.State()).isEqualTo("Pending");
        assertThat(first.LastMessage()).containsPattern("internal error [0-9a-f]{8}").contains("MMS will try again");
        assertNoDatabaseText(first.LastMessage());
        String code = InternalFailure.in(first.LastMessage()).orElseThrow().code();

        for (int i = 0; i < 20 && !status(alice.upn()).State().equals("Failed"); i++) {
            service.clock.advance(Duration.ofHours(1));
            worker.runOnce();
        }
        Views.MigrationStatus second = status(alice.upn());
        assertThat(second.State()).isEqualTo("Failed");
        assertThat(second.RetryCount()).isEqualTo(1);
        assertThat(second.LastMessage()).contains("failed twice with internal error " + code).contains("Start-CsExMeetingMigration");
        assertNoDatabaseText(second.LastMessage());
    }

    @Test
    void internal_failure_codes_are_stable_for_one_fault_and_differ_between_faults() {
        Throwable a1 = fault("x");
        Throwable a2 = fault("y");
        Throwable b = fault(null);
        assertThat(InternalFailure.of(a1)).isEqualTo(InternalFailure.of(a2));
        assertThat(InternalFailure.of(a1)).isNotEqualTo(InternalFailure.of(b));
        assertThat(InternalFailure.in("failed with " + InternalFailure.of(b).words() + "; again")).contains(InternalFailure.of(b));
        assertThat(new String(InternalFailure.of(a1).words().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                .matches("internal error [0-9a-f]{8}");
    }

    /** A NumberFormatException, with the input's text in its message, or a NullPointerException for null. */
    private static Throwable fault(String number) {
        try {
            return new AssertionError("no fault: " + number.length() + Integer.parseInt(number));
        } catch (RuntimeException e) {
            return e;
        }
    }
}
