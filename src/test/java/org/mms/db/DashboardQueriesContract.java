package org.mms.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mms.admin.Views;
import org.mms.dashboard.DashboardQueries;
import org.mms.directory.TenantId;
import org.mms.directory.UserId;
import org.mms.migration.MigrationType;
import org.mms.queue.MigrationState;

/**
 * What the dashboard reads, on each database: rows written as the journal, the queue and the outbox write
 * them, read back for one tenant only. Each test uses tenants of its own on the shared database.
 */
abstract class DashboardQueriesContract {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    /** The database of the test class. */
    protected abstract Database db();

    private DashboardQueries queries() {
        return new JdbcDashboardQueries(db());
    }

    private TenantId tenant() {
        TenantId tenant = new TenantId("t-" + UUID.randomUUID().toString().substring(0, 8));
        QueueTenants.create(db(), tenant);
        return tenant;
    }

    @Test
    void aMigrationsChangesCarryTheBlocksOfWrittenMeetingsOnlyAndNothingOfAbandonedOnesOrOfAnotherTenant() {
        TenantId tenant = tenant();
        TenantId other = tenant();
        change(tenant, "c1", "uid-1", "MIGRATED", "WRITTEN", T0, "old 1", "new 1");
        change(tenant, "c1", "uid-2", "MIGRATED", "WRITING", T0, "old 2", "new 2");
        change(tenant, "c1", "uid-3", "MIGRATED", "ABANDONED", T0, "old 3", "new 3");
        change(tenant, "c1", "uid-4", "SKIPPED", "WRITTEN", T0, null, null);
        change(other, "c1", "uid-5", "MIGRATED", "WRITTEN", T0, "old 5", "new 5");

        var changes = queries().changes(tenant, "c1");

        assertThat(changes).extracting(DashboardQueries.MeetingChange::uid).containsExactly("uid-1", "uid-2", "uid-4");
        assertThat(changes.get(0).previousBlock()).isEqualTo("old 1");
        assertThat(changes.get(0).newBlock()).isEqualTo("new 1");
        assertThat(changes.get(1).previousBlock()).as("not confirmed written").isNull();
        assertThat(changes.get(2).outcome()).isEqualTo("SKIPPED");
    }

    @Test
    void migratedMeetingsAreCountedPerIntervalForOneTenantOnlyAndOnlyOnceWritten() {
        TenantId tenant = tenant();
        change(tenant, "c2", "a", "MIGRATED", "WRITTEN", T0.plusSeconds(30), "o", "n");
        change(tenant, "c2", "b", "MIGRATED", "WRITTEN", T0.plusSeconds(59), "o", "n");
        change(tenant, "c2", "c", "MIGRATED", "WRITTEN", T0.plusSeconds(150), "o", "n");
        change(tenant, "c2", "d", "MIGRATED", "WRITING", T0.plusSeconds(150), "o", "n");
        change(tenant, "c2", "e", "SKIPPED", "WRITTEN", T0.plusSeconds(150), null, null);
        change(tenant, "c2", "f", "MIGRATED", "WRITTEN", T0.plusSeconds(180), "o", "n");
        change(tenant(), "c2", "g", "MIGRATED", "WRITTEN", T0.plusSeconds(30), "o", "n");

        assertThat(queries().migrated(tenant, T0, Duration.ofMinutes(1), 3)).containsExactly(2, 0, 1);
    }

    @Test
    void endedMigrationsAreCountedSinceATime() {
        TenantId tenant = tenant();
        request(tenant, "SUCCEEDED", T0.plusSeconds(10));
        request(tenant, "FAILED", T0.plusSeconds(20));
        request(tenant, "SUCCEEDED", T0.minusSeconds(10));
        request(tenant(), "SUCCEEDED", T0.plusSeconds(10));

        assertThat(queries().finishedSince(tenant, T0)).isEqualTo(2);
    }

    @Test
    void updateMessagesAreCountedByStateForOneTenant() {
        TenantId tenant = tenant();
        message(tenant, "PENDING");
        message(tenant, "PENDING");
        message(tenant, "SENT");
        message(tenant(), "FAILED");

        assertThat(queries().updates(tenant)).isEqualTo(Map.of("PENDING", 2L, "SENT", 1L));
    }

    @Test
    void aMeetingChangeCarriesItsHtmlBlocksAndWhetherTheyWereRecordedAtAll() {
        TenantId tenant = tenant();
        change(tenant, "c5", "before-html", "MIGRATED", "WRITTEN", T0, "old", "new");
        db().jdbi().useHandle(h -> h.createUpdate("""
                        INSERT INTO meeting_change (tenant_id, user_id, correlation_id, href, uid, subject, outcome, previous_block,
                          new_block, previous_html_block, new_html_block, html_recorded, write_state, created_at)
                        VALUES (:t, 'u', 'c5', '/h.ics', 'with-html', 'subject', 'MIGRATED', 'old', 'new', '<p>old</p>', '<p>new</p>', TRUE,
                          'WRITTEN', :at)""")
                .bind("t", tenant.value()).bind("at", T0.atOffset(ZoneOffset.UTC)).execute());

        var changes = queries().changes(tenant, "c5");

        assertThat(changes.get(0).htmlRecorded()).as("journaled before the HTML was kept").isFalse();
        assertThat(changes.get(0).previousHtmlBlock()).isNull();
        assertThat(changes.get(1).htmlRecorded()).isTrue();
        assertThat(changes.get(1).previousHtmlBlock()).isEqualTo("<p>old</p>");
        assertThat(changes.get(1).newHtmlBlock()).isEqualTo("<p>new</p>");
    }

    @Test
    void migrationsComeAHundredToAPageNewestFirstAndAPagePastTheEndIsTheLast() {
        TenantId tenant = tenant();
        for (int i = 0; i < 250; i++) {
            migration(tenant, "u" + i, "SUCCEEDED", "ALL_TO_TEAMS", T0.plusSeconds(i), "");
        }
        migration(tenant(), "other", "SUCCEEDED", "ALL_TO_TEAMS", T0.plusSeconds(999), "");

        var first = queries().migrations(tenant, DashboardQueries.MigrationFilter.none(), new DashboardQueries.PageRequest(1, 100));
        var last = queries().migrations(tenant, DashboardQueries.MigrationFilter.none(), new DashboardQueries.PageRequest(3, 100));
        var past = queries().migrations(tenant, DashboardQueries.MigrationFilter.none(), new DashboardQueries.PageRequest(9, 100));

        assertThat(first.total()).isEqualTo(250);
        assertThat(first.pages()).isEqualTo(3);
        assertThat(first.rows()).hasSize(100);
        assertThat(first.rows().getFirst().UserId()).isEqualTo("u249");
        assertThat(first.rows().getLast().UserId()).isEqualTo("u150");
        assertThat(first.hasPrevious()).isFalse();
        assertThat(first.hasNext()).isTrue();
        assertThat(last.rows()).extracting(Views.MigrationStatus::UserId).hasSize(50).startsWith("u49").endsWith("u0");
        assertThat(last.hasNext()).isFalse();
        assertThat(past.number()).isEqualTo(3);
        assertThat(past.rows()).isEqualTo(last.rows());
        var searched = queries().migrations(tenant, search("@example"), new DashboardQueries.PageRequest(2, 100));
        var searchedPast = queries().migrations(tenant, search("@example"), new DashboardQueries.PageRequest(9, 100));
        assertThat(searched.total()).isEqualTo(250);
        assertThat(searched.rows()).extracting(Views.MigrationStatus::UserId).hasSize(100).startsWith("u149").endsWith("u50");
        assertThat(searchedPast.number()).isEqualTo(3);
        assertThat(searchedPast.rows()).isEqualTo(last.rows());
    }

    @Test
    void migrationsAreFilteredByUserStateTypeAndTimeAndSearchedWithWildcardsTakenAsTyped() {
        TenantId tenant = tenant();
        migration(tenant, "alice", "SUCCEEDED", "ALL_TO_TEAMS", T0, "100% of the meetings");
        migration(tenant, "alice", "FAILED", "SFB_TO_SFB", T0.plusSeconds(60), "1000 meetings");
        migration(tenant, "bob", "SUCCEEDED", "SFB_TO_SFB", T0.plusSeconds(120), "");
        migration(tenant(), "alice", "SUCCEEDED", "ALL_TO_TEAMS", T0.plusSeconds(180), "100% of the meetings");

        assertThat(users(tenant, new DashboardQueries.MigrationFilter(Optional.of(new UserId("alice")), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()))).containsExactly("alice", "alice");
        assertThat(users(tenant, new DashboardQueries.MigrationFilter(Optional.empty(), Optional.of(MigrationState.SUCCEEDED),
                Optional.empty(), Optional.empty(), Optional.empty()))).containsExactly("bob", "alice");
        assertThat(users(tenant, new DashboardQueries.MigrationFilter(Optional.empty(), Optional.empty(), Optional.of(T0.plusSeconds(60)),
                Optional.empty(), Optional.empty()))).containsExactly("bob", "alice");
        assertThat(users(tenant, new DashboardQueries.MigrationFilter(Optional.of(new UserId("alice")), Optional.empty(), Optional.empty(),
                Optional.of(MigrationType.SFB_TO_SFB), Optional.empty()))).containsExactly("alice");
        assertThat(users(tenant, search("BOB@"))).as("the UPN, case-insensitively").containsExactly("bob");
        assertThat(users(tenant, search("100%"))).as("% is not a wildcard").containsExactly("alice");
        assertThat(users(tenant, search("1_0"))).as("_ is not a wildcard").isEmpty();
        assertThat(users(tenant, search("it's!'"))).isEmpty();
    }

    @Test
    void triggerDecisionsComeAPageAtATimeNewestFirstForOneUserOfOneTenant() {
        TenantId tenant = tenant();
        for (int i = 0; i < 120; i++) {
            decision(tenant, i % 2 == 0 ? "alice" : "bob", T0.plusSeconds(i));
        }
        decision(tenant(), "alice", T0.plusSeconds(500));

        var all = queries().decisions(tenant, Optional.empty(), new DashboardQueries.PageRequest(2, 100));
        var alice = queries().decisions(tenant, Optional.of(new UserId("alice")), new DashboardQueries.PageRequest(1, 100));

        assertThat(all.total()).isEqualTo(120);
        assertThat(all.rows()).hasSize(20);
        assertThat(all.rows().getFirst().DecidedAt()).isEqualTo(T0.plusSeconds(19));
        assertThat(alice.total()).isEqualTo(60);
        assertThat(alice.rows()).hasSize(60).allSatisfy(d -> assertThat(d.UserId()).isEqualTo("alice"));
        assertThat(alice.rows().getFirst().DecidedAt()).isEqualTo(T0.plusSeconds(118));
    }

    private static DashboardQueries.MigrationFilter search(String text) {
        return new DashboardQueries.MigrationFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(text));
    }

    @Test
    void theTimeAMigrationsOrganizerWasSentTheNoticeIsReadForItsOwnTenantOnly() {
        TenantId tenant = tenant();
        TenantId other = tenant();
        String told = UUID.randomUUID().toString();
        String notTold = UUID.randomUUID().toString();
        noticed(tenant, told, Optional.of(T0));
        noticed(tenant, notTold, Optional.empty());

        assertThat(queries().noticeSentAt(tenant, told)).contains(T0);
        assertThat(queries().noticeSentAt(tenant, notTold)).isEmpty();
        assertThat(queries().noticeSentAt(other, told)).as("another tenant's migration").isEmpty();
        assertThat(queries().noticeSentAt(tenant, "no-such-migration")).isEmpty();
    }

    private void noticed(TenantId tenant, String correlationId, Optional<Instant> sent) {
        db().jdbi().useHandle(h -> h.createUpdate("""
                        INSERT INTO migration_request (correlation_id, tenant_id, user_id, upn, migration_type, trigger, state, due_at,
                          settle_ms, attempts, retry_count, follow_up, total_meeting, succeeded_meeting, failed_meeting, invites_update,
                          last_message, create_date, modified_date, notice_sent_at)
                        VALUES (:c, :t, 'u', 'u@example.com', 'AllToTeams', 'test', 'PENDING', :at, 0, 1, 0, FALSE, 0, 0, 0, 0, '', :at, :at,
                          :sent)""")
                .bind("c", correlationId).bind("t", tenant.value()).bind("at", T0.atOffset(ZoneOffset.UTC))
                .bind("sent", sent.map(s -> s.atOffset(ZoneOffset.UTC)).orElse(null)).execute());
    }

    private java.util.List<String> users(TenantId tenant, DashboardQueries.MigrationFilter filter) {
        return queries().migrations(tenant, filter, new DashboardQueries.PageRequest(1, 100)).rows().stream()
                .map(Views.MigrationStatus::UserId).toList();
    }

    private void migration(TenantId tenant, String user, String state, String type, Instant created, String lastMessage) {
        db().jdbi().useHandle(h -> h.createUpdate("""
                        INSERT INTO migration_request (correlation_id, tenant_id, user_id, upn, migration_type, trigger, state, due_at,
                          settle_ms, attempts, retry_count, follow_up, total_meeting, succeeded_meeting, failed_meeting, invites_update,
                          last_message, create_date, modified_date, finished_at)
                        VALUES (:c, :t, :u, :upn, :type, 'test', :state, :at, 0, 1, 0, FALSE, 0, 0, 0, 0, :message, :at, :at, :at)""")
                .bind("c", UUID.randomUUID().toString()).bind("t", tenant.value()).bind("u", user).bind("upn", user + "@Example.com")
                .bind("type", type).bind("state", state).bind("message", lastMessage).bind("at", created.atOffset(ZoneOffset.UTC)).execute());
    }

    private void decision(TenantId tenant, String user, Instant at) {
        new JdbcDecisionLog(db()).record(tenant, new Views.TriggerDecision(user, user + "@example.com", "ManualMigration", "", "Queued",
                "AllToTeams", "", null, at));
    }

    private void change(TenantId tenant, String correlationId, String uid, String outcome, String writeState, Instant at,
            String previous, String next) {
        db().jdbi().useHandle(h -> h.createUpdate("""
                        INSERT INTO meeting_change (tenant_id, user_id, correlation_id, href, uid, subject, outcome, previous_block,
                          new_block, write_state, created_at)
                        VALUES (:t, 'u', :c, :href, :uid, 'subject', :outcome, :previous, :next, :state, :at)""")
                .bind("t", tenant.value()).bind("c", correlationId).bind("href", "/" + uid + ".ics").bind("uid", uid)
                .bind("outcome", outcome).bind("previous", previous).bind("next", next).bind("state", writeState)
                .bind("at", at.atOffset(ZoneOffset.UTC)).execute());
    }

    private void request(TenantId tenant, String state, Instant modified) {
        db().jdbi().useHandle(h -> h.createUpdate("""
                        INSERT INTO migration_request (correlation_id, tenant_id, user_id, upn, migration_type, trigger, state, due_at,
                          settle_ms, attempts, retry_count, follow_up, total_meeting, succeeded_meeting, failed_meeting, invites_update,
                          last_message, create_date, modified_date, finished_at)
                        VALUES (:c, :t, 'u', 'u@example.com', 'AllToTeams', 'test', :state, :at, 0, 1, 0, FALSE, 0, 0, 0, 0, '', :at, :at, :at)""")
                .bind("c", UUID.randomUUID().toString()).bind("t", tenant.value()).bind("state", state)
                .bind("at", modified.atOffset(ZoneOffset.UTC)).execute());
    }

    private void message(TenantId tenant, String state) {
        db().jdbi().useHandle(h -> h.createUpdate("""
                        INSERT INTO outbox_message (tenant_id, user_id, correlation_id, href, uid, sequence, organizer, state, attempts,
                          next_attempt_at, created_at)
                        VALUES (:t, 'u', 'c', '/m.ics', 'm', 1, 'o@example.com', :state, 0, :at, :at)""")
                .bind("t", tenant.value()).bind("state", state).bind("at", T0.atOffset(ZoneOffset.UTC)).execute());
    }
}
