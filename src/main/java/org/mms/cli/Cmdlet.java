package org.mms.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/**
 * A cmdlet: parses its parameters, makes one call to the MMS server and prints the answer as a
 * PowerShell list or table, or as JSON with {@code --json}. Subclasses say which call and which layout;
 * failures are left to {@link ExitCodes}.
 */
@Command(sortOptions = false, footer = ServerSettings.HELP)
abstract class Cmdlet implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    MmsCommand mms;

    @Option(names = "--json", description = "Print the server's JSON answer instead of a list or table.")
    boolean json;

    @Option(names = {"-?", "-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Option(names = "-AllowPlainHttp", description = "Send the token over plain http to a server other than this machine.")
    boolean allowPlainHttp;

    /** What the server answered, and how to show it. */
    record Answer(JsonNode body, PsFormat format) {
    }

    abstract Answer call(MmsClient server);

    /** Whether the cmdlet acts as the service operator (the tenant cmdlets) rather than as a tenant's admin. */
    boolean operatorToken() {
        return false;
    }

    @Override
    public final Integer call() {
        ServerSettings settings = ServerSettings.from(mms.env).allowingPlainHttp(allowPlainHttp);
        Answer answer = call(new MmsClient(operatorToken() ? settings.asOperator() : settings));
        mms.out.print(json ? MmsClient.pretty(answer.body()) + System.lineSeparator() : answer.format().render(answer.body()));
        mms.out.flush();
        return ExitCodes.OK;
    }

    /** A usage error (exit 2) found after parsing, such as a required parameter given neither by name nor by position. */
    CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** The parameters that were given, under the API's names (the cmdlet's): what a PATCH body holds. */
    static Map<String, Object> given(Object... nameValuePairs) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            if (nameValuePairs[i + 1] != null) {
                body.put((String) nameValuePairs[i], nameValuePairs[i + 1]);
            }
        }
        return body;
    }

    /** Trigger decisions of a change, one list block each: the answer of every directory operation. */
    static PsFormat decisions() {
        return PsFormat.field("Decisions", PsFormat.list());
    }
}
