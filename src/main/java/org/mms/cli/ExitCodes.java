package org.mms.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.mms.ical.IcalFormatException;
import org.mms.migration.OneLine;
import org.mms.offline.ReadProfile;
import picocli.CommandLine;

/**
 * The one place where failures become messages and exit codes: 0 done, 1 the input or the
 * environment is at fault, or the server refused a cmdlet or could not be reached (message on
 * stderr, one line), 2 the command line is wrong (one line too), 3 some meetings could not be
 * migrated safely and nothing was written, 4 a cmdlet run for many users failed for some of them
 * (each said why on its own line).
 */
public final class ExitCodes implements CommandLine.IExecutionExceptionHandler, CommandLine.IExitCodeExceptionMapper,
        CommandLine.IParameterExceptionHandler {

    public static final int OK = 0;
    public static final int ERROR = 1;
    public static final int USAGE = 2;
    public static final int MEETINGS_FAILED = 3;
    public static final int SOME_USERS_FAILED = 4;

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
        // Messages quote input (a calendar's line, a file name): one printable line whatever they hold.
        cli.getErr().println("mms: " + OneLine.of(message(e), 1000));
        cli.getErr().flush();
        return getExitCode(e);
    }

    /** A wrong command line: one line saying what is wrong and where help is, not the whole usage text. */
    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        String command = cli.getCommandName();
        String where = cli.getParent() == null ? "" : command + ": ";
        String help = cli.getParent() == null ? "mms --help" : "mms " + command + " --help";
        cli.getErr().println("mms: " + where + OneLine.of(usageMessage(e, cli), 1000) + " (see " + help + ")");
        cli.getErr().flush();
        return USAGE;
    }

    /** PowerShell's wording for the mistakes admins make most: a misspelt parameter or command. */
    private static String usageMessage(CommandLine.ParameterException e, CommandLine cli) {
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String first = u.getUnmatched().getFirst();
            if (cli.getParent() == null && !first.startsWith("-")) {
                return "the term '" + first + "' is not recognized as the name of a command";
            }
            return first.startsWith("-")
                    ? "a parameter cannot be found that matches parameter name '" + first.replaceFirst("^-+", "").replaceFirst(":.*", "") + "'"
                    : "a positional parameter cannot be found that accepts argument '" + first + "'";
        }
        return e.getMessage();
    }

    @Override
    public int getExitCode(Throwable e) {
        return e instanceof CommandLine.ParameterException ? USAGE : ERROR;
    }

    static String message(Throwable e) {
        Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
        return switch (t) {
            case NoSuchFileException n -> "no such file: " + n.getFile();
            case AccessDeniedException a -> "permission denied: " + a.getFile();
            case IcalFormatException f -> "the calendar cannot be read: " + f.getMessage();
            case ReadProfile.InvalidProfileException p -> p.getMessage();
            case IOException io -> "input/output error: " + io.getMessage();
            case IllegalArgumentException bad -> bad.getMessage();
            case CmdletFailure f -> f.getMessage();
            case org.mms.service.StartRefused r -> r.getMessage();
            default -> t.getClass().getSimpleName() + ": " + t.getMessage();
        };
    }
}
