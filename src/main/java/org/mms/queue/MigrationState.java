package org.mms.queue;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a migration request is in its life, with the one table of the moves it may make:
 *
 * <pre>
 * PENDING           → IN_PROGRESS          a worker claims it
 * PENDING           → AWAITING_APPROVAL    a change joins it and the migration now needs an admin's approval
 * PENDING           → DENIED               an admin denies it while it waits after a notice to its organizer
 * AWAITING_APPROVAL → PENDING              an admin approves it (Approve-CsMeetingMigration)
 * AWAITING_APPROVAL → DENIED               an admin denies it (Deny-CsMeetingMigration)
 * IN_PROGRESS       → SUCCEEDED | FAILED   the worker finishes it
 * IN_PROGRESS       → PENDING              the worker retries it later, or sent its organizer a notice and waits, or the
 *                                          reaper takes it back from a dead worker
 * SUCCEEDED, FAILED, DENIED                final
 * </pre>
 *
 * A request can also start out awaiting approval. A change coalesced into a pending or waiting request, or a
 * follow-up noted on a running one, is not a move: the state stays. Workers claim only pending requests.
 */
public enum MigrationState {
    PENDING("Pending"),
    AWAITING_APPROVAL("AwaitingApproval"),
    IN_PROGRESS("InProgress"),
    SUCCEEDED("Succeeded"),
    FAILED("Failed"),
    DENIED("Denied");

    /** The order {@code Get-CsMeetingMigrationStatus -SummaryOnly} prints its rows in. */
    public static final List<MigrationState> SUMMARY_ORDER = List.of(PENDING, AWAITING_APPROVAL, IN_PROGRESS, FAILED, SUCCEEDED, DENIED);

    private final String displayName;

    MigrationState(String displayName) {
        this.displayName = displayName;
    }

    /** The name the status output uses, e.g. {@code InProgress}. */
    public String displayName() {
        return displayName;
    }

    /** The states this one may move to. */
    public Set<MigrationState> next() {
        return switch (this) {
            case PENDING -> EnumSet.of(IN_PROGRESS, AWAITING_APPROVAL, DENIED);
            case AWAITING_APPROVAL -> EnumSet.of(PENDING, DENIED);
            case IN_PROGRESS -> EnumSet.of(SUCCEEDED, FAILED, PENDING);
            case SUCCEEDED, FAILED, DENIED -> EnumSet.noneOf(MigrationState.class);
        };
    }

    public boolean canMoveTo(MigrationState target) {
        return next().contains(target);
    }

    /** Returns {@code target} when the move is allowed; a request never makes any other move. */
    public MigrationState moveTo(MigrationState target) {
        if (!canMoveTo(target)) {
            throw new IllegalStateChangeException(this, target);
        }
        return target;
    }

    /** A request in this state is still the user's one active request. */
    public boolean isActive() {
        return this == PENDING || this == AWAITING_APPROVAL || this == IN_PROGRESS;
    }

    /** The state by its display name or enum name, in any case ({@code -State inprogress}). */
    public static Optional<MigrationState> byDisplayName(String name) {
        for (MigrationState s : values()) {
            if (s.displayName.equalsIgnoreCase(name) || s.name().equalsIgnoreCase(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
