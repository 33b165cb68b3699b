package org.mms.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mms.dashboard.DashboardQueries;
import org.mms.directory.TenantId;

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
