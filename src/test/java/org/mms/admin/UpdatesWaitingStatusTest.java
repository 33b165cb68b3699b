package org.mms.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mms.sample.SampleOrganization;
import org.mms.testing.ServiceHarness;

/**
 * A migration whose update messages a tenant's hourly limit holds back: the status says, for the migration and for
 * the tenant, how many wait in the outbox and until when, and the rest go once the hour has passed.
 */
class UpdatesWaitingStatusTest {

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

    @Test
    void the_status_says_how_many_updates_wait_and_until_when_and_they_go_in_the_next_hour() {
        Optional<Boolean> none = Optional.empty();
        service.admin.setMigrationConfiguration(ServiceHarness.TENANT, new Requests.MigrationConfigurationChange(none, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), none, none, none, Optional.empty(), Optional.empty(),
                new Requests.PacingChange(Optional.of(2), Optional.empty(), Optional.empty(), Optional.empty())));
        SampleOrganization.Organizer alice = org.organizers().stream().filter(SampleOrganization.Organizer::onPremises).findFirst().orElseThrow();
        service.admin.importCalendar(ServiceHarness.TENANT, alice.upn(), org.calendar(alice, NOW, 20, 5));
        service.admin.moveUser(ServiceHarness.TENANT, alice.upn(), Requests.MoveTarget.toOnline());
        service.clock.advance(Duration.ofMinutes(10));
        assertThat(service.runDueMigrations()).isEqualTo(1);
        Instant sentAt = service.clock.instant();
        int invites = status().InvitesUpdate();
        assertThat(invites).as("enough updates to be held back").isGreaterThan(2);

        assertThat(service.sender.runOnce(100)).isEqualTo(2);
        service.clock.advance(Duration.ofMinutes(30));
        assertThat(service.sender.runOnce(100)).isZero();

        Instant until = sentAt.plus(Duration.ofHours(1));
        assertThat(status()).extracting(Views.MigrationStatus::UpdatesWaiting, Views.MigrationStatus::UpdatesWaitUntil)
                .containsExactly((long) invites - 2, until);
        assertThat(service.admin.updatesWaiting(ServiceHarness.TENANT)).isEqualTo(new Views.UpdatesWaiting(invites - 2, until));

        service.clock.set(until);
        assertThat(service.sender.runOnce(100)).isEqualTo(Math.min(2, invites - 2));
        assertThat(status().UpdatesWaiting()).isEqualTo(Math.max(0, invites - 4));
    }

    private Views.MigrationStatus status() {
        return service.admin.migrationStatus(ServiceHarness.TENANT, new Requests.StatusQuery(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty())).getLast();
    }
}
