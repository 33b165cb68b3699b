package org.mms.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mms.config.ServiceConfig;

/** The cmdlets keep the token off plain networks, and the server's start-up hint says only what is true. */
class TokenSafetyTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return MmsCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env);
    }

    @Test
    void a_cmdlet_refuses_to_send_the_token_over_plain_http_to_another_machine() {
        int code = run(Map.of("MMS_URL", "http://192.0.2.10:8470", "MMS_TOKEN", "mms_secret-token"), "Get-CsMeetingMigrationStatus");

        assertThat(code).isEqualTo(ExitCodes.ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("refusing to send the token over plain http", "-AllowPlainHttp")
                .doesNotContain("mms_secret-token");
    }

    @Test
    void plain_http_to_another_machine_is_allowed_only_when_asked_for() {
        ServerSettings remote = ServerSettings.from(Map.of("MMS_URL", "http://192.0.2.10:8470"));

        assertThatCode(remote.allowingPlainHttp(true)::checkTransport).doesNotThrowAnyException();
        assertThatCode(ServerSettings.from(Map.of("MMS_URL", "http://192.0.2.10:8470", "MMS_ALLOW_PLAIN_HTTP", "true"))::checkTransport)
                .doesNotThrowAnyException();
        assertThatCode(ServerSettings.from(Map.of("MMS_URL", "https://192.0.2.10:8470"))::checkTransport).doesNotThrowAnyException();
        assertThatCode(ServerSettings.from(Map.of("MMS_URL", "http://127.0.0.1:9000"))::checkTransport).doesNotThrowAnyException();
    }

    @Test
    void the_first_start_hint_names_mms_url_when_the_server_is_not_where_the_cmdlets_look_by_default() {
        ServiceConfig config = ServiceConfig.defaults(dir);
        Path token = dir.resolve("admin-token");

        String elsewhere = ServeCommand.firstStartHint(config, "http://127.0.0.1:9123", Optional.of(token), Optional.empty());
        String usual = ServeCommand.firstStartHint(config, ServerSettings.DEFAULT_URL, Optional.of(token), Optional.empty());

        assertThat(elsewhere).contains("MMS_URL=http://127.0.0.1:9123 MMS_DATA=" + dir);
        assertThat(usual).doesNotContain("MMS_URL").contains("MMS_DATA=" + dir);
        assertThat(ServeCommand.clientUrl(new ServiceConfig.Http("0.0.0.0", 8470, Optional.empty(), true), 8470))
                .isEqualTo(ServerSettings.DEFAULT_URL);
    }

    @Test
    void after_a_restart_the_hint_claims_no_token_file_that_does_not_exist() throws Exception {
        ServiceConfig config = ServiceConfig.defaults(dir);

        String missing = ServeCommand.firstStartHint(config, ServerSettings.DEFAULT_URL, Optional.empty(), Optional.empty());
        Files.writeString(dir.resolve("admin-token"), "mms_x\n");
        String present = ServeCommand.firstStartHint(config, ServerSettings.DEFAULT_URL, Optional.empty(), Optional.empty());

        assertThat(missing).doesNotContain("The admin token is in").contains("There is no admin token file", "mms token --data");
        assertThat(present).contains("The admin token is in " + dir.resolve("admin-token").toAbsolutePath());
    }
}
