package org.mms.queue;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.mms.directory.UserId;

/**
 * Which requests a status query is about ({@code -Identity}, {@code -State}, {@code -StartTime},
 * {@code -EndTime}). Every part is optional; an empty part does not filter.
 *
 * @param users         only these users' requests; empty for everyone
 * @param state         only requests in this state
 * @param createdFrom   only requests created at or after this
 * @param createdBefore only requests created before this
 */
public record StatusFilter(Set<UserId> users, Optional<MigrationState> state, Optional<Instant> createdFrom,
        Optional<Instant> createdBefore) {

    public StatusFilter {
        users = Set.copyOf(users);
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdFrom, "createdFrom");
        Objects.requireNonNull(createdBefore, "createdBefore");
    }

    public static StatusFilter all() {
        return new StatusFilter(Set.of(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public StatusFilter forUsers(Set<UserId> only) {
        return new StatusFilter(only, state, createdFrom, createdBefore);
    }

    public StatusFilter inState(MigrationState only) {
        return new StatusFilter(users, Optional.of(only), createdFrom, createdBefore);
    }

    /** Created in {@code [from, before)}; either end may be left open. */
    public StatusFilter createdBetween(Optional<Instant> from, Optional<Instant> before) {
        return new StatusFilter(users, state, from, before);
    }
}
