package org.mms.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.mms.directory.TenantId;

/** What the dashboard reads beyond the cmdlets' views: the journal's blocks, the pace and the update messages. Always one tenant's. */
public interface DashboardQueries {

    /** Each meeting one migration looked at, in the order handled, with the block before and after when it was rewritten. */
    List<MeetingChange> changes(TenantId tenant, String correlationId);

    /** Meetings migrated (and written) in each of {@code buckets} intervals of {@code step} from {@code from} on. */
    long[] migrated(TenantId tenant, Instant from, Duration step, int buckets);

    /** Migrations that ended (succeeded or failed) since then. */
    long finishedSince(TenantId tenant, Instant since);

    /** Update messages by state (PENDING, SENT, FAILED, …). */
    Map<String, Long> updates(TenantId tenant);

    /** One meeting of a migration; the blocks are null when the meeting was not rewritten. */
    record MeetingChange(String uid, String recurrenceId, String subject, Instant start, String outcome, String reason,
            String detail, String previousBlock, String newBlock, Instant at) {
    }
}
