package org.mms.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mms} command: the offline migration tool now, the service and the cmdlets later. */
@Command(name = "mms", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "MMS, the Meeting Migration Service: moves an organizer's future meetings to new online-meeting coordinates.",
        subcommands = {MigrateIcsCommand.class, CommandLine.HelpCommand.class})
public final class MmsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and returns the exit code (see {@link ExitCodes}). */
    public static int run(String[] args) {
        return run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new MmsCommand());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setSubcommandsCaseInsensitive(true);
        cli.setAbbreviatedOptionsAllowed(false);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new ExitCodes());
        cli.setExitCodeExceptionMapper(new ExitCodes());
        return cli.execute(args);
    }
}
