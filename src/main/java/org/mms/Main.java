package org.mms;

import org.mms.cli.MmsCommand;
import org.mms.cli.QuickCmdlets;

/** Entry point of the {@code mms} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // The version and the status cmdlet first, before the command line library and the JDK HTTP client are
        // loaded: most of a one-shot call's time is the JVM loading classes.
        if (QuickCmdlets.answer(args) instanceof QuickCmdlets.Outcome.Answered(int exitCode)) {
            System.exit(exitCode);
        }
        System.exit(MmsCommand.run(args));
    }
}
