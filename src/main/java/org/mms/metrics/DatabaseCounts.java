package org.mms.metrics;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mms.directory.TenantId;
import org.mms.migration.MigrationType;
import org.mms.queue.MigrationState;

/**
 * What the database holds, counted at one moment: every process sharing the database sees the same, so
 * these are the service's figures, not one process's.
 *
 * @param migrations migration requests by tenant, state and type
 * @param meetings   the journal's meetings by tenant, outcome and reason (as {@code Get-CsMeetingMigrationDetail} shows them)
 * @param updates    update messages by tenant and outbox state
 * @param backlogs   per tenant, what waits and since when
 */
public record DatabaseCounts(List<Migrations> migrations, List<Meetings> meetings, List<Updates> updates, List<Backlog> backlogs) {

    public DatabaseCounts {
        migrations = List.copyOf(migrations);
        meetings = List.copyOf(meetings);
        updates = List.copyOf(updates);
        backlogs = List.copyOf(backlogs);
    }

    public record Migrations(TenantId tenant, MigrationState state, MigrationType type, long count) {
        public Migrations {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(type, "type");
        }
    }

    /** @param reason the skip or failure reason, none for migrated and unchanged meetings */
    public record Meetings(TenantId tenant, String outcome, Optional<String> reason, long count) {
        public Meetings {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(reason, "reason");
        }
    }

    public record Updates(TenantId tenant, String state, long count) {
        public Updates {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(state, "state");
        }
    }

    /**
     * @param pending        migration requests waiting (settling, or due and not claimed yet)
     * @param oldestDue      the earliest due time among the pending requests that are due now
     * @param unsent         update messages due or being sent
     * @param oldestUnsent   when the oldest of those was queued
     */
    public record Backlog(TenantId tenant, long pending, Optional<Instant> oldestDue, long unsent, Optional<Instant> oldestUnsent) {
        public Backlog {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(oldestDue, "oldestDue");
            Objects.requireNonNull(oldestUnsent, "oldestUnsent");
        }
    }
}
