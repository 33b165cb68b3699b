package org.mms.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mms} command: the offline migration tool now, the service and the cmdlets later. */
@Command(name = "mms", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "MMS, the Meeting Migration Service: moves an organizer's future meetings to new online-meeting coordinates.",
        subcommands = {MigrateIcsCommand.class, GenerateCalendarCommand.class, CommandLine.HelpCommand.class})
public final class MmsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Where commands write results (stdout) and diagnostics (stderr); tests pass their own. */
    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and returns the exit code (see {@link ExitCodes}). */
    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        MmsCommand root = new MmsCommand();
        root.out = out;
        root.err = err;
        CommandLine cli = new CommandLine(root);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setSubcommandsCaseInsensitive(true);
        cli.setAbbreviatedOptionsAllowed(false);
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.setExecutionExceptionHandler(new ExitCodes());
        cli.setExitCodeExceptionMapper(new ExitCodes());
        return cli.execute(args);
    }
}
