package org.mms.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code [-Identity] <user>[,<user>…] [-IdentityFile <users.csv>]}: one user, named or as the first
 * positional argument as the original cmdlets allow ({@code Start-CsExMeetingMigration alice@contoso.com}),
 * or several, listed with commas as PowerShell writes an array or read from a CSV export. Several
 * users make the cmdlet run once per user ({@link EachUser}); while it does, {@link #required()} and
 * {@link #optional()} give the user of the current round.
 */
final class IdentityParameter {

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec mixee;

    @Option(names = "-Identity", split = ",", paramLabel = "<user>",
            description = "The user: UPN, SIP address, alias or UserId; several separated by commas. May also come first, without -Identity.")
    List<String> named;

    @Parameters(index = "0", arity = "0..1", split = ",", paramLabel = "<user>", hidden = true)
    List<String> positional;

    @Option(names = "-IdentityFile", paramLabel = "<users.csv>",
            description = "Every user of a CSV file with a UserPrincipalName column (an Entra or Teams admin center export).")
    Path file;

    /** The user of the current round of a run over several users. */
    private String current;

    Optional<String> optional() {
        if (current != null) {
            return Optional.of(current);
        }
        List<String> given = given();
        return given.isEmpty() ? Optional.empty() : Optional.of(given.getFirst());
    }

    String required() {
        return optional().orElseThrow(() -> new CommandLine.ParameterException(mixee.commandLine(), "-Identity is required"));
    }

    /** The users of a run over several (a list, or a file), each once; empty when the command line names at most one. */
    Optional<List<IdentityFile.Row>> many() {
        List<String> given = given();
        if (file == null && given.size() <= 1) {
            return Optional.empty();
        }
        List<IdentityFile.Row> rows = new ArrayList<>();
        given.forEach(user -> rows.add(new IdentityFile.Row.User(user)));
        if (file != null) {
            rows.addAll(IdentityFile.read(file));
        }
        Set<String> seen = new LinkedHashSet<>();
        return Optional.of(rows.stream()
                .filter(row -> !(row instanceof IdentityFile.Row.User(String user)) || seen.add(user.toLowerCase(Locale.ROOT)))
                .toList());
    }

    /** Runs the cmdlet's next round for {@code user}. */
    void focus(String user) {
        current = user;
    }

    private List<String> given() {
        List<String> byName = stripped(named);
        List<String> byPosition = stripped(positional);
        if (!byName.isEmpty() && !byPosition.isEmpty() && !byName.equals(byPosition)) {
            throw new CommandLine.ParameterException(mixee.commandLine(),
                    "-Identity is given twice, as '" + String.join(",", byName) + "' and as '" + String.join(",", byPosition) + "'");
        }
        return byName.isEmpty() ? byPosition : byName;
    }

    private static List<String> stripped(List<String> users) {
        return users == null ? List.of() : users.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
