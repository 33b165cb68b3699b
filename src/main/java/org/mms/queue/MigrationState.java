package org.mms.queue;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a migration request is in its life, with the one table of the moves it may make:
 *
 * <pre>
 * PENDING     → IN_PROGRESS              a worker claims it
 * IN_PROGRESS → SUCCEEDED | FAILED       the worker finishes it
 * IN_PROGRESS → PENDING                  the worker retries it later, or the reaper takes it back from a dead worker
 * SUCCEEDED, FAILED                      final
 * </pre>
 *
 * A change coalesced into a pending request, or a follow-up noted on a running one, is not a move: the
 * state stays.
 */
public enum MigrationState {
    PENDING("Pending"),
    IN_PROGRESS("InProgress"),
    SUCCEEDED("Succeeded"),
    FAILED("Failed");

    /** The order {@code Get-CsMeetingMigrationStatus -SummaryOnly} prints its rows in. */
    public static final List<MigrationState> SUMMARY_ORDER = List.of(PENDING, IN_PROGRESS, FAILED, SUCCEEDED);

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
            case PENDING -> EnumSet.of(IN_PROGRESS);
            case IN_PROGRESS -> EnumSet.of(SUCCEEDED, FAILED, PENDING);
            case SUCCEEDED, FAILED -> EnumSet.noneOf(MigrationState.class);
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
        return this == PENDING || this == IN_PROGRESS;
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
