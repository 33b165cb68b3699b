package org.mms.db;

import java.time.OffsetDateTime;
import org.jdbi.v3.core.Handle;
import org.mms.directory.TenantId;

/**
 * What retention removes with a migration that ended before the cutoff: its request, its history, what it did to
 * each meeting (with the bytes an undo would have put back, which are the invitations themselves), its sent or given-up
 * update messages, and the trigger decisions made before the cutoff. A tenant's records must not outlive the
 * {@code RetentionDays} it set (each tenant is purged by its own): the journal is the largest of them and holds its people's meeting titles and bodies.
 *
 * <p>A write that was never settled (a worker died between announcing and confirming it) stays, with its previous
 * bytes and its held message: the organizer's next run settles it by them, whatever became of its request.
 */
final class PurgeFinishedMigrations {

    private static final String ENDED = "SELECT correlation_id FROM migration_request"
            + " WHERE tenant_id = :tenant AND state IN ('SUCCEEDED', 'FAILED', 'DENIED') AND finished_at < :cutoff";

    private PurgeFinishedMigrations() {
    }

    /** Removes what of the tenant's ended before {@code cutoff}; the number of migration requests removed. */
    static int before(Handle h, TenantId tenant, OffsetDateTime cutoff) {
        delete(h, "DELETE FROM migration_transition WHERE tenant_id = :tenant AND correlation_id IN (" + ENDED + ")", tenant, cutoff);
        delete(h, "DELETE FROM meeting_change WHERE tenant_id = :tenant AND write_state <> 'WRITING'"
                + " AND correlation_id IN (" + ENDED + ")", tenant, cutoff);
        delete(h, "DELETE FROM written_resource WHERE tenant_id = :tenant AND correlation_id IN (" + ENDED + ")"
                + " AND NOT EXISTS (SELECT 1 FROM meeting_change m WHERE m.correlation_id = written_resource.correlation_id"
                + " AND m.href = written_resource.href)", tenant, cutoff);
        // Their content goes with them (outbox_content cascades); a message still waiting to be sent is kept whatever
        // became of its migration.
        delete(h, "DELETE FROM outbox_message WHERE tenant_id = :tenant AND state IN ('SENT', 'FAILED')"
                + " AND correlation_id IN (" + ENDED + ")", tenant, cutoff);
        delete(h, "DELETE FROM trigger_decision WHERE tenant_id = :tenant AND decided_at < :cutoff", tenant, cutoff);
        return delete(h, "DELETE FROM migration_request WHERE tenant_id = :tenant AND state IN ('SUCCEEDED', 'FAILED', 'DENIED')"
                + " AND finished_at < :cutoff", tenant, cutoff);
    }

    private static int delete(Handle h, String sql, TenantId tenant, OffsetDateTime cutoff) {
        return h.createUpdate(sql).bind("tenant", tenant.value()).bind("cutoff", cutoff).execute();
    }
}
