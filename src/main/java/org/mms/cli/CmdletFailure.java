package org.mms.cli;

import java.net.URI;

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

    /*
     * The failures of a call to the server, worded once for both clients (MmsClient, and QuickClient of
     * the status cmdlet's quick start), which must say the same.
     */

    static CmdletFailure unreachable(URI server, String why) {
        return forEveryCall("cannot reach the MMS server at " + server + " (" + why + "); is it running? MMS_URL sets where to look");
    }

    static CmdletFailure noConnection(URI server) {
        return unreachable(server, "no answer to the connection within " + ServerSettings.CONNECT_TIMEOUT.toSeconds() + " s");
    }

    static CmdletFailure noAnswer(URI server) {
        return forEveryCall("the MMS server at " + server + " did not answer within " + ServerSettings.REQUEST_TIMEOUT.toMinutes() + " minutes");
    }

    /** An error status: the token refused (401), else the problem document's {@code detail}, else the status itself. */
    static CmdletFailure refused(ServerSettings settings, ServerSettings.Token token, String method, String path, int status, String detail) {
        if (status == 401) {
            return forEveryCall("the MMS server at " + settings.url() + " refused the " + (settings.operator() ? "service operator's" : "admin")
                    + " token from " + token.source() + (detail.isEmpty() ? "" : ": " + detail));
        }
        if (!detail.isEmpty()) {
            // A role that may not do this may not do it for any user.
            return status == 403 ? forEveryCall(detail) : new CmdletFailure(detail);
        }
        return forEveryCall("the server at " + settings.url() + " answered " + method + " " + path + " with HTTP " + status + "; is MMS_URL the MMS server?");
    }

    static CmdletFailure notJson(URI server, String method, String path) {
        return forEveryCall("the server at " + server + " answered " + method + " " + path + " with something other than JSON; is MMS_URL the MMS server?");
    }
}
