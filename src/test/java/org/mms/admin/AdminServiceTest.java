package org.mms.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mms.directory.Tenant;
import org.mms.directory.TenantId;
import org.mms.directory.TenantSettings;
import org.mms.migration.MigrationType;
import org.mms.sample.SampleOrganization;
import org.mms.testing.ServiceHarness;

/** The admin facade against the real repositories: refusals with clear messages, decisions recorded, tenants apart. */
class AdminServiceTest {

    @TempDir
    Path dir;

    private ServiceHarness service;
    private final SampleOrganization org = new SampleOrganization(4);

    @BeforeEach
    void start() {
        service = new ServiceHarness(dir, Instant.parse("2026-11-23T12:00:00Z"));
        service.admin.importDirectory(ServiceHarness.TENANT, org.directoryJson());
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void an_unknown_identity_is_not_found_and_names_what_was_asked() {
        assertThatThrownBy(() -> service.admin.moveUser(ServiceHarness.TENANT, "nobody@contoso.com", Requests.MoveTarget.toOnline()))
                .isInstanceOf(AdminException.NotFound.class).hasMessageContaining("nobody@contoso.com");
    }

    @Test
    void the_default_number_of_a_bridge_is_unassigned_only_when_asked_for_explicitly() {
        assertThatThrownBy(() -> service.admin.unregisterServiceNumber(ServiceHarness.TENANT, SampleOrganization.TOLL,
                SampleOrganization.BRIDGE, false)).isInstanceOf(AdminException.BadRequest.class).hasMessageContaining("RemoveDefaultServiceNumber");

        Views.ChangeResult result = service.admin.unregisterServiceNumber(ServiceHarness.TENANT, SampleOrganization.TOLL,
                SampleOrganization.BRIDGE, true);

        assertThat(result.Decisions()).hasSize(4);
        assertThat(service.admin.bridges(ServiceHarness.TENANT).getFirst().DefaultServiceNumber()).isEqualTo("+14255550175");
    }

    @Test
    void every_decision_is_recorded_with_its_reason_and_a_queued_one_with_its_correlation_id() {
        SampleOrganization.Organizer onPrem = org.organizers().getFirst();

        service.admin.moveUser(ServiceHarness.TENANT, onPrem.upn(), Requests.MoveTarget.toOnline());
        service.admin.setSipAddress(ServiceHarness.TENANT, onPrem.upn(), "sip:alice.new@contoso.com");

        List<Views.TriggerDecision> decisions = service.admin.triggerDecisions(ServiceHarness.TENANT, Optional.of(onPrem.upn()),
                Optional.empty());
        assertThat(decisions).extracting(Views.TriggerDecision::Decision).containsExactly("NoMigration", "Queue");
        assertThat(decisions.getLast().CorrelationId()).isNotBlank();
        assertThat(decisions.getFirst().Reason()).contains("MigrateOnSipAddressChange");
        assertThat(service.admin.users(ServiceHarness.TENANT, Optional.of("sip:alice.new@contoso.com"))).hasSize(1);
    }

    @Test
    void get_cs_online_user_spells_values_as_the_directory_import_does_and_shows_what_decides_a_migration() {
        SampleOrganization.Organizer onPrem = org.organizers().getFirst();
        service.admin.importDirectory(ServiceHarness.TENANT, """
                {"users": [{"upn": "carol@contoso.com", "hosting": "online", "meetingType": "teams", "mailbox": "onPremises",
                  "audioConferencing": {"licensed": true, "enabled": true, "provider": "thirdParty", "publicMeetings": false,
                    "acpNumbers": [{"number": "+1 800 555 0123", "kind": "toll-free"}], "acpConferenceId": "4433221"}}]}
                """);

        Views.User before = service.admin.users(ServiceHarness.TENANT, Optional.of(onPrem.upn())).getFirst();
        service.admin.moveUser(ServiceHarness.TENANT, onPrem.upn(), Requests.MoveTarget.toOnline());
        Views.User after = service.admin.users(ServiceHarness.TENANT, Optional.of(onPrem.upn())).getFirst();
        Views.User carol = service.admin.users(ServiceHarness.TENANT, Optional.of("carol@contoso.com")).getFirst();

        assertThat(List.of(before.Hosting(), before.Mailbox(), before.MeetingType(), before.TeamsUpgradeMode(), before.Provider()))
                .containsExactly("onPremises", "reachable", "skype", "Islands", "microsoft");
        assertThat(before.PublicMeetings()).isTrue();
        assertThat(List.of(after.Hosting(), after.MeetingType(), after.TeamsUpgradeMode())).containsExactly("online", "teams", "TeamsOnly");
        assertThat(List.of(carol.Mailbox(), carol.Provider(), carol.AcpConferenceId())).containsExactly("onPremises", "thirdParty", "4433221");
        assertThat(carol.PublicMeetings()).isFalse();
        assertThat(carol.AcpNumbers()).containsExactly("+18005550123");
    }

    @Test
    void a_tenant_never_sees_another_tenants_users_or_migrations() {
        TenantId other = new TenantId("t2");
        service.directory.saveTenant(new Tenant(other, "Fabrikam", List.of("fabrikam.com"), TenantSettings.defaults("fabrikam", "fabrikam.com")));
        SampleOrganization.Organizer someone = org.organizers().get(2);
        service.admin.startMigration(ServiceHarness.TENANT, someone.upn(), new Requests.StartMigration(
                MigrationType.SourceMeetingType.ALL, MigrationType.TargetMeetingType.CURRENT));

        assertThat(service.admin.users(other, Optional.empty())).isEmpty();
        assertThatThrownBy(() -> service.admin.users(other, Optional.of(someone.upn()))).isInstanceOf(AdminException.NotFound.class);
        assertThat(service.admin.migrationStatus(other, Requests.StatusQuery.all())).isEmpty();
        assertThat(service.admin.migrationStatus(ServiceHarness.TENANT, Requests.StatusQuery.all())).hasSize(1);
    }

    @Test
    void a_window_or_retention_that_would_overflow_a_date_is_refused_with_its_range() {
        Optional<Long> huge = Optional.of(Long.MAX_VALUE);
        Optional<Boolean> none = Optional.empty();

        assertThatThrownBy(() -> service.admin.setMigrationConfiguration(ServiceHarness.TENANT, new Requests.MigrationConfigurationChange(
                none, huge, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), none, none, Optional.empty(), Optional.empty(), Optional.empty())))
                .isInstanceOf(AdminException.BadRequest.class).hasMessage("SettleWindowSeconds must be from 0 to 31536000");
        assertThatThrownBy(() -> service.admin.setMigrationConfiguration(ServiceHarness.TENANT, new Requests.MigrationConfigurationChange(
                none, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), huge, none, none, Optional.empty(), Optional.empty(), Optional.empty())))
                .isInstanceOf(AdminException.BadRequest.class).hasMessage("RetentionDays must be from 1 to 36500");
        assertThatThrownBy(() -> service.admin.importDirectory(ServiceHarness.TENANT,
                "{\"tenant\": {\"settleWindowSeconds\": 9223372036854775807, \"attendeeLimit\": 9223372036854775807}}"))
                .isInstanceOf(AdminException.BadRequest.class).hasMessageContaining("tenant.settleWindowSeconds must be a whole number from 0 to")
                .hasMessageContaining("tenant.attendeeLimit must be a whole number from 0 to 100000");
    }

    @Test
    void a_directory_value_longer_than_mms_keeps_is_refused_with_its_place_and_limit_and_nothing_is_saved() {
        String tooLong = """
                {"tenant": {"name": "%s"}, "bridges": [{"name": "B", "numbers": [{"number": "+13238494874", "display": "%s"}]}],
                 "users": [{"upn": "bob@contoso.com", "pool": "%s", "hosting": "onPremises"}, {"upn": "carol@contoso.com", "aliases": [null]}]}""".formatted(
                "n".repeat(201), "d".repeat(101), "p".repeat(301));

        assertThatThrownBy(() -> service.admin.importDirectory(ServiceHarness.TENANT, tooLong))
                .isInstanceOf(AdminException.BadRequest.class)
                .hasMessageContaining("tenant.name is longer than 200 characters (201)")
                .hasMessageContaining("bridges[0].numbers[0].display is longer than 100 characters (101)")
                .hasMessageContaining("users[0].pool is longer than 300 characters (301)")
                .hasMessageContaining("users[1].aliases[0] must be a non-empty string")
                .hasMessageNotContaining("SQL").hasMessageNotContaining("VARYING");
        assertThat(service.admin.users(ServiceHarness.TENANT, Optional.empty())).noneMatch(u -> u.UserPrincipalName().equals("bob@contoso.com"));
    }

    @Test
    void a_subject_with_a_line_break_or_an_attendee_mail_cannot_carry_is_refused_before_the_meeting_is_stored() {
        String organizer = org.organizers().getFirst().upn();
        int before = service.admin.exportCalendar(ServiceHarness.TENANT, organizer).meetings();
        Instant start = Instant.parse("2026-12-01T09:00:00Z");

        assertThatThrownBy(() -> service.admin.addOnlineMeeting(ServiceHarness.TENANT, organizer, new Requests.NewOnlineMeeting("Sync\r\nBcc: x",
                start, start.plusSeconds(1800), Optional.empty(), List.of("bob@contoso.com"), Optional.empty(), Optional.empty())))
                .isInstanceOf(AdminException.BadRequest.class).hasMessageContaining("Subject must not contain control characters");
        assertThatThrownBy(() -> service.admin.addOnlineMeeting(ServiceHarness.TENANT, organizer, new Requests.NewOnlineMeeting("Sync",
                start, start.plusSeconds(1800), Optional.empty(), List.of("bøb@contoso.com"), Optional.empty(), Optional.empty())))
                .isInstanceOf(AdminException.BadRequest.class).hasMessageContaining("not a plain email address");
        assertThat(service.admin.exportCalendar(ServiceHarness.TENANT, organizer).meetings()).isEqualTo(before);
    }

    @Test
    void a_bad_directory_document_lists_every_problem_with_where_it_is() {
        String bad = """
                {"users": [{"upn": "not-an-address", "hosting": "moon"},
                           {"upn": "bob@contoso.com", "audioConferencing": {"conferenceId": "12ab"}}], "colour": 1}""";

        assertThatThrownBy(() -> service.admin.importDirectory(ServiceHarness.TENANT, bad))
                .isInstanceOf(AdminException.BadRequest.class)
                .hasMessageContaining("users[0].upn").hasMessageContaining("users[0].hosting")
                .hasMessageContaining("users[1].audioConferencing.conferenceId").hasMessageContaining("colour");
    }

    @Test
    void a_users_calendar_url_is_imported_replaced_and_cleared_with_the_user() {
        SampleOrganization.Organizer someone = org.organizers().get(1);
        var id = service.directory.findUser(ServiceHarness.TENANT, someone.upn()).orElseThrow().value().id();
        String withUrl = """
                {"users": [{"upn": "%s", "calendarUrl": "https://dav.contoso.com/cal/%s/"}]}""";

        Views.ImportResult first = service.admin.importDirectory(ServiceHarness.TENANT, withUrl.formatted(someone.upn(), "a"));
        Views.ImportResult again = service.admin.importDirectory(ServiceHarness.TENANT, withUrl.formatted(someone.upn(), "a"));
        assertThat(service.directory.calendarUrl(ServiceHarness.TENANT, id)).contains(java.net.URI.create("https://dav.contoso.com/cal/a/"));

        service.admin.importDirectory(ServiceHarness.TENANT, withUrl.formatted(someone.upn(), "b"));
        assertThat(service.directory.calendarUrl(ServiceHarness.TENANT, id)).contains(java.net.URI.create("https://dav.contoso.com/cal/b/"));

        service.admin.importDirectory(ServiceHarness.TENANT, withUrl.formatted(someone.upn(), "b").replaceFirst(", \"calendarUrl\": \"[^\"]+\"", ""));
        assertThat(service.directory.calendarUrl(ServiceHarness.TENANT, id)).isEmpty();
        assertThat(first.Updated()).isPositive();
        assertThat(again.Updated()).isZero();
        assertThatThrownBy(() -> service.admin.importDirectory(ServiceHarness.TENANT, withUrl.formatted(someone.upn(), "x").replace("https", "ftp")))
                .isInstanceOf(AdminException.BadRequest.class).hasMessageContaining("users[0].calendarUrl");
    }
}
