package org.mms.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/** A call hands picocli only the command it names; help and unknown names still see every command. */
class CommandLookupTest {

    private static String name(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }

    @Test
    void everyCommandIsFoundAloneByItsNameInAnyCase() {
        for (Class<?> command : MmsCommand.COMMANDS) {
            if (!name(command).equals("help")) {
                assertThat(MmsCommand.commandsFor(new String[] {name(command).toUpperCase(Locale.ROOT), "-x"})).containsExactly(command);
            }
        }
    }

    @Test
    void theVersionNeedsNoCommandAndHelpOrAnUnknownNameGetsThemAll() {
        assertThat(MmsCommand.commandsFor(new String[] {"--version"})).isEmpty();
        assertThat(MmsCommand.commandsFor(new String[] {"help", "serve"})).isEqualTo(MmsCommand.COMMANDS);
        assertThat(MmsCommand.commandsFor(new String[] {"Get-CsOnlineUsr"})).isEqualTo(MmsCommand.COMMANDS);
        assertThat(MmsCommand.commandsFor(new String[0])).isEqualTo(MmsCommand.COMMANDS);
    }

    @Test
    void theHelpListsEveryCommandAndAMisspeltNameIsStillReportedAsPowerShellDoes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, UTF_8);
        PrintStream e = new PrintStream(err, true, UTF_8);

        assertThat(MmsCommand.run(new String[] {"--help"}, o, e, Map.of())).isZero();
        assertThat(MmsCommand.run(new String[] {"Get-CsOnlineUsr"}, o, e, Map.of())).isEqualTo(ExitCodes.USAGE);

        MmsCommand.COMMANDS.forEach(command -> assertThat(out.toString(UTF_8)).contains(name(command)));
        assertThat(err.toString(UTF_8)).contains("the term 'Get-CsOnlineUsr' is not recognized");
    }
}
