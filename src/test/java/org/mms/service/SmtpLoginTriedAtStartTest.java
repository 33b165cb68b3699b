package org.mms.service;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mms.cli.CliRunner;
import org.mms.config.ServiceConfig;
import org.mms.itip.mail.SmtpSettings;

/**
 * Issue 13, defect 10 for the SMTP settings: {@code mms serve} logs in to the mail server before it
 * starts, and a wrong password (or a server that is not there) stops the start with one line that says
 * what failed, instead of a running service whose every message fails. GreenMail is the real SMTP server.
 */
// A start that is not refused would serve until stopped: the test fails instead of waiting forever.
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SmtpLoginTriedAtStartTest {

    private static final String RIGHT = "the-right-smtp-password";

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("mms@contoso.com", "mms", RIGHT));

    @TempDir
    Path dir;

    private Map<String, String> env(String port, String password) {
        Map<String, String> env = new HashMap<>();
        env.put("MMS_SMTP_HOST", "127.0.0.1");
        env.put("MMS_SMTP_PORT", port);
        env.put("MMS_SMTP_SECURITY", "none");
        env.put("MMS_SMTP_USER", "mms");
        env.put("MMS_SMTP_PASSWORD", password);
        env.put("MMS_SENDER", "mms@contoso.com");
        return env;
    }

    private record Run(int exitCode, String out, String err) {
    }

    private Run serve(Map<String, String> env) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CliRunner.run(new String[] {"serve", "--data", dir.resolve("data").toString(), "--port", "0"},
                new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8), env);
        return new Run(code, out.toString(UTF_8), err.toString(UTF_8));
    }

    @Test
    void mms_serve_with_a_wrong_smtp_password_refuses_to_start_with_one_line_that_says_the_login_was_refused() {
        Run run = serve(env(String.valueOf(SMTP.getSmtp().getPort()), "a-wrong-smtp-password"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).startsWith("mms: refusing to start: SMTP server 127.0.0.1:" + SMTP.getSmtp().getPort() + " (NONE) as mms "
                + "refused the login; check the SMTP username and password: 535").contains("mail.smtp").doesNotContain("a-wrong-smtp-password");
        assertThat(run.out()).doesNotContain("MMS is running");
    }

    @Test
    void mms_serve_with_an_smtp_server_that_is_not_there_refuses_to_start_and_says_so() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        Run run = serve(env(String.valueOf(closed), RIGHT));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).contains("refusing to start", "could not be reached").doesNotContain(RIGHT);
    }

    @Test
    void the_right_smtp_password_lets_the_service_start() throws Exception {
        ServiceConfig defaults = ServiceConfig.defaults(dir.resolve("data"));
        SmtpSettings smtp = new SmtpSettings("127.0.0.1", SMTP.getSmtp().getPort(), SmtpSettings.Security.NONE,
                Optional.of(new SmtpSettings.Login("mms", RIGHT)), Duration.ofSeconds(5), Duration.ofSeconds(5), 100);
        ServiceConfig config = defaults.withHttp(new ServiceConfig.Http("127.0.0.1", 0))
                .withMail(new ServiceConfig.Mail(defaults.mail().pickupDirectory(), Optional.of("mms@contoso.com"), Optional.of(smtp), 1));

        try (MmsService service = MmsService.start(config, Clock.systemUTC())) {
            assertThat(service.port()).isPositive();
        }
        SmtpSettings wrong = smtp.withLogin(Optional.of(new SmtpSettings.Login("mms", "not-" + RIGHT)));
        assertThatThrownBy(() -> MmsService.start(config.withMail(new ServiceConfig.Mail(defaults.mail().pickupDirectory(),
                Optional.of("mms@contoso.com"), Optional.of(wrong), 1)), Clock.systemUTC()))
                .isInstanceOf(StartRefused.class).hasMessageContaining("refused the login");
    }
}
