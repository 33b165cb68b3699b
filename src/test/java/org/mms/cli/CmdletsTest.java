package org.mms.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mms.testing.RunningApi.CONTOSO;
import static org.mms.testing.RunningApi.CONTOSO_TOKEN;
import static org.mms.testing.RunningApi.FABRIKAM;
import static org.mms.testing.RunningApi.FABRIKAM_TOKEN;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mms.admin.Requests;
import org.mms.api.ApiServer;
import org.mms.directory.TeamsUpgradeMode;
import org.mms.migration.MigrationType.SourceMeetingType;
import org.mms.migration.MigrationType.TargetMeetingType;
import org.mms.testing.RunningApi;
import org.mms.testing.StubAdmin;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The cmdlets as an admin types them, against the real API server: PowerShell-style parsing, lists and tables, errors and exit codes. */
class CmdletsTest {

    private static RunningApi api;

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void start() {
        api = new RunningApi();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @BeforeEach
    void reset() {
        api.reset();
        env.put("MMS_URL", api.baseUrl());
        env.put("MMS_TOKEN", CONTOSO_TOKEN);
    }

    private int mms(String... args) {
        return MmsCommand.run(args, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8), env);
    }

    private String out() {
        return out.toString(UTF_8);
    }

    private String err() {
        return err.toString(UTF_8);
    }

    private StubAdmin.Call onlyCall(String operation) {
        StubAdmin.Call call = api.admin.onlyCall();
        assertThat(call.operation()).isEqualTo(operation);
        assertThat(call.tenant()).isEqualTo(CONTOSO);
        return call;
    }

    @Test
    void summary_only_prints_the_state_and_user_count_table_as_powershell_does_then_the_updates_waiting() {
        int code = mms("Get-CsMeetingMigrationStatus", "-SummaryOnly");

        assertThat(code).as(err()).isZero();
        assertThat(out()).isEqualTo("""
                State      UserCount
                -----      ---------
                Pending           21
                InProgress         6
                Failed             2
                Succeeded        131

                UpdatesWaiting   : 40
                UpdatesWaitUntil : 2026-11-24T05:30:00Z
                """);
        assertThat(api.admin.calls()).extracting(StubAdmin.Call::operation).containsExactly("migrationSummary", "updatesWaiting");
        assertThat(api.admin.calls().getFirst().argument(0)).isEqualTo(Requests.StatusQuery.all());
    }

    @Test
    void status_prints_one_aligned_list_per_migration() {
        int code = mms("Get-CsMeetingMigrationStatus");

        assertThat(code).as(err()).isZero();
        String[] blocks = out().split("\n\n");
        assertThat(blocks).hasSize(2);
        assertThat(blocks[1].lines().toList()).containsExactly(
                "UserId            : " + StubAdmin.user(CONTOSO).UserId(),
                "UserPrincipalName : alice@contoso.example",
                "CorrelationId     : 5d4c3b2a-1908-4f7e-8d6c-5b4a39281706",
                "MigrationType     : SfbToTeams",
                "State             : Failed",
                "TotalMeeting      : 3",
                "SucceededMeeting  : 1",
                "FailedMeeting     : 2",
                "InvitesUpdate     : 1",
                "RetryCount        : 9",
                "LastMessage       : the calendar store refused the update (503)",
                "CreateDate        : 2026-10-01T08:00:00.144268800Z",
                "ModifiedDate      : 2026-10-01T08:12:30Z",
                "UpdatesWaiting    : 0",
                "UpdatesWaitUntil  :");
        assertThat(blocks[0]).contains("State             : Succeeded\n").contains("LastMessage       :\n");
    }

    @Test
    void command_and_parameter_names_are_case_insensitive() {
        int code = mms("get-csmeetingmigrationstatus", "-IDENTITY", "alice@contoso.example", "-state", "Failed");

        assertThat(code).as(err()).isZero();
        assertThat(onlyCall("migrationStatus").argument(0)).isEqualTo(
                new Requests.StatusQuery(Optional.of("alice@contoso.example"), Optional.of("Failed"), Optional.empty(), Optional.empty()));
        assertThat(out()).contains("State             : Failed").doesNotContain(": Succeeded");
    }

    @Test
    void parameters_take_a_colon_and_booleans_take_dollar_true_and_false() {
        int code = mms("Set-CsTenantMigrationConfiguration", "-MeetingMigrationEnabled:$false", "-SettleWindowSeconds:5",
                "-MigrateOnSipAddressChange", "$True", "-RequireAddInProperties:$true");

        assertThat(code).as(err()).isZero();
        assertThat(onlyCall("setMigrationConfiguration").argument(0)).isEqualTo(new Requests.MigrationConfigurationChange(
                Optional.of(false), Optional.of(5L), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(true), Optional.empty(), Optional.of(true), Optional.empty(), Optional.empty()));
        assertThat(out()).contains("MeetingMigrationEnabled      : False\n").contains("SettleWindowSeconds          : 5\n");
    }

    @Test
    void a_switch_can_be_turned_off_with_colon_false() {
        int code = mms("Get-CsMeetingMigrationStatus", "-SummaryOnly:$false");

        assertThat(code).as(err()).isZero();
        onlyCall("migrationStatus");
        assertThat(out()).contains("UserPrincipalName : ");
    }

    @Test
    void identity_may_come_first_without_its_name() {
        int code = mms("Start-CsExMeetingMigration", "alice@contoso.example", "-SourceMeetingType", "SfB", "-TargetMeetingType", "Teams");

        assertThat(code).as(err()).isZero();
        StubAdmin.Call call = onlyCall("startMigration");
        assertThat(call.argument(0)).isEqualTo("alice@contoso.example");
        assertThat(call.argument(1)).isEqualTo(new Requests.StartMigration(SourceMeetingType.SFB, TargetMeetingType.TEAMS));
    }

    @Test
    void a_manual_start_defaults_to_all_meetings_keeping_their_type() {
        mms("Start-CsExMeetingMigration", "-Identity", "alice@contoso.example");

        assertThat(onlyCall("startMigration").argument(1)).isEqualTo(new Requests.StartMigration(SourceMeetingType.ALL, TargetMeetingType.CURRENT));
    }

    @Test
    void dates_are_read_as_the_documentation_writes_them_or_as_iso_8601() {
        int code = mms("Get-CsMeetingMigrationStatus", "-StartTime", "10/1/2026", "-EndTime", "10/8/2026 14:30");
        mms("Get-CsMeetingMigrationTriggerDecision", "-StartTime", "2026-10-01T06:00:00+02:00");

        assertThat(code).as(err()).isZero();
        ZoneId here = ZoneId.systemDefault();
        assertThat(api.admin.calls().get(0).argument(0)).isEqualTo(new Requests.StatusQuery(Optional.empty(), Optional.empty(),
                Optional.of(LocalDateTime.parse("2026-10-01T00:00").atZone(here).toInstant()),
                Optional.of(LocalDateTime.parse("2026-10-08T14:30").atZone(here).toInstant())));
        assertThat(api.admin.calls().get(1).arguments()).containsExactly(Optional.empty(), Optional.of(Instant.parse("2026-10-01T04:00:00Z")));
    }

    @Test
    void json_prints_the_servers_answer() {
        int code = mms("Get-CsMeetingMigrationStatus", "-SummaryOnly", "--json");

        assertThat(code).as(err()).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(out());
        assertThat(json.get("States").size()).isEqualTo(4);
        assertThat(json.get("States").get(3).get("State").asString()).isEqualTo("Succeeded");
        assertThat(json.get("States").get(3).get("UserCount").asLong()).isEqualTo(131);
        assertThat(json.get("Updates").get("UpdatesWaiting").asLong()).isEqualTo(40);
    }

    @Test
    void a_single_object_prints_as_a_list_with_powershell_booleans() {
        int code = mms("Get-CsTenantMigrationConfiguration");

        assertThat(code).as(err()).isZero();
        assertThat(out()).isEqualTo("""
                MeetingMigrationEnabled      : True
                SettleWindowSeconds          : 600
                AttendeeLimit                : 250
                RetryAttempts                : 9
                RetryWindowSeconds           : 86400
                RetentionDays                : 150
                MigrateOnSipAddressChange    : False
                MigrateOnMeetingUrlChange    : False
                RequireAddInProperties       : False
                CustomFooterText             :
                CustomFooterHtml             :
                RequireApproval              : False
                ApprovalThresholdMeetings    :
                MaxUpdatesPerHour            : 0
                QuietHoursStart              :
                QuietHoursEnd                :
                QuietHoursTimeZone           :
                NotifyOrganizerBeforeMinutes : 0
                """);
    }

    @Test
    void the_pacing_parameters_reach_the_server_as_given() {
        int code = mms("Set-CsTenantMigrationConfiguration", "-MaxUpdatesPerHour", "500", "-QuietHoursStart", "22:00",
                "-QuietHoursEnd", "06:30", "-QuietHoursTimeZone", "Europe/Berlin");

        assertThat(code).as(err()).isZero();
        assertThat(onlyCall("setMigrationConfiguration").argument(0)).isEqualTo(new Requests.MigrationConfigurationChange(
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                new Requests.PacingChange(Optional.of(500), Optional.of("22:00"), Optional.of("06:30"), Optional.of("Europe/Berlin"))));
    }

    @Test
    void the_organizer_notice_reaches_the_server_as_given_and_a_word_is_refused_before_it() {
        int code = mms("Set-CsTenantMigrationConfiguration", "-NotifyOrganizerBeforeMinutes", "60");

        assertThat(code).as(err()).isZero();
        assertThat(onlyCall("setMigrationConfiguration").argument(0)).isEqualTo(new Requests.MigrationConfigurationChange(
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                new Requests.PacingChange(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(60))));
        assertThat(out()).contains("NotifyOrganizerBeforeMinutes : 60");

        api.admin.reset();
        assertThat(mms("Set-CsTenantMigrationConfiguration", "-NotifyOrganizerBeforeMinutes", "an hour")).isEqualTo(ExitCodes.USAGE);
        assertThat(api.admin.calls()).as("refused before the server").isEmpty();
        assertThat(err().lines().filter(l -> l.contains("NotifyOrganizerBeforeMinutes")).findFirst()).hasValueSatisfying(line ->
                assertThat(line).contains("an hour"));
    }

    @Test
    void the_custom_footer_comes_inline_or_from_a_file_and_prints_line_under_line() throws IOException {
        Path html = dir.resolve("footer.html");
        Files.writeString(html, "<p>Help desk: <a href=\"tel:+14255554357\">4357</a></p>\n", UTF_8);

        int code = mms("Set-CsTenantMigrationConfiguration", "-CustomFooterText", "Help desk: 4357\nVideo: alice@video.contoso.com",
                "-CustomFooterHtmlFile", html.toString());

        assertThat(code).as(err()).isZero();
        assertThat(onlyCall("setMigrationConfiguration").argument(0)).isEqualTo(new Requests.MigrationConfigurationChange(
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("Help desk: 4357\nVideo: alice@video.contoso.com"),
                Optional.of("<p>Help desk: <a href=\"tel:+14255554357\">4357</a></p>\n")));
        assertThat(out()).contains("CustomFooterText             : Help desk: 4357\n                               Video: alice@video.contoso.com\n");
        assertThat(mms("Set-CsTenantMigrationConfiguration", "-CustomFooterHtml", "<p>x</p>", "-CustomFooterHtmlFile", html.toString()))
                .isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void bridges_print_as_a_table_with_their_numbers_in_braces() {
        int code = mms("Get-CsOnlineDialInConferencingBridge");

        assertThat(code).as(err()).isZero();
        assertThat(out()).isEqualTo("""
                Name              Identity                             DefaultServiceNumber ServiceNumbers
                ----              --------                             -------------------- --------------
                Conference Bridge 9a0e7c55-2d64-4b1e-8f3a-5c6d7e8f9a0b +14255550100         {+14255550100, +18005550100}
                """);
    }

    @Test
    void a_directory_change_prints_the_trigger_decisions_it_led_to() {
        int code = mms("Move-CsUser", "-Identity", "alice@contoso.example", "-Target", "sipfed.online.lync.com");

        assertThat(code).as(err()).isZero();
        assertThat(onlyCall("moveUser").argument(1)).isEqualTo(Requests.MoveTarget.toOnline());
        assertThat(out()).contains("Decision          : Migrate\n").contains("Reason            : moved to the online service\n");
    }

    @Test
    void move_targets_online_by_the_word_and_a_pool_by_its_fqdn() {
        mms("Move-CsUser", "alice@contoso.example", "-Target", "online");
        mms("Move-CsUser", "alice@contoso.example", "-Target:pool01.contoso.com");

        assertThat(api.admin.calls()).extracting(c -> c.argument(1))
                .containsExactly(Requests.MoveTarget.toOnline(), Requests.MoveTarget.toPool("pool01.contoso.com"));
    }

    @Test
    void a_service_number_is_unregistered_by_number_and_bridge_name() {
        int code = mms("Unregister-CsOnlineDialInConferencingServiceNumber", "+14255550100", "-BridgeName", "Conference Bridge",
                "-RemoveDefaultServiceNumber");

        assertThat(code).as(err()).isZero();
        assertThat(onlyCall("unregisterServiceNumber").arguments()).containsExactly("+14255550100", "Conference Bridge", true);
    }

    @Test
    void the_dial_in_user_cmdlet_sends_only_what_was_given() {
        mms("Set-CsOnlineDialInConferencingUser", "alice@contoso.example", "-ServiceNumber", "+14255550199", "-ResetConferenceId");

        assertThat(onlyCall("setDialInConferencingUser").argument(1)).isEqualTo(new Requests.DialInUserChange(
                Optional.empty(), Optional.of("+14255550199"), Optional.empty(), Optional.empty(), true));
    }

    @Test
    void a_policy_name_is_checked_before_anything_is_sent() {
        int code = mms("Grant-CsTeamsUpgradePolicy", "alice@contoso.example", "-PolicyName", "TeamsOnly");

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).startsWith("mms: Grant-CsTeamsUpgradePolicy: PolicyName must be one of UpgradeToTeams, ");
        assertThat(api.admin.calls()).isEmpty();
    }

    @Test
    void a_policy_is_granted_by_its_name() {
        mms("grant-csteamsupgradepolicy", "-identity", "alice@contoso.example", "-policyname", "upgradetoteams");

        assertThat(((Requests.TeamsUpgrade) onlyCall("grantTeamsUpgradePolicy").argument(1)).mode()).isEqualTo(TeamsUpgradeMode.TEAMS_ONLY);
    }

    @Test
    void a_calendar_file_is_sent_byte_for_byte() throws IOException {
        byte[] ics = "BEGIN:VCALENDAR\r\nX-WR-CALNAME:Caf\u00e9\r\nEND:VCALENDAR\r\n".getBytes(UTF_8);
        Path file = Files.write(dir.resolve("alice.ics"), ics);

        int code = mms("Import-CsCalendar", "-Identity", "alice@contoso.example", "-Path", file.toString());

        assertThat(code).as(err()).isZero();
        assertThat((byte[]) onlyCall("importCalendar").argument(1)).isEqualTo(ics);
        assertThat(out()).contains("What      : calendar\n").contains("Created   : 25\n");
    }

    @Test
    void a_directory_document_is_sent_as_it_is() throws IOException {
        String document = "{ \"users\": [] }\n";
        Path file = Files.writeString(dir.resolve("directory.json"), document);

        int code = mms("Import-CsDirectory", "-Path", file.toString());

        assertThat(code).as(err()).isZero();
        assertThat(onlyCall("importDirectory").argument(0)).isEqualTo(document);
        assertThat(out()).contains("Notes     : {bridge 'Conference Bridge' created}\n");
    }

    @Test
    void a_file_that_is_not_there_is_exit_code_1_naming_it() {
        Path missing = dir.resolve("directory.json");

        int code = mms("Import-CsDirectory", "-Path", missing.toString());

        assertThat(code).isEqualTo(ExitCodes.ERROR);
        assertThat(err()).isEqualTo("mms: no such file: " + missing + System.lineSeparator());
        assertThat(api.admin.calls()).isEmpty();
    }

    @Test
    void an_online_meeting_takes_attendees_separated_by_commas() {
        int code = mms("New-CsOnlineMeeting", "-Identity", "alice@contoso.example", "-Subject", "Weekly sync", "-Start", "12/1/2026 9:00",
                "-End", "12/1/2026 9:30", "-Attendees", "bob@contoso.example,carol@contoso.example", "-RecurrenceRule", "FREQ=WEEKLY;COUNT=10");

        assertThat(code).as(err()).isZero();
        ZoneId here = ZoneId.systemDefault();
        assertThat(onlyCall("addOnlineMeeting").argument(1)).isEqualTo(new Requests.NewOnlineMeeting("Weekly sync",
                LocalDateTime.parse("2026-12-01T09:00").atZone(here).toInstant(), LocalDateTime.parse("2026-12-01T09:30").atZone(here).toInstant(),
                Optional.of("FREQ=WEEKLY;COUNT=10"), List.of("bob@contoso.example", "carol@contoso.example"), Optional.empty(), Optional.empty()));
        assertThat(out()).contains("Attendees    : 2\n");
    }

    @Test
    void every_cmdlet_reaches_its_operation() {
        List<List<String>> cases = List.of(
                List.of("dialInTenantSettings", "Get-CsOnlineDialInConferencingTenantSettings"),
                List.of("setDialInTenantSettings", "Set-CsOnlineDialInConferencingTenantSettings", "-AutomaticallyReplaceAcpProvider", "true"),
                List.of("updateTenantMeetingUrl", "Update-CsTenantMeetingUrl"),
                List.of("users", "Get-CsOnlineUser"),
                List.of("enableDialInConferencing", "Enable-CsOnlineDialInConferencingUser", "alice@contoso.example", "-ReplaceProvider"),
                List.of("disableDialInConferencing", "Disable-CsOnlineDialInConferencingUser", "alice@contoso.example"),
                List.of("setAudioConferencingLicence", "Set-CsAudioConferencingLicense", "alice@contoso.example", "-Assigned", "$false"),
                List.of("setSipAddress", "Set-CsUser", "alice@contoso.example", "-SipAddress", "sip:alice.smith@contoso.example"),
                List.of("migrationMeetings", "Get-CsMeetingMigrationDetail", "-CorrelationId", "0b8f3c2e-1d2a-4c5b-9e6f-7a8b9c0d1e2f"),
                List.of("triggerDecisions", "Get-CsMeetingMigrationTriggerDecision", "alice@contoso.example"));
        for (List<String> c : cases) {
            api.reset();
            int code = mms(c.subList(1, c.size()).toArray(String[]::new));
            assertThat(code).as(c + ": " + err()).isZero();
            assertThat(api.admin.onlyCall().operation()).as(c.toString()).isEqualTo(c.getFirst());
        }
    }

    @Test
    void the_cmdlets_are_the_original_services_and_every_api_operation_has_one() throws IOException {
        Set<String> cmdlets = MmsCommand.COMMANDS.stream().map(c -> c.getAnnotation(CommandLine.Command.class).name())
                .filter(name -> name.contains("-Cs")).collect(Collectors.toSet());
        JsonNode openApi;
        try (InputStream in = ApiServer.class.getResourceAsStream("openapi.json")) {
            openApi = JsonMapper.builder().build().readTree(in);
        }
        Set<String> documented = new TreeSet<>();
        openApi.get("paths").forEach(path -> path.forEach(operation -> {
            if (operation.has("x-mms-cmdlet")) {
                documented.add(operation.get("x-mms-cmdlet").asString().split(" ")[0]);
            }
        }));

        assertThat(cmdlets).containsExactlyInAnyOrder("Get-CsTenantMigrationConfiguration", "Set-CsTenantMigrationConfiguration",
                "Get-CsOnlineDialInConferencingTenantSettings", "Set-CsOnlineDialInConferencingTenantSettings", "Get-CsOnlineUser",
                "Get-CsOnlineDialInConferencingBridge", "Move-CsUser", "Set-CsOnlineDialInConferencingUser",
                "Enable-CsOnlineDialInConferencingUser", "Disable-CsOnlineDialInConferencingUser", "Set-CsAudioConferencingLicense",
                "Unregister-CsOnlineDialInConferencingServiceNumber", "Set-CsUser", "Update-CsTenantMeetingUrl", "Grant-CsTeamsUpgradePolicy",
                "Get-CsCalendarStore", "Set-CsCalendarStore",
                "Start-CsExMeetingMigration", "Get-CsMeetingMigrationStatus", "Get-CsMeetingMigrationDetail",
                "Get-CsMeetingMigrationTriggerDecision", "Import-CsDirectory", "Import-CsCalendar", "Export-CsCalendar",
                "New-CsOnlineMeeting", "New-CsTenant", "Get-CsTenant", "Remove-CsTenant", "New-CsAdminToken", "Get-CsAdminToken",
                "Revoke-CsAdminToken", "Get-CsAuditLog", "Get-CsMeetingMigrationTransactionHistory", "Export-CsMeetingMigrationReport",
                "Undo-CsMeetingMigration", "Approve-CsMeetingMigration", "Deny-CsMeetingMigration");
        assertThat(documented).isEqualTo(new TreeSet<>(cmdlets));
    }

    @Test
    void lists_of_rows_print_as_tables() {
        int code = mms("Get-CsMeetingMigrationDetail", "0b8f3c2e-1d2a-4c5b-9e6f-7a8b9c0d1e2f");

        assertThat(code).as(err()).isZero();
        assertThat(out()).isEqualTo("""
                Start                Subject     Outcome  Reason             Detail
                -----                -------     -------  ------             ------
                2026-12-01T09:00:00Z Weekly sync Migrated
                2026-12-02T16:00:00Z All hands   Skipped  TOO_MANY_ATTENDEES 312 attendees; the limit is 250
                """);
    }

    @Test
    void an_unknown_parameter_is_one_line_and_exit_code_2() {
        int code = mms("Get-CsMeetingMigrationStatus", "-Identty", "alice@contoso.example");

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).isEqualTo("mms: Get-CsMeetingMigrationStatus: a parameter cannot be found that matches parameter name 'Identty'"
                + " (see mms Get-CsMeetingMigrationStatus --help)" + System.lineSeparator());
        assertThat(out()).isEmpty();
        assertThat(api.admin.calls()).isEmpty();
    }

    @Test
    void an_unknown_command_is_one_line_and_exit_code_2() {
        int code = mms("Get-CsMeetingMigrationStatuses");

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err().lines().toList()).containsExactly(
                "mms: the term 'Get-CsMeetingMigrationStatuses' is not recognized as the name of a command (see mms --help)");
    }

    @Test
    void a_value_that_is_not_a_boolean_or_a_date_is_a_usage_error() {
        int notBoolean = mms("Set-CsTenantMigrationConfiguration", "-MeetingMigrationEnabled", "maybe");
        int notDate = mms("Get-CsMeetingMigrationStatus", "-StartTime", "13/45/2026");

        assertThat(notBoolean).isEqualTo(ExitCodes.USAGE);
        assertThat(notDate).isEqualTo(ExitCodes.USAGE);
        assertThat(err().lines().toList()).hasSize(2);
        assertThat(err()).contains("expected $true or $false, not 'maybe'").contains("expected a date such as 10/1/2026");
        assertThat(api.admin.calls()).isEmpty();
    }

    @Test
    void a_missing_identity_is_a_usage_error() {
        int code = mms("Start-CsExMeetingMigration", "-SourceMeetingType", "Teams");

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).startsWith("mms: Start-CsExMeetingMigration: -Identity is required");
        assertThat(api.admin.calls()).isEmpty();
    }

    @Test
    void a_refusal_of_the_server_is_its_message_on_one_line_and_exit_code_1() {
        int code = mms("Get-CsOnlineUser", "bob@contoso.example");

        assertThat(code).isEqualTo(ExitCodes.ERROR);
        assertThat(err()).isEqualTo("mms: no user 'bob@contoso.example' in this tenant" + System.lineSeparator());
        assertThat(out()).isEmpty();
    }

    @Test
    void an_unreachable_server_is_exit_code_1_saying_where_it_tried() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        env.put("MMS_URL", "http://127.0.0.1:" + closedPort + "/");

        int code = mms("Get-CsMeetingMigrationStatus", "-SummaryOnly");

        assertThat(code).isEqualTo(ExitCodes.ERROR);
        assertThat(err().lines().toList()).containsExactly("mms: cannot reach the MMS server at http://127.0.0.1:" + closedPort
                + " (connection refused); is it running? MMS_URL sets where to look");
    }

    @Test
    void without_mms_token_the_token_comes_from_the_data_directory() throws IOException {
        env.remove("MMS_TOKEN");
        env.put("MMS_DATA", dir.toString());
        Files.writeString(dir.resolve("admin-token"), FABRIKAM_TOKEN + "\n");

        int code = mms("Get-CsOnlineUser");

        assertThat(code).as(err()).isZero();
        assertThat(api.admin.onlyCall().tenant()).isEqualTo(FABRIKAM);
        assertThat(out()).contains("UserPrincipalName         : alice@fabrikam.example");
    }

    @Test
    void without_a_token_anywhere_the_message_says_where_it_looked() {
        env.remove("MMS_TOKEN");
        env.put("MMS_DATA", dir.resolve("nowhere").toString());

        int code = mms("Get-CsOnlineUser");

        assertThat(code).isEqualTo(ExitCodes.ERROR);
        assertThat(err()).startsWith("mms: no admin token: set MMS_TOKEN, or MMS_DATA to the server's data directory (")
                .contains(dir.resolve("nowhere").resolve("admin-token").toString());
        assertThat(api.admin.calls()).isEmpty();
    }

    @Test
    void the_data_directory_defaults_to_data_beside_the_admin() {
        assertThat(ServerSettings.from(Map.of()).tokenFile()).isEqualTo(Path.of("data", "admin-token"));
        assertThat(ServerSettings.from(Map.of()).url().toString()).isEqualTo("http://127.0.0.1:8470");
    }

    @Test
    void a_token_the_server_refuses_is_exit_code_1_naming_where_it_came_from() {
        env.put("MMS_TOKEN", "stale-token");

        int code = mms("Get-CsOnlineUser");

        assertThat(code).isEqualTo(ExitCodes.ERROR);
        assertThat(err()).startsWith("mms: the MMS server at " + api.baseUrl() + " refused the admin token from MMS_TOKEN: ");
    }

    @Test
    void a_malformed_server_url_is_exit_code_1() {
        env.put("MMS_URL", "localhost:8470");

        int code = mms("Get-CsOnlineUser");

        assertThat(code).isEqualTo(ExitCodes.ERROR);
        assertThat(err()).startsWith("mms: MMS_URL must be the server's URL, such as http://127.0.0.1:8470, not 'localhost:8470'");
    }

    @Test
    void every_cmdlets_help_documents_the_server_and_token_settings() {
        int code = mms("Get-CsMeetingMigrationStatus", "--help");

        assertThat(code).isZero();
        assertThat(out()).contains("MMS_URL", "http://127.0.0.1:8470", "MMS_TOKEN", "$MMS_DATA/admin-token", "-SummaryOnly", "-Identity");
        assertThat(api.admin.calls()).isEmpty();
    }

    @Test
    void what_if_prints_powershell_what_if_lines_then_the_decisions_and_each_meeting_with_its_block_diff() {
        int code = mms("Move-CsUser", "-Identity", "alice@contoso.example", "-Target", "sipfed.online.lync.com", "-WhatIf");

        assertThat(code).as(err()).isZero();
        assertThat(api.admin.calls()).extracting(StubAdmin.Call::operation).containsExactly("whatIf:moveUser");
        assertThat(out()).isEqualTo("""
                What if: Performing the operation "moveUser" on target "alice@contoso.example".

                UserPrincipalName     Change      Decision MigrationType Reason
                -----------------     ------      -------- ------------- ------
                alice@contoso.example MovedOnline Migrate  AllToTeams    moved to the online service

                UserPrincipalName     MigrationType AwaitsApproval TotalMeeting UpdateMeeting FailedMeeting InvitesUpdate Attendees
                -----------------     ------------- -------------- ------------ ------------- ------------- ------------- ---------
                alice@contoso.example AllToTeams    False                     3             1             1             1         4

                Meetings of alice@contoso.example:

                Outcome  Reason             Subject            Start                RecurrenceId Attendees
                -------  ------             -------            -----                ------------ ---------
                MIGRATED                    Weekly sync\\x1B[2J 2026-11-02T09:00:00Z                      4
                      ....
                    - https://meet.lync.com/contoso/alice/OLD
                    + https://teams.microsoft.com/l/meetup-join/NEW
                SKIPPED  TOO_MANY_ATTENDEES Board meeting      2026-11-02T09:00:00Z                      0
                FAILED   END_FENCE_MISSING  Broken             2026-11-02T09:00:00Z                      0
                """);
    }

    @Test
    void every_cmdlet_that_can_queue_a_migration_takes_what_if_and_asks_the_server_for_a_preview() {
        List<String[]> changes = List.of(
                new String[] {"Set-CsOnlineDialInConferencingUser", "alice@contoso.example", "-ResetConferenceId"},
                new String[] {"Enable-CsOnlineDialInConferencingUser", "alice@contoso.example"},
                new String[] {"Disable-CsOnlineDialInConferencingUser", "alice@contoso.example"},
                new String[] {"Set-CsAudioConferencingLicense", "alice@contoso.example", "-Assigned", "$true"},
                new String[] {"Set-CsUser", "alice@contoso.example", "-SipAddress", "sip:alice2@contoso.example"},
                new String[] {"Grant-CsTeamsUpgradePolicy", "alice@contoso.example", "-PolicyName", "UpgradeToTeams"},
                new String[] {"Unregister-CsOnlineDialInConferencingServiceNumber", "+18005550100", "-BridgeName", "Conference Bridge"},
                new String[] {"Update-CsTenantMeetingUrl"},
                new String[] {"Start-CsExMeetingMigration", "alice@contoso.example"});
        for (String[] change : changes) {
            String[] args = java.util.Arrays.copyOf(change, change.length + 1);
            args[change.length] = "-WhatIf";
            out.reset();
            assertThat(mms(args)).as(String.join(" ", args) + err()).isZero();
            assertThat(out()).as(change[0]).startsWith("What if: Performing the operation ");
        }
        assertThat(api.admin.calls()).extracting(StubAdmin.Call::operation).allMatch(o -> o.startsWith("whatIf:")).hasSize(changes.size());
    }

    @Test
    void approve_and_deny_take_identity_correlation_id_or_all_and_exactly_one() {
        assertThat(mms("Approve-CsMeetingMigration", "-CorrelationId", "0b8f3c2e-1d2a-4c5b-9e6f-7a8b9c0d1e2f")).as(err()).isZero();
        assertThat(out()).contains("State             : Pending");
        assertThat(mms("Deny-CsMeetingMigration", "alice@contoso.example")).as(err()).isZero();
        assertThat(mms("Deny-CsMeetingMigration", "-All")).as(err()).isZero();
        assertThat(out()).contains("State             : Denied");
        assertThat(api.admin.calls()).extracting(c -> c.operation() + " " + c.argument(0)).containsExactly(
                "approveMigrations " + new Requests.AwaitingMigrations(Optional.empty(), Optional.of("0b8f3c2e-1d2a-4c5b-9e6f-7a8b9c0d1e2f"), false),
                "denyMigrations " + new Requests.AwaitingMigrations(Optional.of("alice@contoso.example"), Optional.empty(), false),
                "denyMigrations " + new Requests.AwaitingMigrations(Optional.empty(), Optional.empty(), true));

        api.reset();
        assertThat(mms("Approve-CsMeetingMigration")).isEqualTo(2);
        assertThat(mms("Approve-CsMeetingMigration", "-All", "-Identity", "alice@contoso.example")).isEqualTo(2);
        assertThat(err()).contains("exactly one of -Identity, -CorrelationId or -All");
        assertThat(api.admin.calls()).isEmpty();
    }

    @Test
    void the_approval_settings_reach_the_server_as_typed() {
        assertThat(mms("Set-CsTenantMigrationConfiguration", "-RequireApproval", "$true", "-ApprovalThresholdMeetings", "50")).as(err()).isZero();
        assertThat(out()).contains("RequireApproval              : True").contains("ApprovalThresholdMeetings    : 50");
        assertThat(mms("Set-CsTenantMigrationConfiguration", "-ApprovalThresholdMeetings", "None")).as(err()).isZero();

        assertThat(api.admin.calls()).extracting(c -> {
            Requests.MigrationConfigurationChange change = (Requests.MigrationConfigurationChange) c.argument(0);
            return change.requireApproval() + " " + change.approvalThresholdMeetings();
        }).containsExactly("Optional[true] Optional[50]", "Optional.empty Optional[None]");
    }
}
