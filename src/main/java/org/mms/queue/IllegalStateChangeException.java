package org.mms.queue;

/** A request was asked to make a move the state table does not allow: a bug, never an expected outcome. */
public final class IllegalStateChangeException extends IllegalStateException {

    private final MigrationState from;
    private final MigrationState to;

    public IllegalStateChangeException(MigrationState from, MigrationState to) {
        super("a migration request cannot go from " + from.displayName() + " to " + to.displayName()
                + "; from " + from.displayName() + " it can only go to " + from.next());
        this.from = from;
        this.to = to;
    }

    public MigrationState from() {
        return from;
    }

    public MigrationState to() {
        return to;
    }
}
