package org.mms.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mms.admin.Requests;
import org.mms.admin.Views;
import org.mms.checkpoint.Checkpoint;
import org.mms.queue.Claimed;
import org.mms.queue.WorkerId;
import org.mms.sample.SampleOrganization;
import org.mms.testing.ServiceHarness;

/**
 * A worker that stalls past its lease (a starved CPU, a long pause) must not go on writing once the
 * reaper has given its request to another worker: both would migrate the same meetings, journal them
 * twice and queue every update twice.
 */
class LeaseLostTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(2);

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

    @Test
    void a_worker_whose_lease_was_taken_over_journals_and_writes_nothing_and_leaves_the_request_to_the_new_holder() {
        SampleOrganization.Organizer alice = org.organizers().stream().filter(o -> !o.onPremises()).findFirst().orElseThrow();
        service.admin.importCalendar(ServiceHarness.TENANT, alice.upn(), org.calendar(alice, NOW, 10, 8));
        byte[] before = service.admin.exportCalendar(ServiceHarness.TENANT, alice.upn()).calendar();
        List<Claimed> takenOver = new ArrayList<>();
        // Right after the claim, the worker "stalls": the lease runs out, the reaper frees the request, another worker claims it.
        Checkpoint stall = name -> {
            if (name.equals(Checkpoint.MIGRATION_CLAIMED)) {
                service.clock.advance(LEASE.plusSeconds(1));
                service.queue.reapExpiredLeases(service.clock.instant());
                takenOver.addAll(service.queue.claim(new WorkerId("the-other-worker"), service.clock.instant(), LEASE, 1));
            }
        };
        RunMigrations stalled = new RunMigrations(service.queue, service.directory,
                new MigrateOrganizer(service.store, service.journal, service.clock), service.clock, new WorkerId("stalled-worker"),
                LEASE, stall);
        // A dial-in number removed: every meeting of the organizer shows it and needs a new block.
        service.admin.unregisterServiceNumber(ServiceHarness.TENANT, SampleOrganization.TOLL_FREE, SampleOrganization.BRIDGE, false);
        service.clock.advance(Duration.ofMinutes(10));

        assertThat(stalled.runOnce()).isTrue();

        assertThat(takenOver).as("the other worker holds the request").hasSize(1);
        assertThat(service.admin.exportCalendar(ServiceHarness.TENANT, alice.upn()).calendar())
                .as("no meeting written by the worker that lost its lease").isEqualTo(before);
        Views.MigrationStatus status = service.admin.migrationStatus(ServiceHarness.TENANT,
                new Requests.StatusQuery(Optional.of(alice.upn()), Optional.empty(), Optional.empty(), Optional.empty())).getLast();
        assertThat(status.State()).as("still the new holder's to finish").isEqualTo("InProgress");
        assertThat(service.admin.migrationMeetings(ServiceHarness.TENANT, status.CorrelationId()))
                .as("nothing journaled by the worker that lost its lease").isEmpty();
    }
}
