package org.mms.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
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
import org.mms.sample.SampleOrganization;
import org.mms.testing.ServiceHarness;

/**
 * The service on a calendar imported from an Outlook desktop export (none of the add-in's properties):
 * the user's object id from the directory and their conference ID show which meetings are theirs, and
 * the tenant's RequireAddInProperties restores the original service's rule.
 */
class OutlookExportInTheServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final String ALICE = "alice@contoso.com";
    private static final String ALICE_OBJECT_ID = "b7d1c2e4-8f3a-4c6b-9e2d-1a5f7c3b9d80";

    @TempDir
    Path dir;

    private ServiceHarness service;
    private final SampleOrganization org = new SampleOrganization(2);

    @BeforeEach
    void start() throws Exception {
        service = new ServiceHarness(dir.resolve("pickup"), NOW);
        String teamsUser = org.organizers().stream().filter(o -> !o.onPremises()).findFirst().orElseThrow().upn();
        String directory = org.directoryJson().replace("{\"upn\": \"" + teamsUser + "\"",
                "{\"upn\": \"" + ALICE + "\", \"objectId\": \"" + ALICE_OBJECT_ID.toUpperCase() + "\"");
        service.admin.importDirectory(ServiceHarness.TENANT, directory);
        byte[] export = Files.readAllBytes(fixture("ics/outlook-export-no-addin-properties.ics"));
        service.admin.importCalendar(ServiceHarness.TENANT, ALICE, export);
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void get_cs_online_user_shows_the_object_id_the_directory_gave() {
        List<Views.User> users = service.admin.users(ServiceHarness.TENANT, Optional.of(ALICE));

        assertThat(users).singleElement().extracting(Views.User::ObjectId).isEqualTo(ALICE_OBJECT_ID);
    }

    @Test
    void the_users_own_meetings_of_an_outlook_export_are_migrated_and_the_history_names_the_evidence() {
        List<Views.MeetingResult> meetings = migrate();

        assertThat(meetings).extracting(m -> m.Outcome() + " " + (m.Reason() == null ? "" : m.Reason())).containsExactlyInAnyOrder(
                "MIGRATED ", "MIGRATED ", "SKIPPED NO_ONLINE_MEETING", "SKIPPED PAST");
        assertThat(meetings).filteredOn(m -> m.Outcome().equals("MIGRATED")).extracting(Views.MeetingResult::Detail)
                .containsExactlyInAnyOrder(
                        "the organizer's by the Skype join link: it names the organizer's SIP user alice and conference key 6N2YGD5G",
                        "the organizer's by the Teams join link: it names the organizer's object id " + ALICE_OBJECT_ID);
        Views.MigrationStatus status = lastStatus();
        assertThat(status.State()).isEqualTo("Succeeded");
        assertThat(status.SucceededMeeting()).isEqualTo(2);
        assertThat(status.InvitesUpdate()).isEqualTo(2);
    }

    @Test
    void with_require_add_in_properties_the_tenant_migrates_none_of_them() {
        service.admin.setMigrationConfiguration(ServiceHarness.TENANT, new Requests.MigrationConfigurationChange(Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(true), Optional.empty(), Optional.empty()));

        List<Views.MeetingResult> meetings = migrate();

        assertThat(service.admin.migrationConfiguration(ServiceHarness.TENANT).RequireAddInProperties()).isTrue();
        assertThat(meetings).extracting(m -> m.Outcome() + " " + m.Reason()).containsOnly("SKIPPED NO_ONLINE_MEETING");
        assertThat(meetings).hasSize(4);
    }

    private List<Views.MeetingResult> migrate() {
        service.admin.startMigration(ServiceHarness.TENANT, ALICE, new Requests.StartMigration(
                MigrationType.SourceMeetingType.ALL, MigrationType.TargetMeetingType.CURRENT));
        service.clock.advance(Duration.ofMinutes(10));
        assertThat(service.runDueMigrations()).isEqualTo(1);
        return service.admin.migrationMeetings(ServiceHarness.TENANT, lastStatus().CorrelationId());
    }

    private Views.MigrationStatus lastStatus() {
        return service.admin.migrationStatus(ServiceHarness.TENANT,
                new Requests.StatusQuery(Optional.of(ALICE), Optional.empty(), Optional.empty(), Optional.empty())).getLast();
    }

    private static Path fixture(String relative) throws URISyntaxException {
        return Path.of(OutlookExportInTheServiceTest.class.getResource("/fixtures/" + relative).toURI());
    }
}
