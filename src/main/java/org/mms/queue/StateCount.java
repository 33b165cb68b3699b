package org.mms.queue;

import java.util.Objects;

/** One row of {@code Get-CsMeetingMigrationStatus -SummaryOnly}: a state and how many users have a request in it. */
public record StateCount(MigrationState state, long userCount) {
    public StateCount {
        Objects.requireNonNull(state, "state");
        if (userCount < 0) {
            throw new IllegalArgumentException("a count cannot be negative: " + userCount);
        }
    }
}
