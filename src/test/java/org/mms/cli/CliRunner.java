package org.mms.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/** Lets tests in other packages run the command line with their own streams and environment. */
public final class CliRunner {

    private CliRunner() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        return MmsCommand.run(args, out, err, env);
    }

    /** With {@code in} as standard input. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
        return MmsCommand.run(args, in, out, err, env);
    }
}
