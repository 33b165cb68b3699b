package org.mms.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.mms.ical.IcalFormatException;
import org.mms.offline.ReadProfile;
import picocli.CommandLine;

/**
 * The one place where failures become messages and exit codes: 0 done, 1 the input or the
 * environment is at fault (message on stderr, one line), 2 the command line is wrong, 3 some
 * meetings could not be migrated safely and nothing was written.
 */
public final class ExitCodes implements CommandLine.IExecutionExceptionHandler, CommandLine.IExitCodeExceptionMapper {

    public static final int OK = 0;
    public static final int ERROR = 1;
    public static final int USAGE = 2;
    public static final int MEETINGS_FAILED = 3;

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
        cli.getErr().println("mms: " + message(e));
        cli.getErr().flush();
        return getExitCode(e);
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
            default -> t.getClass().getSimpleName() + ": " + t.getMessage();
        };
    }
}
