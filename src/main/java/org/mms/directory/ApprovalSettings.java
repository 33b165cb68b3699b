package org.mms.directory;

import java.util.Objects;
import java.util.Optional;

/**
 * When a tenant's migrations wait for an admin's approval ({@code Set-CsTenantMigrationConfiguration
 * -RequireApproval -ApprovalThresholdMeetings}).
 *
 * @param requireApproval    every migration waits
 * @param thresholdMeetings  a migration whose preview would update more meetings than this waits even when approval is
 *                           not required; none by default
 */
public record ApprovalSettings(boolean requireApproval, Optional<Integer> thresholdMeetings) {

    public static final ApprovalSettings NONE = new ApprovalSettings(false, Optional.empty());

    public ApprovalSettings {
        Objects.requireNonNull(thresholdMeetings, "thresholdMeetings");
        thresholdMeetings.filter(n -> n < 0).ifPresent(n -> {
            throw new IllegalArgumentException("the approval threshold cannot be negative: " + n);
        });
    }

    /** Whether a migration can wait at all, i.e. whether its preview is worth computing before it is queued. */
    public boolean anyApproval() {
        return requireApproval || thresholdMeetings.isPresent();
    }

    /** Whether a migration that would update {@code meetingsToUpdate} meetings waits for approval. */
    public boolean needsApproval(int meetingsToUpdate) {
        return requireApproval || thresholdMeetings.filter(n -> meetingsToUpdate > n).isPresent();
    }
}
