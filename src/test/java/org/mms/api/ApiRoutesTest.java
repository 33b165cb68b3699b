package org.mms.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mms.testing.RunningApi.CONTOSO;
import static org.mms.testing.RunningApi.CONTOSO_TOKEN;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mms.admin.Requests;
import org.mms.directory.TeamsUpgradeMode;
import org.mms.migration.MigrationType.SourceMeetingType;
import org.mms.migration.MigrationType.TargetMeetingType;
import org.mms.testing.RunningApi;
import org.mms.testing.StubAdmin;
import tools.jackson.databind.JsonNode;

/** Each route reaches its facade operation with the caller's tenant and the request's values, and answers with the view. */
class ApiRoutesTest {

    private static RunningApi api;
    private Http http;

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
        http = new Http(api.baseUrl(), CONTOSO_TOKEN);
    }

    private StubAdmin.Call onlyCall(String operation) {
        StubAdmin.Call call = api.admin.onlyCall();
        assertThat(call.operation()).isEqualTo(operation);
        assertThat(call.tenant()).isEqualTo(CONTOSO);
        return call;
    }

    @Test
    void migration_status_passes_every_filter_and_answers_with_the_cmdlets_field_names() {
        Http.Response r = http.get("/api/v1/migrations?identity=alice%40contoso.example&state=Failed"
                + "&startTime=2026-10-01T00:00:00Z&endTime=2026-10-08T00:00:00%2B02:00");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(onlyCall("migrationStatus").argument(0)).isEqualTo(new Requests.StatusQuery(Optional.of("alice@contoso.example"),
                Optional.of("Failed"), Optional.of(Instant.parse("2026-10-01T00:00:00Z")), Optional.of(Instant.parse("2026-10-07T22:00:00Z"))));
        JsonNode row = r.json().get(0);
        assertThat(row.propertyNames()).containsExactly("UserId", "UserPrincipalName", "CorrelationId", "MigrationType", "State",
                "TotalMeeting", "SucceededMeeting", "FailedMeeting", "InvitesUpdate", "RetryCount", "LastMessage", "CreateDate", "ModifiedDate",
                "UpdatesWaiting", "UpdatesWaitUntil");
        assertThat(row.get("State").asString()).isEqualTo("Failed");
        assertThat(Instant.parse(row.get("CreateDate").asString())).isEqualTo(StubAdmin.CREATED);
    }

    @Test
    void migration_status_without_filters_asks_for_everything() {
        http.get("/api/v1/migrations");

        assertThat(onlyCall("migrationStatus").argument(0)).isEqualTo(Requests.StatusQuery.all());
    }

    @Test
    void the_summary_is_one_row_per_state_with_its_user_count() {
        Http.Response r = http.get("/api/v1/migrations/summary?state=Pending");

        assertThat(onlyCall("migrationSummary").argument(0)).isEqualTo(
                new Requests.StatusQuery(Optional.empty(), Optional.of("Pending"), Optional.empty(), Optional.empty()));
        assertThat(r.json().get(0).get("State").asString()).isEqualTo("Pending");
        assertThat(r.json().get(0).get("UserCount").asLong()).isEqualTo(21);
    }

    @Test
    void the_updates_waiting_say_how_many_and_until_when() {
        Http.Response r = http.get("/api/v1/migrations/updates-waiting");

        assertThat(onlyCall("updatesWaiting").arguments()).isEmpty();
        assertThat(r.json().get("UpdatesWaiting").asLong()).isEqualTo(40);
        assertThat(r.json().get("UpdatesWaitUntil").asString()).isEqualTo("2026-11-24T05:30:00Z");
    }

    @Test
    void a_migrations_meetings_are_found_by_its_correlation_id() {
        Http.Response r = http.get("/api/v1/migrations/0b8f3c2e-1d2a-4c5b-9e6f-7a8b9c0d1e2f/meetings");

        assertThat(r.status()).isEqualTo(200);
        assertThat(onlyCall("migrationMeetings").argument(0)).isEqualTo("0b8f3c2e-1d2a-4c5b-9e6f-7a8b9c0d1e2f");
        assertThat(r.json().get(1).get("Reason").asString()).isEqualTo("TOO_MANY_ATTENDEES");
    }

    @Test
    void starting_a_migration_is_accepted_with_the_meeting_types_in_any_case() {
        Http.Response r = http.send("POST", "/api/v1/migrations",
                "{\"Identity\":\"alice@contoso.example\",\"SourceMeetingType\":\"sfb\",\"TargetMeetingType\":\"TEAMS\"}");

        assertThat(r.status()).isEqualTo(202);
        StubAdmin.Call call = onlyCall("startMigration");
        assertThat(call.argument(0)).isEqualTo("alice@contoso.example");
        assertThat(call.argument(1)).isEqualTo(new Requests.StartMigration(SourceMeetingType.SFB, TargetMeetingType.TEAMS));
        assertThat(r.json().get("Decisions").get(0).get("Decision").asString()).isEqualTo("Migrate");
    }

    @Test
    void starting_a_migration_defaults_to_all_meetings_keeping_their_type() {
        http.send("POST", "/api/v1/migrations", "{\"Identity\":\"alice@contoso.example\"}");

        assertThat(onlyCall("startMigration").argument(1)).isEqualTo(new Requests.StartMigration(SourceMeetingType.ALL, TargetMeetingType.CURRENT));
    }

    @Test
    void moving_to_the_hosting_providers_fqdn_or_to_online_means_the_online_service() {
        http.send("POST", "/api/v1/users/alice@contoso.example/move", "{\"Target\":\"sipfed.online.lync.com\"}");
        http.send("POST", "/api/v1/users/alice@contoso.example/move", "{\"Target\":\"Online\"}");
        http.send("POST", "/api/v1/users/alice@contoso.example/move", "{\"Target\":\"pool01.contoso.com\"}");

        assertThat(api.admin.calls()).extracting(c -> c.argument(1)).containsExactly(Requests.MoveTarget.toOnline(),
                Requests.MoveTarget.toOnline(), Requests.MoveTarget.toPool("pool01.contoso.com"));
        assertThat(api.admin.calls()).extracting(c -> c.argument(0)).containsOnly("alice@contoso.example");
    }

    @Test
    void a_patch_of_the_migration_configuration_changes_only_the_fields_it_names() {
        Http.Response r = http.send("PATCH", "/api/v1/tenant/migration-configuration",
                "{\"MeetingMigrationEnabled\":false,\"SettleWindowSeconds\":5}");

        assertThat(r.status()).isEqualTo(200);
        assertThat(onlyCall("setMigrationConfiguration").argument(0)).isEqualTo(new Requests.MigrationConfigurationChange(
                Optional.of(false), Optional.of(5L), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(r.json().get("MeetingMigrationEnabled").asBoolean()).isFalse();
        assertThat(r.json().get("AttendeeLimit").asInt()).isEqualTo(250);
    }

    @Test
    void the_pacing_reaches_the_operation_as_given_and_a_quiet_hour_too_long_is_refused_by_name() {
        Http.Response r = http.send("PATCH", "/api/v1/tenant/migration-configuration",
                "{\"MaxUpdatesPerHour\":500,\"QuietHoursStart\":\"22:00\",\"QuietHoursEnd\":\"06:30\",\"QuietHoursTimeZone\":\"Europe/Berlin\"}");

        assertThat(r.status()).isEqualTo(200);
        assertThat(onlyCall("setMigrationConfiguration").argument(0)).isEqualTo(new Requests.MigrationConfigurationChange(
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                new Requests.PacingChange(Optional.of(500), Optional.of("22:00"), Optional.of("06:30"), Optional.of("Europe/Berlin"))));
        assertThat(http.send("PATCH", "/api/v1/tenant/migration-configuration", "{\"QuietHoursStart\":\"22:00:00.000\"}").status())
                .isEqualTo(400);
    }

    @Test
    void the_organizer_notice_reaches_the_operation_as_given_and_a_word_or_a_fraction_is_refused() {
        Http.Response r = http.send("PATCH", "/api/v1/tenant/migration-configuration", "{\"NotifyOrganizerBeforeMinutes\":60}");

        assertThat(r.status()).isEqualTo(200);
        assertThat(onlyCall("setMigrationConfiguration").argument(0)).isEqualTo(new Requests.MigrationConfigurationChange(
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                new Requests.PacingChange(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(60))));
        assertThat(r.json().get("NotifyOrganizerBeforeMinutes").asInt()).isEqualTo(60);
        assertThat(http.send("PATCH", "/api/v1/tenant/migration-configuration", "{\"NotifyOrganizerBeforeMinutes\":\"an hour\"}").status())
                .isEqualTo(400);
        assertThat(http.send("PATCH", "/api/v1/tenant/migration-configuration", "{\"NotifyOrganizerBeforeMinutes\":1.5}").status())
                .isEqualTo(400);
    }

    @Test
    void the_custom_footer_reaches_the_operation_as_given_and_one_too_long_is_refused_by_name() {
        Http.Response r = http.send("PATCH", "/api/v1/tenant/migration-configuration",
                "{\"CustomFooterText\":\"Help desk: 4357\\nVideo: alice@video.contoso.com\",\"CustomFooterHtml\":\"<p>Help desk</p>\"}");

        assertThat(r.status()).isEqualTo(200);
        assertThat(onlyCall("setMigrationConfiguration").argument(0)).isEqualTo(new Requests.MigrationConfigurationChange(
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("Help desk: 4357\nVideo: alice@video.contoso.com"), Optional.of("<p>Help desk</p>")));
        assertThat(r.json().get("CustomFooterText").asString()).isEqualTo("Help desk: 4357\nVideo: alice@video.contoso.com");

        Http.Response tooLong = http.send("PATCH", "/api/v1/tenant/migration-configuration",
                "{\"CustomFooterHtml\":\"" + "a".repeat(4001) + "\"}");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("CustomFooterHtml is longer than 4000 characters (4001)");
    }

    @Test
    void the_tenant_settings_are_read_and_patched() {
        assertThat(http.get("/api/v1/tenant/migration-configuration").json().get("MeetingMigrationEnabled").asBoolean()).isTrue();
        assertThat(http.get("/api/v1/tenant/dial-in-conferencing-settings").json().get("AutomaticallyMigrateUserMeetings").asBoolean()).isTrue();
        Http.Response patched = http.send("PATCH", "/api/v1/tenant/dial-in-conferencing-settings", "{\"AutomaticallyReplaceAcpProvider\":true}");

        assertThat(patched.json().get("AutomaticallyReplaceAcpProvider").asBoolean()).isTrue();
        assertThat(api.admin.calls().getLast().argument(0))
                .isEqualTo(new Requests.DialInTenantSettingsChange(Optional.empty(), Optional.of(true)));
    }

    @Test
    void updating_the_tenant_meeting_url_reaches_its_operation() {
        Http.Response r = http.send("POST", "/api/v1/tenant/meeting-url/update", null);

        assertThat(r.status()).isEqualTo(200);
        onlyCall("updateTenantMeetingUrl");
        assertThat(r.json().get("Decisions").isEmpty()).isTrue();
    }

    @Test
    void users_are_listed_and_found_one_by_one() {
        assertThat(http.get("/api/v1/users").json().get(0).get("SipAddress").asString()).isEqualTo("sip:alice@contoso.example");
        Http.Response one = http.get("/api/v1/users/ALICE@contoso.example");

        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().get("UserPrincipalName").asString()).isEqualTo("alice@contoso.example");
        assertThat(api.admin.calls()).extracting(c -> c.argument(0)).containsExactly(Optional.empty(), Optional.of("ALICE@contoso.example"));
    }

    @Test
    void the_dial_in_user_patch_carries_bridge_numbers_and_a_conference_id_reset() {
        http.send("PATCH", "/api/v1/users/alice@contoso.example/dial-in-conferencing",
                "{\"BridgeName\":\"Conference Bridge\",\"ServiceNumber\":\"+14255550199\",\"ResetConferenceId\":true}");

        assertThat(onlyCall("setDialInConferencingUser").argument(1)).isEqualTo(new Requests.DialInUserChange(
                Optional.of("Conference Bridge"), Optional.of("+14255550199"), Optional.empty(), Optional.empty(), true));
    }

    @Test
    void enabling_dial_in_conferencing_replaces_the_provider_only_when_asked() {
        http.send("POST", "/api/v1/users/alice@contoso.example/dial-in-conferencing/enable", null);
        http.send("POST", "/api/v1/users/alice@contoso.example/dial-in-conferencing/enable", "{\"ReplaceProvider\":true}");
        http.send("POST", "/api/v1/users/alice@contoso.example/dial-in-conferencing/disable", null);

        assertThat(api.admin.calls()).extracting(StubAdmin.Call::operation, c -> c.arguments().size() > 1 ? c.argument(1) : null)
                .containsExactly(tuple("enableDialInConferencing", false),
                        tuple("enableDialInConferencing", true),
                        tuple("disableDialInConferencing", null));
    }

    @Test
    void the_licence_is_assigned_and_removed() {
        http.send("PUT", "/api/v1/users/alice@contoso.example/audio-conferencing-license", "{\"Assigned\":true}");
        http.send("PUT", "/api/v1/users/alice@contoso.example/audio-conferencing-license", "{\"Assigned\":false}");

        assertThat(api.admin.calls()).extracting(c -> c.argument(1)).containsExactly(true, false);
    }

    @Test
    void a_service_number_with_a_plus_is_unregistered_from_a_bridge_whose_name_has_a_space() {
        Http.Response r = http.send("POST", "/api/v1/bridges/Conference%20Bridge/service-numbers/+14255550100/unregister",
                "{\"RemoveDefaultServiceNumber\":true}");
        http.send("POST", "/api/v1/bridges/Conference%20Bridge/service-numbers/%2B18005550100/unregister", null);

        assertThat(r.status()).isEqualTo(200);
        assertThat(api.admin.calls()).extracting(StubAdmin.Call::arguments).containsExactly(
                List.of("+14255550100", "Conference Bridge", true), List.of("+18005550100", "Conference Bridge", false));
    }

    @Test
    void bridges_list_their_service_numbers() {
        JsonNode bridge = http.get("/api/v1/bridges").json().get(0);

        assertThat(bridge.get("Name").asString()).isEqualTo("Conference Bridge");
        assertThat(bridge.get("ServiceNumbers").get(1).get("Kind").asString()).isEqualTo("TollFree");
    }

    @Test
    void a_sip_address_change_is_a_patch_of_the_user() {
        http.send("PATCH", "/api/v1/users/alice@contoso.example", "{\"SipAddress\":\"sip:alice.smith@contoso.example\"}");

        assertThat(onlyCall("setSipAddress").arguments()).containsExactly("alice@contoso.example", "sip:alice.smith@contoso.example");
    }

    @Test
    void policy_names_map_to_teams_upgrade_modes_in_any_case() {
        http.send("PUT", "/api/v1/users/alice@contoso.example/teams-upgrade-policy", "{\"PolicyName\":\"UpgradeToTeams\"}");
        http.send("PUT", "/api/v1/users/alice@contoso.example/teams-upgrade-policy", "{\"PolicyName\":\"sfbwithteamscollabandmeetings\"}");
        http.send("PUT", "/api/v1/users/alice@contoso.example/teams-upgrade-policy", "{\"PolicyName\":\"Islands\"}");

        assertThat(api.admin.calls()).extracting(c -> ((Requests.TeamsUpgrade) c.argument(1)).mode()).containsExactly(
                TeamsUpgradeMode.TEAMS_ONLY, TeamsUpgradeMode.SFB_WITH_TEAMS_COLLAB_AND_MEETINGS, TeamsUpgradeMode.ISLANDS);
    }

    @Test
    void trigger_decisions_are_filtered_by_user_and_time() {
        Http.Response r = http.get("/api/v1/trigger-decisions?identity=alice%40contoso.example&startTime=2026-10-01T00:00:00Z");

        StubAdmin.Call call = onlyCall("triggerDecisions");
        assertThat(call.arguments()).containsExactly(Optional.of("alice@contoso.example"), Optional.of(Instant.parse("2026-10-01T00:00:00Z")));
        assertThat(r.json().get(0).get("Reason").asString()).isEqualTo("moved to the online service");
    }

    @Test
    void the_directory_document_reaches_the_import_as_sent() {
        String document = "{\"tenant\": {\"domains\": [\"contoso.example\"]},\n \"users\": []}";
        Http.Response r = http.send("POST", "/api/v1/directory/import", document);

        assertThat(r.status()).isEqualTo(200);
        assertThat(onlyCall("importDirectory").argument(0)).isEqualTo(document);
        assertThat(r.json().get("Created").asInt()).isEqualTo(3);
    }

    @Test
    void a_calendar_export_reaches_the_import_byte_for_byte() {
        byte[] ics = "BEGIN:VCALENDAR\r\nX-NOTE:caf\u00e9\r\n \u00e9t\u00e9\nEND:VCALENDAR\r\n".getBytes(StandardCharsets.UTF_8);
        ics[ics.length - 3] = (byte) 0xFF;
        Http.Response r = http.send("PUT", "/api/v1/users/alice@contoso.example/calendar", ics, "text/calendar");

        assertThat(r.status()).isEqualTo(200);
        StubAdmin.Call call = onlyCall("importCalendar");
        assertThat(call.argument(0)).isEqualTo("alice@contoso.example");
        assertThat((byte[]) call.argument(1)).isEqualTo(ics);
    }

    @Test
    void an_online_meeting_is_created_with_its_attendees_and_times() {
        Http.Response r = http.send("POST", "/api/v1/users/alice@contoso.example/online-meetings",
                "{\"Subject\":\"Weekly sync\",\"Start\":\"2026-12-01T09:00:00Z\",\"End\":\"2026-12-01T09:30:00Z\","
                        + "\"Attendees\":[\"bob@contoso.example\",\"carol@contoso.example\"],\"RecurrenceRule\":\"FREQ=WEEKLY;COUNT=10\","
                        + "\"TimeZone\":\"Europe/Berlin\"}");

        assertThat(r.status()).isEqualTo(201);
        assertThat(onlyCall("addOnlineMeeting").argument(1)).isEqualTo(new Requests.NewOnlineMeeting("Weekly sync",
                Instant.parse("2026-12-01T09:00:00Z"), Instant.parse("2026-12-01T09:30:00Z"), Optional.of("FREQ=WEEKLY;COUNT=10"),
                List.of("bob@contoso.example", "carol@contoso.example"), Optional.empty(), Optional.of("Europe/Berlin")));
        assertThat(r.json().get("Attendees").asInt()).isEqualTo(2);
        assertThat(r.json().get("ConferenceId").asString()).isEqualTo("8675309");
    }

    @Test
    void what_if_reaches_the_previewing_facade_and_answers_the_preview_without_queueing() {
        Http.Response moved = http.send("POST", "/api/v1/users/alice@contoso.example/move?whatIf=true", "{\"Target\":\"online\"}");
        Http.Response started = http.send("POST", "/api/v1/migrations?whatIf=true", "{\"Identity\":\"alice@contoso.example\"}");

        assertThat(moved.status()).isEqualTo(200);
        assertThat(started.status()).as("nothing is queued, so nothing is accepted for later").isEqualTo(200);
        assertThat(api.admin.calls()).extracting(StubAdmin.Call::operation).containsExactly("whatIf:moveUser", "whatIf:startMigration");
        assertThat(moved.json().get("WhatIf").get(0).get("Meetings").get(0).get("Diff").get(1).asString()).startsWith("- ");
        assertThat(moved.json().get("WhatIf").get(0).get("UpdateMeeting").asInt()).isEqualTo(1);
    }

    @Test
    void what_if_false_changes_and_anything_else_is_refused() {
        Http.Response done = http.send("POST", "/api/v1/tenant/meeting-url/update?whatIf=false", "{}");
        Http.Response bad = http.send("POST", "/api/v1/tenant/meeting-url/update?whatIf=maybe", "{}");
        Http.Response elsewhere = http.send("PATCH", "/api/v1/tenant/migration-configuration?whatIf=true", "{}");

        assertThat(done.status()).isEqualTo(200);
        assertThat(done.json().get("WhatIf").isEmpty()).isTrue();
        assertThat(bad.status()).isEqualTo(400);
        assertThat(elsewhere.status()).as("a route that cannot queue a migration has no preview").isEqualTo(400);
        assertThat(api.admin.calls()).extracting(StubAdmin.Call::operation).containsExactly("updateTenantMeetingUrl");
    }

    @Test
    void approve_and_deny_take_exactly_one_of_identity_correlation_id_or_all() {
        Http.Response approved = http.send("POST", "/api/v1/migrations/approve", "{\"CorrelationId\":\"0b8f3c2e-1d2a-4c5b-9e6f-7a8b9c0d1e2f\"}");
        Http.Response denied = http.send("POST", "/api/v1/migrations/deny", "{\"All\":true}");
        Http.Response both = http.send("POST", "/api/v1/migrations/deny", "{\"All\":true,\"Identity\":\"alice@contoso.example\"}");
        Http.Response none = http.send("POST", "/api/v1/migrations/approve", "{}");

        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.json().get(0).get("State").asString()).isEqualTo("Pending");
        assertThat(denied.json().get(0).get("State").asString()).isEqualTo("Denied");
        assertThat(List.of(both.status(), none.status())).containsOnly(400);
        assertThat(api.admin.calls()).extracting(c -> c.operation() + " " + c.argument(0)).containsExactly(
                "approveMigrations " + new Requests.AwaitingMigrations(Optional.empty(), Optional.of("0b8f3c2e-1d2a-4c5b-9e6f-7a8b9c0d1e2f"), false),
                "denyMigrations " + new Requests.AwaitingMigrations(Optional.empty(), Optional.empty(), true));
    }

    @Test
    void the_approval_threshold_is_a_whole_number_or_none() {
        Http.Response number = http.send("PATCH", "/api/v1/tenant/migration-configuration",
                "{\"RequireApproval\":true,\"ApprovalThresholdMeetings\":50}");
        Http.Response cleared = http.send("PATCH", "/api/v1/tenant/migration-configuration", "{\"ApprovalThresholdMeetings\":\"None\"}");
        Http.Response fraction = http.send("PATCH", "/api/v1/tenant/migration-configuration", "{\"ApprovalThresholdMeetings\":1.5}");
        Http.Response flag = http.send("PATCH", "/api/v1/tenant/migration-configuration", "{\"ApprovalThresholdMeetings\":true}");

        assertThat(List.of(number.status(), cleared.status())).containsOnly(200);
        assertThat(number.json().get("RequireApproval").asBoolean()).isTrue();
        assertThat(number.json().get("ApprovalThresholdMeetings").asInt()).isEqualTo(50);
        assertThat(List.of(fraction.status(), flag.status())).containsOnly(400);
        assertThat(api.admin.calls()).extracting(c -> ((Requests.MigrationConfigurationChange) c.argument(0)).approvalThresholdMeetings())
                .containsExactly(Optional.of("50"), Optional.of("None"));
    }
}
