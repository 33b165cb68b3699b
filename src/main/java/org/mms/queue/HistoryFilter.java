package org.mms.queue;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.mms.directory.UserId;

/**
 * Which state changes {@code Get-CsMeetingMigrationTransactionHistory} lists: one user's or one migration's
 * (at least one of the two), changed in {@code [from, before)}, either end open.
 */
public record HistoryFilter(Optional<UserId> user, Optional<CorrelationId> correlationId, Optional<Instant> from,
        Optional<Instant> before) {

    public HistoryFilter {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(before, "before");
        if (user.isEmpty() && correlationId.isEmpty()) {
            throw new IllegalArgumentException("the history is of one user or one migration: name either");
        }
    }

    public static HistoryFilter ofUser(UserId user) {
        return new HistoryFilter(Optional.of(user), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static HistoryFilter ofMigration(CorrelationId correlationId) {
        return new HistoryFilter(Optional.empty(), Optional.of(correlationId), Optional.empty(), Optional.empty());
    }

    public HistoryFilter changedBetween(Optional<Instant> start, Optional<Instant> end) {
        return new HistoryFilter(user, correlationId, start, end);
    }
}
