package org.mms.cli;

import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code [-Identity] <user>}: named, or as the first positional argument as the original cmdlets allow
 * ({@code Start-CsExMeetingMigration alice@contoso.com}).
 */
final class IdentityParameter {

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec mixee;

    @Option(names = "-Identity", paramLabel = "<user>", description = "The user: UPN, SIP address, alias or UserId. May also come first, without -Identity.")
    String named;

    @Parameters(index = "0", arity = "0..1", paramLabel = "<user>", hidden = true)
    String positional;

    Optional<String> optional() {
        if (named != null && positional != null && !named.equals(positional)) {
            throw new CommandLine.ParameterException(mixee.commandLine(),
                    "-Identity is given twice, as '" + named + "' and as '" + positional + "'");
        }
        return Optional.ofNullable(named != null ? named : positional).map(String::strip).filter(s -> !s.isEmpty());
    }

    String required() {
        return optional().orElseThrow(() -> new CommandLine.ParameterException(mixee.commandLine(), "-Identity is required"));
    }
}
