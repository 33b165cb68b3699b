package org.mms.service;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.mms.cli.CliRunner;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The cmdlets as an admin types them against a running service, with its URL and admin token. */
final class AdminShell {

    private final Map<String, String> env;

    /** A service of the tests: data in {@code dataDir}, the API on a free loopback port, {@code workers} polling every 50 ms. */
    static org.mms.config.ServiceConfig onLoopback(Path dataDir, int workers) {
        return org.mms.config.ServiceConfig.defaults(dataDir).withHttp(new org.mms.config.ServiceConfig.Http("127.0.0.1", 0))
                .withWorkers(new org.mms.config.ServiceConfig.Workers(workers, Duration.ofMillis(50), Duration.ofMinutes(2)));
    }

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
        return attempt(Map.of(), new ByteArrayInputStream(new byte[0]), args);
    }

    /** Runs a cmdlet that may fail, with more environment variables and {@code in} as its standard input. */
    Outcome attempt(Map<String, String> moreEnv, InputStream in, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> all = new HashMap<>(env);
        all.putAll(moreEnv);
        int code = CliRunner.run(args, in, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8), all);
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
