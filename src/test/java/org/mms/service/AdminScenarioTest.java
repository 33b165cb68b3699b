package org.mms.service;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mms.admin.Requests;
import org.mms.admin.Views;
import org.mms.calendar.Mailbox;
import org.mms.directory.UserId;
import org.mms.sample.SampleOrganization;
import org.mms.testing.UndoGoldenRule;
import org.mms.testing.UnfoldedText;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an admin does from outside, against the running service and only with the cmdlets: preview a bridge change,
 * approve half of the migrations it queues, deny the other half, undo one, export the report, then compare every
 * figure with the calendars and the update messages in the pickup directory.
 */
class AdminScenarioTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    @Test
    void aPreviewedBridgeChangeApprovedInHalfDeniedInHalfWithOneUndoReportsWhatTheCalendarsAndTheOutboxShow() throws Exception {
        Path data = dir.resolve("data");
        SampleOrganization org = new SampleOrganization(6);
        Instant now = Instant.now();
        try (MmsService service = MmsService.start(AdminShell.onLoopback(data, 1), Clock.systemUTC())) {
            AdminShell admin = new AdminShell(service, data);
            admin.run("Import-CsDirectory", "-Path", Files.writeString(dir.resolve("directory.json"), org.directoryJson()).toString());
            Map<String, Map<String, byte[]>> original = new HashMap<>();
            for (SampleOrganization.Organizer o : org.organizers()) {
                Path ics = Files.write(dir.resolve(o.localPart() + ".ics"), org.calendar(o, now.plus(Duration.ofHours(1)), 20,
                        o.upn().hashCode()));
                admin.run("Import-CsCalendar", "-Identity", o.upn(), "-Path", ics.toString());
                original.put(o.upn(), stored(service, o.upn()));
            }
            admin.run("Set-CsTenantMigrationConfiguration", "-SettleWindowSeconds", "0", "-RequireApproval", "$true");

            // The preview: per user, what the change would do to each meeting.
            JsonNode preview = JSON.readTree(admin.run("Unregister-CsOnlineDialInConferencingServiceNumber", "-Identity",
                    SampleOrganization.TOLL_FREE, "-BridgeName", SampleOrganization.BRIDGE, "-WhatIf", "--json"));
            Map<String, JsonNode> previewed = new TreeMap<>();
            preview.path("WhatIf").forEach(u -> previewed.put(u.path("UserPrincipalName").asString(), u));
            assertThat(previewed).as(preview.toString()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(previewed.values()).allSatisfy(u -> assertThat(u.path("AwaitsApproval").asBoolean()).isTrue());
            assertThat(JSON.readTree(admin.run("Get-CsMeetingMigrationStatus", "--json"))).as("a preview queues nothing").isEmpty();
            for (SampleOrganization.Organizer o : org.organizers()) {
                assertThat(stored(service, o.upn())).as("a preview writes nothing").isEqualTo(original.get(o.upn()));
            }

            admin.run("Unregister-CsOnlineDialInConferencingServiceNumber", "-Identity", SampleOrganization.TOLL_FREE, "-BridgeName",
                    SampleOrganization.BRIDGE);

            Map<String, JsonNode> waiting = statusesByUser(admin);
            assertThat(waiting.keySet()).isEqualTo(previewed.keySet());
            waiting.forEach((upn, s) -> {
                JsonNode p = previewed.get(upn);
                assertThat(s.path("State").asString()).isEqualTo("AwaitingApproval");
                for (String figure : List.of("TotalMeeting", "SucceededMeeting", "FailedMeeting", "InvitesUpdate")) {
                    assertThat(s.path(figure).asInt()).as(upn + " " + figure).isEqualTo(p.path(figure).asInt());
                }
            });

            List<String> users = new ArrayList<>(previewed.keySet());
            List<String> approved = users.subList(0, (users.size() + 1) / 2);
            List<String> denied = users.subList((users.size() + 1) / 2, users.size());
            assertThat(approved).as("one to undo, one to keep").hasSizeGreaterThanOrEqualTo(2);
            assertThat(denied).isNotEmpty();
            for (String upn : approved) {
                assertThat(admin.run("Approve-CsMeetingMigration", "-Identity", upn)).contains("Pending");
            }
            assertThat(admin.run("Deny-CsMeetingMigration", "-All", "--json")).contains("Denied");

            Map<String, JsonNode> ended = waitUntilEnded(admin, Duration.ofSeconds(90));
            int updates = 0;
            for (String upn : approved) {
                JsonNode s = ended.get(upn);
                assertThat(s.path("State").asString()).as(s.toString()).isEqualTo("Succeeded");
                assertThat(outcomes(service.admin().migrationMeetings(MmsService.FIRST_TENANT, s.path("CorrelationId").asString())))
                        .as(upn + ": every meeting as previewed").isEqualTo(previewedOutcomes(previewed.get(upn)));
                assertThat(s.path("InvitesUpdate").asInt()).isEqualTo(previewed.get(upn).path("InvitesUpdate").asInt()).isPositive();
                updates += s.path("InvitesUpdate").asInt();
            }
            for (String upn : denied) {
                JsonNode s = ended.get(upn);
                assertThat(s.path("State").asString()).isEqualTo("Denied");
                assertThat(stored(service, upn)).as(upn + " untouched").isEqualTo(original.get(upn));
                assertThat(service.admin().migrationMeetings(MmsService.FIRST_TENANT, s.path("CorrelationId").asString())).isEmpty();
            }
            Map<String, Map<String, byte[]>> migrated = new HashMap<>();
            for (String upn : approved) {
                migrated.put(upn, stored(service, upn));
                assertThat(migrated.get(upn)).as(upn + " migrated").isNotEqualTo(original.get(upn));
            }

            String undone = approved.getFirst();
            String undoneMigration = ended.get(undone).path("CorrelationId").asString();
            JsonNode undoPreview = JSON.readTree(admin.run("Undo-CsMeetingMigration", "-CorrelationId", undoneMigration, "-WhatIf", "--json"));
            assertThat(undoPreview.path("ChangedSinceMeeting").asInt()).isZero();
            assertThat(statusesByUser(admin).get(undone).path("CorrelationId").asString()).as("a preview queues no undo")
                    .isEqualTo(undoneMigration);
            admin.run("Undo-CsMeetingMigration", "-CorrelationId", undoneMigration);
            JsonNode undo = waitUntilEnded(admin, Duration.ofSeconds(90)).get(undone);
            assertThat(undo.path("MigrationType").asString()).isEqualTo("Undo");
            assertThat(undo.path("State").asString()).isEqualTo("Succeeded");
            assertThat(undo.path("SucceededMeeting").asInt()).as("as previewed").isEqualTo(undoPreview.path("PutBackMeeting").asInt())
                    .isEqualTo(ended.get(undone).path("SucceededMeeting").asInt());
            Map<String, byte[]> putBack = stored(service, undone);
            original.get(undone).forEach((href, bytes) -> UndoGoldenRule.check(undone + " " + href, bytes, putBack.get(href)));
            updates += undo.path("InvitesUpdate").asInt();

            List<Path> messages = waitForMessages(service.config().mail().pickupDirectory(), updates);

            Path csv = dir.resolve("report.csv");
            Path json = dir.resolve("report.json");
            assertThat(admin.run("Export-CsMeetingMigrationReport", "-Path", csv.toString())).contains("CSV");
            assertThat(admin.run("Export-CsMeetingMigrationReport", "-Path", json.toString())).contains("JSON");
            JsonNode rows = JSON.readTree(Files.readString(json, UTF_8));
            List<String> csvLines = Files.readString(csv, UTF_8).lines().toList();
            assertThat(csvLines).hasSize(rows.size() + 1);
            assertThat(csvLines.getFirst()).startsWith("CorrelationId,MigrationType,Organizer,Uid");

            Map<String, java.util.Set<String>> migratedMeetings = new TreeMap<>();
            java.util.Set<String> messageIds = new java.util.TreeSet<>();
            for (JsonNode row : rows) {
                String correlation = row.path("CorrelationId").asString();
                String organizer = row.path("Organizer").asString();
                assertThat(csvLines).as("the CSV has the JSON's row").anySatisfy(line -> assertThat(line).startsWith(correlation + ",")
                        .contains("," + row.path("Uid").asString() + ",").contains("," + row.path("Outcome").asString() + ","));
                assertThat(denied).as("a denied migration handled no meeting").doesNotContain(organizer);
                if (!row.path("Outcome").asString().equals("Migrated")) {
                    continue;
                }
                migratedMeetings.computeIfAbsent(correlation, c -> new java.util.TreeSet<>()).add(row.path("Uid").asString());
                String messageId = row.path("MessageId").asString();
                assertThat(messageId).as(row.toString()).isNotEmpty();
                assertThat(messages).as("the pickup directory has message " + messageId)
                        .anySatisfy(m -> assertThat(m.getFileName().toString()).startsWith(MmsService.FIRST_TENANT.value() + "-" + messageId + "-"));
                messageIds.add(messageId);
                boolean isUndo = row.path("MigrationType").asString().equals("Undo");
                Map<String, byte[]> before = isUndo ? migrated.get(organizer) : original.get(organizer);
                Map<String, byte[]> after = isUndo ? putBack : migrated.get(organizer);
                String uid = "UID:" + row.path("Uid").asString();
                String tollFree = "tel:" + SampleOrganization.TOLL_FREE + ",";
                // The toll-free number leaves the block; the undo brings it back.
                assertThat(joined(before, uid)).as(row.toString()).contains(row.path("OldJoinUrl").asString(),
                        row.path("OldConferenceId").asString()).is(showing(tollFree, isUndo ? 0 : 1));
                assertThat(joined(after, uid)).as(row.toString()).contains(row.path("NewJoinUrl").asString(),
                        row.path("NewConferenceId").asString()).is(showing(tollFree, isUndo ? 1 : 0));
            }
            assertThat(messageIds).as("one message per updated resource, its changed occurrences with it").hasSize(updates);
            Map<String, Integer> succeeded = new TreeMap<>();
            for (String upn : approved) {
                succeeded.put(ended.get(upn).path("CorrelationId").asString(), ended.get(upn).path("SucceededMeeting").asInt());
            }
            succeeded.put(undo.path("CorrelationId").asString(), undo.path("SucceededMeeting").asInt());
            Map<String, Integer> migratedPerMigration = new TreeMap<>();
            migratedMeetings.forEach((correlation, uids) -> migratedPerMigration.put(correlation, uids.size()));
            assertThat(migratedPerMigration).as("meetings with Migrated rows per migration are its SucceededMeeting").isEqualTo(succeeded);
        }
    }

    /** Text holding {@code needle} ({@code 1}) or not ({@code 0}). */
    private static org.assertj.core.api.Condition<String> showing(String needle, int times) {
        return new org.assertj.core.api.Condition<>(text -> text.contains(needle) == (times > 0),
                (times > 0 ? "showing " : "not showing ") + needle);
    }

    /** The resources of a user's calendar holding {@code uid}, unfolded, one after the other. */
    private static String joined(Map<String, byte[]> calendar, String uid) {
        StringBuilder all = new StringBuilder();
        calendar.values().stream().map(UnfoldedText::of).filter(text -> text.contains(uid)).forEach(all::append);
        assertThat(all).as(uid).isNotEmpty();
        return all.toString();
    }

    private static List<String> outcomes(List<Views.MeetingResult> results) {
        return results.stream().map(r -> r.Uid() + "|" + Optional.ofNullable(r.RecurrenceId()).orElse("") + "|" + r.Outcome())
                .sorted().toList();
    }

    private static List<String> previewedOutcomes(JsonNode user) {
        List<String> all = new ArrayList<>();
        user.path("Meetings").forEach(m -> all.add(m.path("Uid").asString() + "|" + m.path("RecurrenceId").asString("") + "|"
                + m.path("Outcome").asString()));
        return all.stream().sorted().toList();
    }

    /** Each user's latest migration as Get-CsMeetingMigrationStatus lists them. */
    private static Map<String, JsonNode> statusesByUser(AdminShell admin) {
        Map<String, JsonNode> latest = new TreeMap<>();
        JSON.readTree(admin.run("Get-CsMeetingMigrationStatus", "--json")).forEach(s -> {
            JsonNode seen = latest.get(s.path("UserPrincipalName").asString());
            if (seen == null || !Instant.parse(s.path("CreateDate").asString()).isBefore(Instant.parse(seen.path("CreateDate").asString()))) {
                latest.put(s.path("UserPrincipalName").asString(), s);
            }
        });
        return latest;
    }

    private static Map<String, JsonNode> waitUntilEnded(AdminShell admin, Duration patience) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (true) {
            Map<String, JsonNode> latest = statusesByUser(admin);
            boolean ended = latest.values().stream().map(s -> s.path("State").asString())
                    .allMatch(state -> List.of("Succeeded", "Failed", "Denied").contains(state));
            if (ended || Instant.now().isAfter(deadline)) {
                return latest;
            }
            Thread.sleep(100);
        }
    }

    private static Map<String, byte[]> stored(MmsService service, String upn) {
        UserId id = new UserId(service.admin().users(MmsService.FIRST_TENANT, Optional.of(upn)).getFirst().UserId());
        Map<String, byte[]> all = new TreeMap<>();
        service.store().forEachCandidate(new Mailbox(MmsService.FIRST_TENANT, id), Instant.EPOCH, Instant.parse("9999-01-01T00:00:00Z"),
                500, r -> all.put(r.ref().href(), r.data()));
        return new BytesByHref(all);
    }

    /** Resources by href, equal when every resource is equal byte for byte. */
    private static final class BytesByHref extends TreeMap<String, byte[]> {
        BytesByHref(Map<String, byte[]> all) {
            super(all);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Map<?, ?> map && map.keySet().equals(keySet())
                    && keySet().stream().allMatch(k -> map.get(k) instanceof byte[] b && java.util.Arrays.equals(b, get(k)));
        }

        @Override
        public int hashCode() {
            return keySet().hashCode();
        }
    }

    private static List<Path> waitForMessages(Path pickup, int expected) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            List<Path> files;
            try (Stream<Path> listed = Files.exists(pickup) ? Files.list(pickup) : Stream.empty()) {
                files = listed.filter(p -> p.getFileName().toString().endsWith(".eml")).toList();
            }
            if (files.size() >= expected || Instant.now().isAfter(deadline)) {
                assertThat(files).as("one update message per migrated or put-back meeting").hasSize(expected);
                return files;
            }
            Thread.sleep(100);
        }
    }
}
