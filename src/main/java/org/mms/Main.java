package org.mms;

import org.mms.cli.MmsCommand;

/** Entry point of the {@code mms} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(MmsCommand.run(args));
    }
}
