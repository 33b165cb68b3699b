package org.mms.cli;

/**
 * A cmdlet could not be carried out: the server refused it, could not be reached, or the CLI is not
 * set up to reach it. The message is the one line the admin sees (exit code 1). A run over many users
 * goes on after a refusal about one user, and stops at a failure that {@link #stopsEveryCall() stops
 * every call} (no server, a refused token).
 */
final class CmdletFailure extends RuntimeException {

    private final boolean stopsEveryCall;

    CmdletFailure(String message) {
        this(message, false);
    }

    private CmdletFailure(String message, boolean stopsEveryCall) {
        super(message);
        this.stopsEveryCall = stopsEveryCall;
    }

    /** A failure no other user would escape: the server is unreachable, refuses the token, or is not MMS. */
    static CmdletFailure forEveryCall(String message) {
        return new CmdletFailure(message, true);
    }

    boolean stopsEveryCall() {
        return stopsEveryCall;
    }
}
