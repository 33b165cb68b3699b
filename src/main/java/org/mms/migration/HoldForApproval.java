package org.mms.migration;

import java.util.Optional;
import org.mms.directory.ApprovalSettings;
import org.mms.queue.ApprovalHold;
import org.mms.queue.Counts;

/**
 * Whether a migration waits for an admin's approval, from the tenant's settings and the migration's preview, and
 * what it shows while it waits. One rule for a change queued by an admin and for a follow-up a worker queues.
 */
public final class HoldForApproval {

    private HoldForApproval() {
    }

    /** The hold, or none when the migration may run; {@code alreadyWaiting}: it waits anyway, with its preview brought up to date. */
    public static Optional<ApprovalHold> of(ApprovalSettings settings, PreviewMigration.Preview preview, boolean alreadyWaiting) {
        if (!settings.needsApproval(preview.updated()) && !alreadyWaiting) {
            return Optional.empty();
        }
        MigrateOrganizer.Result r = preview.counts();
        return Optional.of(new ApprovalHold(new Counts(r.total(), r.succeeded(), r.failed(), r.invites()),
                "waiting for approval: would update " + plural(preview.updated(), "meeting") + " and send " + plural(r.invites(), "update")
                        + " to " + plural(preview.attendees(), "attendee") + " (Approve-CsMeetingMigration or Deny-CsMeetingMigration)"));
    }

    /** The calendar could not be read for a preview: the migration waits, so that an admin decides rather than a guess. */
    public static ApprovalHold withoutPreview(String why) {
        return new ApprovalHold(Counts.NONE, "waiting for approval: the calendar could not be read for a preview (" + OneLine.of(why) + ")");
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
