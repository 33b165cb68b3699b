package org.mms.service;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.mms.cli.CliRunner;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The cmdlets as an admin types them against a running service, with its URL and admin token. */
final class AdminShell {

    private final Map<String, String> env;

    AdminShell(MmsService service, Path dataDir) {
        this.env = Map.of("MMS_URL", "http://127.0.0.1:" + service.port(), "MMS_DATA", dataDir.toString());
    }

    /** The cmdlets with a token of their own (MMS_TOKEN), such as another tenant's admin token. */
    AdminShell(MmsService service, Path dataDir, String token) {
        this.env = Map.of("MMS_URL", "http://127.0.0.1:" + service.port(), "MMS_DATA", dataDir.toString(), "MMS_TOKEN", token);
    }

    /** Runs a cmdlet that must succeed, and gives what it printed. */
    String run(String... args) {
        Outcome outcome = attempt(args);
        assertThat(outcome.exitCode()).as(String.join(" ", args) + ": " + outcome.err()).isZero();
        return outcome.out();
    }

    record Outcome(int exitCode, String out, String err) {
    }

    /** Runs a cmdlet that may fail. */
    Outcome attempt(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CliRunner.run(args, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8), env);
        return new Outcome(code, out.toString(UTF_8), err.toString(UTF_8));
    }

    /** Get-CsMeetingMigrationStatus, polled until every migration has succeeded or failed (or the time is up). */
    JsonNode waitForMigrations(Duration patience) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (true) {
            JsonNode all = JsonMapper.builder().build().readTree(run("Get-CsMeetingMigrationStatus", "--json"));
            boolean done = all.size() > 0;
            for (JsonNode s : all) {
                String state = s.path("State").asString();
                done &= state.equals("Succeeded") || state.equals("Failed");
            }
            if (done || Instant.now().isAfter(deadline)) {
                return all;
            }
            Thread.sleep(100);
        }
    }
}
