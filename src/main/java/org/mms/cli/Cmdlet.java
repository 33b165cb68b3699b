package org.mms.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /**
     * The users of a run over many when the command line names several ({@code -Identity a,b},
     * {@code -IdentityFile}); empty for a call about one user or none.
     */
    Optional<List<IdentityFile.Row>> users(MmsClient server) {
        return identity().flatMap(IdentityParameter::many);
    }

    /** For a cmdlet whose other parameters belong to one user (a calendar file of theirs): several users are a usage error. */
    final Optional<List<IdentityFile.Row>> oneUserOnly(String why) {
        if (identity().flatMap(IdentityParameter::many).isPresent()) {
            throw usage(spec.name() + " takes one user: " + why);
        }
        return Optional.empty();
    }

    private Optional<IdentityParameter> identity() {
        return spec.mixins().values().stream().map(CommandLine.Model.CommandSpec::userObject)
                .filter(IdentityParameter.class::isInstance).map(IdentityParameter.class::cast).findFirst();
    }

    @Override
    public final Integer call() {
        ServerSettings settings = ServerSettings.from(mms.env).allowingPlainHttp(allowPlainHttp);
        MmsClient server = new MmsClient(operatorToken() ? settings.asOperator() : settings);
        Optional<List<IdentityFile.Row>> users = users(server);
        if (users.isPresent()) {
            IdentityParameter identity = identity().orElseThrow();
            return new EachUser(mms.out, mms.err, json).run(users.get(), user -> {
                identity.focus(user);
                return call(server).body();
            });
        }
        Answer answer = call(server);
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
