package org.mms.cli;

/**
 * A cmdlet could not be carried out: the server refused it, could not be reached, or the CLI is not
 * set up to reach it. The message is the one line the admin sees (exit code 1).
 */
final class CmdletFailure extends RuntimeException {

    CmdletFailure(String message) {
        super(message);
    }
}
