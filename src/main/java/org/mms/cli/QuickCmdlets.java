package org.mms.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mms.migration.OneLine;

/**
 * The calls an admin repeats most, answered before the command line library or the JDK HTTP client is
 * loaded: {@code --version} ({@code -V}), and {@code Get-CsMeetingMigrationStatus} with {@code -SummaryOnly}
 * ({@code -SummaryOnly:$true}, {@code :$false}), {@code -State <state>} and {@code -Identity <user>} (one user),
 * in any case, {@code -Name value} or {@code -Name:value}. The output, the messages and the exit code are the full
 * cmdlet's, byte for byte. Any other command line, and any answer or failure this path is not sure to word as
 * the full cmdlet does, is {@link Outcome.LeftToFullCommand left to the full command line}, before anything
 * was printed; the only thing this path may have done then is a GET, which the full cmdlet makes again.
 */
public final class QuickCmdlets {

    private static final String STATUS = "get-csmeetingmigrationstatus";

    private QuickCmdlets() {
    }

    /** What became of a command line. */
    public sealed interface Outcome {

        /** Answered, as the full command line would have, with this exit code. */
        record Answered(int exitCode) implements Outcome {
        }

        /** Not a quick call, or not one this path is sure of: nothing was printed. */
        record LeftToFullCommand() implements Outcome {
        }
    }

    /** Something the full cmdlet would answer in words of its own (a redirect, a TLS failure, an answer of another shape). */
    static final class Unsure extends Exception {
        Unsure(String why) {
            super(why, null, false, false);
        }
    }

    /** The {@code Get-CsMeetingMigrationStatus} parameters this path takes; the user stripped, the state as typed. */
    record StatusCall(String identity, String state, boolean summaryOnly) {
    }

    public static Outcome answer(String[] args) {
        return answer(args, System.out, System.err, System.getenv());
    }

    static Outcome answer(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            PrintWriter version = new PrintWriter(out, true, StandardCharsets.UTF_8);
            version.println(versionLine());
            version.flush();
            return new Outcome.Answered(ExitCodes.OK);
        }
        StatusCall call = statusCall(args);
        if (call == null) {
            return new Outcome.LeftToFullCommand();
        }
        try {
            out.print(status(call, env));
            out.flush();
            return new Outcome.Answered(ExitCodes.OK);
        } catch (CmdletFailure f) {
            // As ExitCodes words a failure of the full cmdlet.
            PrintWriter message = new PrintWriter(err, true, StandardCharsets.UTF_8);
            message.println("mms: " + OneLine.of(f.getMessage(), 1000));
            message.flush();
            return new Outcome.Answered(ExitCodes.ERROR);
        } catch (Unsure | RuntimeException e) {
            // An unreadable token file, say: the full cmdlet words it.
            return new Outcome.LeftToFullCommand();
        }
    }

    /** The version line, from the jar's manifest. */
    static String versionLine() {
        String v = QuickCmdlets.class.getPackage().getImplementationVersion();
        return "mms " + (v == null ? "(development build)" : v);
    }

    /**
     * The status call {@code args} make, or none when they are anything else: another command, another
     * parameter, a parameter twice, a value missing or one the command line library would read otherwise
     * (a leading {@code -}, an {@code @file}, a quote, several users), a user given by position.
     */
    static StatusCall statusCall(String[] args) {
        if (args.length == 0 || !args[0].toLowerCase(Locale.ROOT).equals(STATUS)) {
            return null;
        }
        String identity = null;
        String state = null;
        Boolean summaryOnly = null;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            int colon = arg.indexOf(':');
            // Locale.ROOT and equals, not equalsIgnoreCase: the library matches names by their lower case, so
            // a Turkish dotted capital I or a long s must not pass here where it fails there.
            String name = (colon < 0 ? arg : arg.substring(0, colon)).toLowerCase(Locale.ROOT);
            if (name.equals("-summaryonly") && summaryOnly == null) {
                summaryOnly = colon < 0 ? Boolean.TRUE : bool(arg.substring(colon + 1));
                if (summaryOnly == null) {
                    return null;
                }
                continue;
            }
            boolean isIdentity = name.equals("-identity") && identity == null;
            boolean isState = name.equals("-state") && state == null;
            if (!isIdentity && !isState) {
                return null;
            }
            if (colon < 0 && i + 1 == args.length) {
                return null;
            }
            String value = colon < 0 ? args[++i] : arg.substring(colon + 1);
            if (!plain(value)) {
                return null;
            }
            if (isIdentity) {
                identity = value.strip();
            } else {
                state = value;
            }
        }
        return new StatusCall(identity, state, summaryOnly != null && summaryOnly);
    }

    private static Boolean bool(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "$true", "true" -> Boolean.TRUE;
            case "$false", "false" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** A value the library would take as it is: not blank, not an option or an argument file, no quotes, one item. */
    private static boolean plain(String value) {
        return !value.isBlank() && !value.startsWith("-") && !value.startsWith("@") && value.indexOf('"') < 0 && value.indexOf('\'') < 0
                && value.indexOf(',') < 0;
    }

    /** What the full cmdlet prints: the migrations as lists, or the State / UserCount table and the updates waiting. */
    private static String status(StatusCall call, Map<String, String> env) throws Unsure {
        QuickClient server = new QuickClient(ServerSettings.from(env));
        Map<String, String> query = new LinkedHashMap<>();
        if (call.identity() != null) {
            query.put("identity", call.identity());
        }
        if (call.state() != null) {
            query.put("state", call.state());
        }
        if (!call.summaryOnly()) {
            return PsRow.list(server.get("/api/v1/migrations", query));
        }
        List<PsRow> states = server.get("/api/v1/migrations/summary", query);
        List<PsRow> updates = server.get("/api/v1/migrations/updates-waiting", Map.of());
        return PsRow.table(states, List.of("State", "UserCount")) + "\n" + PsRow.list(updates);
    }
}
