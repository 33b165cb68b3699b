package org.mms.service;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mms.calendar.SplitCalendar;
import org.mms.testing.CalendarContent;
import org.mms.testing.GoldenRule;
import org.mms.testing.PlainCalDavClient;
import org.mms.testing.RadicaleServer;
import org.mms.testing.UndoGoldenRule;
import org.mms.testing.UnfoldedText;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin features on a real CalDAV server (Radicale), driven with the cmdlets as an admin drives them: the preview
 * of a bridge change is what the change then does to each meeting on the server; a migration awaiting approval
 * touches nothing until approved, and a denied one never does; an undo puts each meeting on the server back and leaves
 * alone one an organizer edited since; an hourly limit holds update messages back until the clock moves on.
 */
class AdminFeaturesOnRadicaleTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static RadicaleServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        server = RadicaleServer.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void the_preview_of_a_bridge_change_is_what_the_change_then_does_to_each_meeting_on_the_server() throws Exception {
        try (SampleTenantOnCalDav tenant = SampleTenantOnCalDav.start(server, dir.resolve("service"))) {
            Map<String, Map<URI, PlainCalDavClient.Fetched>> before = fetchBoth(tenant);

            Map<String, JsonNode> previewed = previewByUser(tenant.admin.run(with(SampleTenantOnCalDav.UNREGISTER_TOLL_FREE, "-WhatIf",
                    "--json")));

            assertThat(previewed.keySet()).containsExactly(SampleTenantOnCalDav.ALICE, SampleTenantOnCalDav.CAROL);
            assertAllUntouched("a preview writes nothing to the server", before, fetchBoth(tenant));
            assertThat(JSON.readTree(tenant.admin.run("Get-CsMeetingMigrationStatus", "--json"))).as("a preview queues nothing").isEmpty();

            tenant.admin.run(SampleTenantOnCalDav.UNREGISTER_TOLL_FREE.toArray(String[]::new));
            JsonNode statuses = tenant.admin.waitForMigrations(PATIENCE);

            assertThat(statuses).hasSize(2);
            int updates = 0;
            for (JsonNode status : statuses) {
                String upn = status.path("UserPrincipalName").asString();
                JsonNode preview = previewed.get(upn);
                assertThat(status.path("State").asString()).as(status.toString()).isEqualTo("Succeeded");
                for (String count : List.of("TotalMeeting", "SucceededMeeting", "FailedMeeting", "InvitesUpdate")) {
                    assertThat(status.path(count).asInt()).as(upn + " " + count).isEqualTo(preview.path(count).asInt());
                }
                JsonNode detail = JSON.readTree(tenant.admin.run("Get-CsMeetingMigrationDetail", "-CorrelationId",
                        status.path("CorrelationId").asString(), "--json"));
                assertThat(outcomes(detail)).as(upn + ": each meeting as previewed").isEqualTo(outcomes(preview.path("Meetings")));
                assertEachMeetingOnTheServerAsPreviewed(upn, preview.path("Meetings"), before.get(upn), tenant.fetch(upn));
                assertThat(preview.path("InvitesUpdate").asInt()).as(upn).isPositive();
                updates += preview.path("InvitesUpdate").asInt();
            }
            assertThat(tenant.waitForMessages(updates)).hasSize(updates);
            for (String upn : previewed.keySet()) {
                assertThat(tenant.messagesFrom(upn)).as("updates sent for " + upn).hasSize(previewed.get(upn).path("InvitesUpdate").asInt());
            }
        }
    }

    @Test
    void with_approval_required_nothing_changes_on_the_server_until_approved_and_a_denied_organizers_meetings_never_do() throws Exception {
        try (SampleTenantOnCalDav tenant = SampleTenantOnCalDav.start(server, dir.resolve("service"))) {
            tenant.admin.run("Set-CsTenantMigrationConfiguration", "-RequireApproval", "$true");
            Map<String, Map<URI, PlainCalDavClient.Fetched>> before = fetchBoth(tenant);
            Map<String, JsonNode> previewed = previewByUser(tenant.admin.run(with(SampleTenantOnCalDav.UNREGISTER_TOLL_FREE, "-WhatIf",
                    "--json")));
            assertThat(previewed.values()).allSatisfy(u -> assertThat(u.path("AwaitsApproval").asBoolean()).isTrue());

            tenant.admin.run(SampleTenantOnCalDav.UNREGISTER_TOLL_FREE.toArray(String[]::new));
            SampleTenantOnCalDav.letTheServiceRun(Duration.ofSeconds(1));

            Map<String, JsonNode> waiting = statusesByUser(tenant);
            assertThat(waiting.keySet()).isEqualTo(previewed.keySet());
            waiting.forEach((upn, status) -> {
                assertThat(status.path("State").asString()).as(status.toString()).isEqualTo("AwaitingApproval");
                assertThat(status.path("LastMessage").asString()).contains("Approve-CsMeetingMigration");
                for (String count : List.of("TotalMeeting", "SucceededMeeting", "FailedMeeting", "InvitesUpdate")) {
                    assertThat(status.path(count).asInt()).as(upn + " " + count).isEqualTo(previewed.get(upn).path(count).asInt());
                }
            });
            assertAllUntouched("nothing is written while the migrations await approval", before, fetchBoth(tenant));
            assertThat(tenant.messages()).as("nothing is sent while the migrations await approval").isEmpty();

            assertThat(tenant.admin.run("Approve-CsMeetingMigration", "-Identity", SampleTenantOnCalDav.ALICE)).contains("Pending");
            assertThat(tenant.admin.run("Deny-CsMeetingMigration", "-Identity", SampleTenantOnCalDav.CAROL)).contains("Denied");
            Map<String, JsonNode> ended = waitUntilEnded(tenant);

            JsonNode approved = ended.get(SampleTenantOnCalDav.ALICE);
            JsonNode preview = previewed.get(SampleTenantOnCalDav.ALICE);
            assertThat(approved.path("State").asString()).as(approved.toString()).isEqualTo("Succeeded");
            assertThat(outcomes(JSON.readTree(tenant.admin.run("Get-CsMeetingMigrationDetail", "-CorrelationId",
                    approved.path("CorrelationId").asString(), "--json")))).isEqualTo(outcomes(preview.path("Meetings")));
            assertEachMeetingOnTheServerAsPreviewed(SampleTenantOnCalDav.ALICE, preview.path("Meetings"), before.get(SampleTenantOnCalDav.ALICE),
                    tenant.fetch(SampleTenantOnCalDav.ALICE));
            int updates = approved.path("InvitesUpdate").asInt();
            assertThat(updates).isEqualTo(preview.path("InvitesUpdate").asInt()).isPositive();
            assertThat(tenant.waitForMessages(updates)).hasSize(updates);
            assertThat(tenant.messagesFrom(SampleTenantOnCalDav.ALICE)).hasSize(updates);

            JsonNode denied = ended.get(SampleTenantOnCalDav.CAROL);
            assertThat(denied.path("State").asString()).as(denied.toString()).isEqualTo("Denied");
            SampleTenantOnCalDav.letTheServiceRun(Duration.ofSeconds(1));
            assertUntouched("a denied migration writes nothing", before.get(SampleTenantOnCalDav.CAROL),
                    tenant.fetch(SampleTenantOnCalDav.CAROL));
            assertThat(tenant.messagesFrom(SampleTenantOnCalDav.CAROL)).as("a denied migration sends nothing").isEmpty();
            assertThat(tenant.messages()).hasSize(updates);
            assertThat(JSON.readTree(tenant.admin.run("Get-CsMeetingMigrationDetail", "-CorrelationId",
                    denied.path("CorrelationId").asString(), "--json"))).as("a denied migration handled no meeting").isEmpty();
        }
    }

    @Test
    void an_undo_puts_each_meeting_back_on_the_server_and_leaves_alone_one_its_organizer_edited_there_since() throws Exception {
        try (SampleTenantOnCalDav tenant = SampleTenantOnCalDav.start(server, dir.resolve("service"))) {
            Map<String, Map<URI, PlainCalDavClient.Fetched>> before = fetchBoth(tenant);
            tenant.admin.run(SampleTenantOnCalDav.UNREGISTER_TOLL_FREE.toArray(String[]::new));
            Map<String, JsonNode> migrations = new TreeMap<>();
            tenant.admin.waitForMigrations(PATIENCE).forEach(s -> migrations.put(s.path("UserPrincipalName").asString(), s));
            assertThat(migrations.values()).hasSize(2).allSatisfy(s -> assertThat(s.path("State").asString()).as(s.toString())
                    .isEqualTo("Succeeded"));
            Map<String, Map<URI, PlainCalDavClient.Fetched>> migrated = fetchBoth(tenant);

            // Alice changes one of the migrated meetings with her own calendar client.
            URI edited = tenant.aliceResourceFrom("teams-t2-en-dialin.ics");
            PlainCalDavClient.Fetched beforeEdit = migrated.get(SampleTenantOnCalDav.ALICE).get(edited);
            assertThat(beforeEdit.etag()).as("migrated").isNotEqualTo(before.get(SampleTenantOnCalDav.ALICE).get(edited).etag());
            PlainCalDavClient.Fetched afterEdit;
            try (PlainCalDavClient client = new PlainCalDavClient(server)) {
                byte[] withComment = new String(beforeEdit.data(), UTF_8).replaceFirst("END:VEVENT", "COMMENT:Moved to room 4\r\nEND:VEVENT")
                        .getBytes(UTF_8);
                assertThat(client.replace(edited, withComment, beforeEdit.etag())).isBetween(200, 204);
                afterEdit = client.get(edited);
            }
            String aliceMigration = migrations.get(SampleTenantOnCalDav.ALICE).path("CorrelationId").asString();
            JsonNode undoPreview = JSON.readTree(tenant.admin.run("Undo-CsMeetingMigration", "-CorrelationId", aliceMigration, "-WhatIf",
                    "--json"));
            assertThat(undoPreview.path("ChangedSinceMeeting").asInt()).isEqualTo(1);

            for (JsonNode migration : migrations.values()) {
                tenant.admin.run("Undo-CsMeetingMigration", "-CorrelationId", migration.path("CorrelationId").asString());
            }
            Map<String, JsonNode> undos = new TreeMap<>();
            tenant.admin.waitForMigrations(PATIENCE).forEach(s -> {
                if (s.path("MigrationType").asString().equals("Undo")) {
                    undos.put(s.path("UserPrincipalName").asString(), s);
                }
            });

            assertThat(undos.keySet()).isEqualTo(migrations.keySet());
            assertThat(undos.values()).allSatisfy(u -> assertThat(u.path("State").asString()).as(u.toString()).isEqualTo("Succeeded"));
            JsonNode aliceUndo = undos.get(SampleTenantOnCalDav.ALICE);
            assertThat(aliceUndo.path("LastMessage").asString()).contains("1 meeting was changed since the migration");
            assertThat(aliceUndo.path("SucceededMeeting").asInt()).isEqualTo(undoPreview.path("PutBackMeeting").asInt())
                    .isEqualTo(migrations.get(SampleTenantOnCalDav.ALICE).path("SucceededMeeting").asInt() - 1);
            String editedUid = SplitCalendar.of(afterEdit.data()).resources().getFirst().uid();
            assertThat(outcomes(JSON.readTree(tenant.admin.run("Get-CsMeetingMigrationDetail", "-CorrelationId",
                    aliceUndo.path("CorrelationId").asString(), "--json")))).contains(editedUid + "||SKIPPED|CHANGED_SINCE");
            assertThat(undos.get(SampleTenantOnCalDav.CAROL).path("SucceededMeeting").asInt())
                    .isEqualTo(migrations.get(SampleTenantOnCalDav.CAROL).path("SucceededMeeting").asInt());

            Map<String, Map<URI, PlainCalDavClient.Fetched>> after = fetchBoth(tenant);
            int putBack = 0;
            for (String upn : before.keySet()) {
                for (URI url : tenant.resources(upn)) {
                    PlainCalDavClient.Fetched now = after.get(upn).get(url);
                    if (url.equals(edited)) {
                        assertThat(now.etag()).as("the meeting Alice edited is left alone").isEqualTo(afterEdit.etag());
                        assertThat(now.data()).isEqualTo(afterEdit.data());
                    } else if (migrated.get(upn).get(url).etag().equals(before.get(upn).get(url).etag())) {
                        assertThat(now.etag()).as("ETag of %s, which the migration left alone", url).isEqualTo(before.get(upn).get(url).etag());
                    } else {
                        putBack++;
                        UndoGoldenRule.check(upn + " " + url, before.get(upn).get(url).data(), now.data());
                    }
                }
            }
            assertThat(putBack).isGreaterThan(20);
            int updates = 0;
            for (String upn : migrations.keySet()) {
                updates += migrations.get(upn).path("InvitesUpdate").asInt() + undos.get(upn).path("InvitesUpdate").asInt();
            }
            assertThat(undos.get(SampleTenantOnCalDav.ALICE).path("InvitesUpdate").asInt()).as("no update for the meeting left alone")
                    .isEqualTo(migrations.get(SampleTenantOnCalDav.ALICE).path("InvitesUpdate").asInt() - 1);
            assertThat(tenant.waitForMessages(updates)).hasSize(updates);
        }
    }

    @Test
    void an_hourly_limit_sends_that_many_updates_and_the_rest_wait_with_the_status_saying_how_many_until_the_clock_moves_on() throws Exception {
        int perHour = 20;
        try (SampleTenantOnCalDav tenant = SampleTenantOnCalDav.start(server, dir.resolve("service"))) {
            tenant.admin.run("Set-CsTenantMigrationConfiguration", "-MaxUpdatesPerHour", String.valueOf(perHour));
            Map<String, Map<URI, PlainCalDavClient.Fetched>> before = fetchBoth(tenant);

            tenant.admin.run(SampleTenantOnCalDav.UNREGISTER_TOLL_FREE.toArray(String[]::new));
            JsonNode migrations = tenant.admin.waitForMigrations(PATIENCE);

            int updates = 0;
            for (JsonNode migration : migrations) {
                assertThat(migration.path("State").asString()).as(migration.toString()).isEqualTo("Succeeded");
                updates += migration.path("InvitesUpdate").asInt();
            }
            assertThat(updates).as("enough updates to take more than two hours").isGreaterThan(2 * perHour);
            Map<String, Map<URI, PlainCalDavClient.Fetched>> migrated = fetchBoth(tenant);
            for (String upn : before.keySet()) {
                assertThat(before.get(upn).keySet()).as("the meetings are written at once, whatever the pacing")
                        .anyMatch(url -> !before.get(upn).get(url).etag().equals(migrated.get(upn).get(url).etag()));
            }
            assertThat(tenant.waitForMessages(perHour)).hasSize(perHour);
            SampleTenantOnCalDav.letTheServiceRun(Duration.ofSeconds(1));
            assertThat(tenant.messages()).as("no more within the hour").hasSize(perHour);

            Instant until = SampleTenantOnCalDav.NOW.plus(Duration.ofHours(1));
            long waiting = 0;
            for (JsonNode migration : JSON.readTree(tenant.admin.run("Get-CsMeetingMigrationStatus", "--json"))) {
                waiting += migration.path("UpdatesWaiting").asLong();
                if (migration.path("UpdatesWaiting").asLong() > 0) {
                    assertThat(Instant.parse(migration.path("UpdatesWaitUntil").asString())).isEqualTo(until);
                }
            }
            assertThat(waiting).isEqualTo(updates - perHour);
            JsonNode tenantWide = JSON.readTree(tenant.admin.run("Get-CsMeetingMigrationStatus", "-SummaryOnly", "--json")).path("Updates");
            assertThat(tenantWide.path("UpdatesWaiting").asLong()).isEqualTo(updates - perHour);
            assertThat(Instant.parse(tenantWide.path("UpdatesWaitUntil").asString())).isEqualTo(until);

            int sent = perHour;
            while (sent < updates) {
                tenant.clock.advance(Duration.ofHours(1));
                int expected = Math.min(updates, sent + perHour);
                assertThat(tenant.waitForMessages(expected)).hasSize(expected);
                SampleTenantOnCalDav.letTheServiceRun(Duration.ofMillis(500));
                assertThat(tenant.messages()).as("at most %d in the hour after %d went", perHour, sent).hasSize(expected);
                sent = expected;
            }
            for (String upn : before.keySet()) {
                long expected = JSON.readTree(tenant.admin.run("Get-CsMeetingMigrationStatus", "-Identity", upn, "--json")).get(0)
                        .path("InvitesUpdate").asLong();
                assertThat(tenant.messagesFrom(upn)).as("updates sent for " + upn).hasSize((int) expected);
            }
            JsonNode done = JSON.readTree(tenant.admin.run("Get-CsMeetingMigrationStatus", "-SummaryOnly", "--json")).path("Updates");
            assertThat(done.path("UpdatesWaiting").asLong()).isZero();
        }
    }

    /**
     * A resource on the server changed exactly when the preview said one of its meetings would be migrated; a changed one
     * keeps everything outside the block (the golden rule on the server's rendering) and shows every line the preview's
     * diff added.
     */
    private static void assertEachMeetingOnTheServerAsPreviewed(String upn, JsonNode meetings, Map<URI, PlainCalDavClient.Fetched> before,
            Map<URI, PlainCalDavClient.Fetched> after) {
        Map<String, List<JsonNode>> byUid = new TreeMap<>();
        meetings.forEach(m -> byUid.computeIfAbsent(m.path("Uid").asString(), uid -> new ArrayList<>()).add(m));
        int changed = 0;
        int linesShown = 0;
        for (Map.Entry<URI, PlainCalDavClient.Fetched> entry : before.entrySet()) {
            PlainCalDavClient.Fetched was = entry.getValue();
            PlainCalDavClient.Fetched now = after.get(entry.getKey());
            String uid = SplitCalendar.of(was.data()).resources().getFirst().uid();
            List<JsonNode> previewed = byUid.getOrDefault(uid, List.of());
            List<JsonNode> migrated = previewed.stream().filter(m -> m.path("Outcome").asString().equals("MIGRATED")).toList();
            String what = upn + " " + entry.getKey() + " previewed as " + previewed.stream().map(m -> m.path("Outcome").asString()).toList();
            if (migrated.isEmpty()) {
                assertThat(now.etag()).as("ETag of %s", what).isEqualTo(was.etag());
                assertThat(now.data()).as(what).isEqualTo(was.data());
                continue;
            }
            changed++;
            assertThat(now.etag()).as("ETag of %s", what).isNotEqualTo(was.etag());
            GoldenRule.checkRendering(was.data(), now.data(), CalendarContent::line);
            String text = UnfoldedText.of(now.data()).replace("\\n", "\n").replace("\\N", "\n").replace("\\\\", "\\");
            boolean allMigrated = migrated.size() == previewed.size();
            for (JsonNode meeting : migrated) {
                List<String> diff = new ArrayList<>();
                meeting.path("Diff").forEach(line -> diff.add(line.asString()));
                for (String line : diff) {
                    String shown = line.substring(Math.min(2, line.length())).strip();
                    if (shown.isEmpty()) {
                        continue;
                    }
                    if (line.startsWith("+ ")) {
                        assertThat(text).as("%s shows the line the preview added", what).contains(shown);
                        linesShown++;
                    } else if (line.startsWith("- ") && shown.contains(SampleTenantOnCalDav.TOLL_FREE_SHOWN) && allMigrated) {
                        // The number taken off the bridge, unless an occurrence kept the old block (a past changed one does).
                        assertThat(text).as("%s no longer shows the line the preview removed", what).doesNotContain(shown);
                        linesShown++;
                    }
                }
            }
        }
        assertThat(changed).as(upn + ": resources changed").isPositive();
        assertThat(linesShown).as(upn + ": lines the previews added or removed, checked on the server").isGreaterThanOrEqualTo(changed);
    }

    /** Every resource the same, byte for byte, with the same ETag. */
    private static void assertAllUntouched(String why, Map<String, Map<URI, PlainCalDavClient.Fetched>> before,
            Map<String, Map<URI, PlainCalDavClient.Fetched>> now) {
        assertThat(now.keySet()).isEqualTo(before.keySet());
        before.forEach((upn, resources) -> assertUntouched(why + ": " + upn, resources, now.get(upn)));
    }

    private static void assertUntouched(String why, Map<URI, PlainCalDavClient.Fetched> before, Map<URI, PlainCalDavClient.Fetched> now) {
        assertThat(now.keySet()).as(why).isEqualTo(before.keySet());
        before.forEach((url, was) -> {
            assertThat(now.get(url).etag()).as("%s: ETag of %s", why, url).isEqualTo(was.etag());
            assertThat(now.get(url).data()).as("%s: %s", why, url).isEqualTo(was.data());
        });
    }

    private static Map<String, Map<URI, PlainCalDavClient.Fetched>> fetchBoth(SampleTenantOnCalDav tenant) {
        return Map.of(SampleTenantOnCalDav.ALICE, tenant.fetch(SampleTenantOnCalDav.ALICE), SampleTenantOnCalDav.CAROL,
                tenant.fetch(SampleTenantOnCalDav.CAROL));
    }

    /** Each user's latest migration as Get-CsMeetingMigrationStatus lists them. */
    private static Map<String, JsonNode> statusesByUser(SampleTenantOnCalDav tenant) {
        Map<String, JsonNode> latest = new TreeMap<>();
        JSON.readTree(tenant.admin.run("Get-CsMeetingMigrationStatus", "--json")).forEach(s -> {
            JsonNode seen = latest.get(s.path("UserPrincipalName").asString());
            if (seen == null || !Instant.parse(s.path("CreateDate").asString()).isBefore(Instant.parse(seen.path("CreateDate").asString()))) {
                latest.put(s.path("UserPrincipalName").asString(), s);
            }
        });
        return latest;
    }

    /** The latest migrations, polled until each has succeeded, failed or been denied (or the time is up). */
    private static Map<String, JsonNode> waitUntilEnded(SampleTenantOnCalDav tenant) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            Map<String, JsonNode> latest = statusesByUser(tenant);
            boolean ended = latest.values().stream().map(s -> s.path("State").asString())
                    .allMatch(state -> List.of("Succeeded", "Failed", "Denied").contains(state));
            if (ended || Instant.now().isAfter(deadline)) {
                return latest;
            }
            Thread.sleep(100);
        }
    }

    private static Map<String, JsonNode> previewByUser(String json) {
        Map<String, JsonNode> byUser = new TreeMap<>();
        JSON.readTree(json).path("WhatIf").forEach(u -> byUser.put(u.path("UserPrincipalName").asString(), u));
        return byUser;
    }

    /** Each meeting's uid, recurrence id, outcome and reason, sorted. */
    private static List<String> outcomes(JsonNode meetings) {
        List<String> all = new ArrayList<>();
        meetings.forEach(m -> all.add(m.path("Uid").asString() + "|" + m.path("RecurrenceId").asString("") + "|"
                + m.path("Outcome").asString() + "|" + m.path("Reason").asString("")));
        return all.stream().sorted().toList();
    }

    private static String[] with(List<String> args, String... more) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
