package org.mms.admin;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mms.directory.TenantId;
import org.mms.directory.UserId;

/** What each migration did to each meeting, for {@code Get-CsMeetingMigrationDetail} and {@code Export-CsMeetingMigrationReport}. */
public interface MeetingHistory {

    /** Every meeting (component) one migration looked at, with its outcome and reason, in the order they were handled. */
    List<Views.MeetingResult> meetings(TenantId tenant, String correlationId);

    /** The report's rows: every meeting the matching migrations looked at, in the order they were handled. */
    List<Views.MeetingReport> report(TenantId tenant, ReportFilter filter);

    /** What these migrations of the user wrote, for an undo's preview. */
    List<org.mms.migration.MigrationJournal.WrittenResource> writtenBy(TenantId tenant, UserId user, List<String> correlationIds);

    /**
     * Which meetings a report covers; every part optional.
     *
     * @param outcome {@code MIGRATED}, {@code UNCHANGED}, {@code SKIPPED} or {@code FAILED}
     * @param from    handled at or after this
     * @param before  handled before this
     */
    record ReportFilter(Optional<UserId> user, Optional<String> correlationId, Optional<Instant> from, Optional<Instant> before,
            Optional<String> outcome) {
        public ReportFilter {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(correlationId, "correlationId");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(outcome, "outcome");
        }
    }
}
