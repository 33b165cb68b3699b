package org.mms.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mms.testing.RunningApi.CONTOSO_TOKEN;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mms.admin.Requests;
import org.mms.testing.RunningApi;

/** {@code mms shell} driven through standard input, as a script piped to it, against the real API server. */
class ShellCommandTest {

    private static RunningApi api;

    private Map<String, String> env;

    @BeforeAll
    static void start() {
        api = new RunningApi();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @BeforeEach
    void reset() {
        api.reset();
        env = Map.of("MMS_URL", api.baseUrl(), "MMS_TOKEN", CONTOSO_TOKEN);
    }

    record Run(int exitCode, String out, String err) {
    }

    private Run mms(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = MmsCommand.run(args, new ByteArrayInputStream(stdin.getBytes(UTF_8)), new PrintStream(out, true, UTF_8),
                new PrintStream(err, true, UTF_8), env);
        return new Run(code, out.toString(UTF_8), err.toString(UTF_8));
    }

    @Test
    void aPipedScriptPrintsWhatTheSameOneShotCallsPrintOneAfterTheOther() {
        String summary = mms("", "Get-CsMeetingMigrationStatus", "-SummaryOnly").out();
        String users = mms("", "Get-CsOnlineUser").out();

        Run shell = mms("Get-CsMeetingMigrationStatus -SummaryOnly\r\n\n# a comment\nget-csonlineuser\n", "shell");

        assertThat(shell.exitCode()).as(shell.err()).isZero();
        assertThat(shell.out()).isEqualTo(summary + users);
        assertThat(shell.err()).isEmpty();
    }

    @Test
    void quotedValuesReachTheServerAsOneParameterEach() {
        Run shell = mms("Get-CsMeetingMigrationStatus -Identity 'alice@contoso.example' -State:\"Failed\"\n", "shell");

        assertThat(shell.exitCode()).as(shell.err()).isZero();
        assertThat(api.admin.onlyCall().argument(0)).isEqualTo(
                new Requests.StatusQuery(Optional.of("alice@contoso.example"), Optional.of("Failed"), Optional.empty(), Optional.empty()));
    }

    @Test
    void errorsAreReportedAndTheSessionGoesOnUntilExitWhichEndsIt() {
        Run shell = mms("""
                Get-CsNoSuchThing
                Get-CsOnlineUser 'alice
                Get-CsMeetingMigrationStatus -SummaryOnly
                shell
                h
                exit 0
                Get-CsMeetingMigrationStatus -SummaryOnly
                """, "shell");

        assertThat(shell.exitCode()).isZero();
        assertThat(shell.err()).contains("the term 'Get-CsNoSuchThing' is not recognized", "the string is missing the terminator: '",
                "already in the shell");
        assertThat(shell.out()).as("run once: exit ended the session").containsOnlyOnce("UserCount");
        assertThat(shell.out()).contains("""
                   1 Get-CsNoSuchThing
                   2 Get-CsMeetingMigrationStatus -SummaryOnly
                   3 shell
                   4 h
                """);
    }

    @Test
    void theEndOfTheInputEndsTheSessionWithTheExitCodeOfTheLastCmdlet() {
        Run failed = mms("Get-CsMeetingMigrationStatus -SummaryOnly\nGet-CsMeetingMigrationDetail\n", "shell");
        Run succeeded = mms("Get-CsMeetingMigrationDetail\nGet-CsMeetingMigrationStatus -SummaryOnly", "shell");

        assertThat(failed.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(succeeded.exitCode()).isZero();
        assertThat(mms("exit 4\n", "shell").exitCode()).isEqualTo(4);
    }
}
