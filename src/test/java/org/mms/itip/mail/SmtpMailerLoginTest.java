package org.mms.itip.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mms.itip.mail.SmtpMailerTest.CLOCK;
import static org.mms.itip.mail.SmtpMailerTest.SERVICE;
import static org.mms.testing.ItipRequests.aRequest;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mms.itip.Delivery;
import org.mms.itip.MailRejectedException;
import org.mms.itip.SendOutbox;
import org.mms.testing.RecordingOutbox;
import org.slf4j.LoggerFactory;

/**
 * Logging in. A refused login is transient: it says nothing about the message, and once an admin has
 * fixed the password every queued message can go. So that an admin sees it, the error names the
 * server and the account and says to check the username and password; the password itself appears
 * nowhere, not in the error, its causes, the stack trace or any log line (ours, or Angus Mail's own
 * at its most verbose).
 */
class SmtpMailerLoginTest {

    private static final String PASSWORD = "Tr0ub4dor&3-correct";
    private static final String WRONG = "hunter2-Wr0ng";

    private final TestSmtpServer server = TestSmtpServer.plain().requireLogin("mms@service.contoso.com", "mms", PASSWORD);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void a_server_that_requires_a_login_takes_the_message_when_the_login_is_right() {
        try (SmtpMailer mailer = mailer(Optional.of(new SmtpSettings.Login("mms", PASSWORD)))) {
            assertThat(mailer.send(aRequest().build())).isEqualTo(Delivery.accepted());
        }

        assertThat(server.received()).hasSize(2);
    }

    @Test
    void without_a_login_the_servers_530_is_transient_and_says_to_check_the_login() {
        try (SmtpMailer mailer = mailer(Optional.empty())) {
            assertThatThrownBy(() -> mailer.send(aRequest().build()))
                    .isInstanceOfSatisfying(MailRejectedException.class, e -> {
                        assertThat(e.permanent()).isFalse();
                        assertThat(e.reply()).startsWith("530");
                        assertThat(e.getMessage()).contains("asks for a login", "check the SMTP username and password");
                    });
        }
        assertThat(server.received()).isEmpty();
    }

    @Test
    void a_wrong_password_is_transient_and_names_the_server_and_the_account() {
        try (SmtpMailer mailer = mailer(Optional.of(new SmtpSettings.Login("mms", WRONG)))) {
            assertThatThrownBy(() -> mailer.send(aRequest().build()))
                    .isInstanceOfSatisfying(MailRejectedException.class, e -> {
                        assertThat(e.permanent()).isFalse();
                        assertThat(e.getMessage()).isEqualTo("SMTP server 127.0.0.1:" + server.port() + " (NONE) as mms refused"
                                + " the login; check the SMTP username and password: 535 5.7.8  Authentication credentials invalid");
                    });
        }
        assertThat(server.received()).isEmpty();
    }

    @Test
    void the_password_appears_in_no_error_and_no_log_line_even_at_the_most_verbose_level() {
        Captured captured = Captured.start();
        List<String> texts = new ArrayList<>();
        try {
            RecordingOutbox outbox = new RecordingOutbox().add(aRequest().build());
            try (SmtpMailer mailer = mailer(Optional.of(new SmtpSettings.Login("mms", WRONG)))) {
                new SendOutbox(outbox, mailer, Clock.systemUTC()).runOnce(10);
                try {
                    mailer.send(aRequest().build());
                } catch (MailRejectedException e) {
                    texts.add(String.valueOf(e));
                    texts.add(stackTrace(e));
                }
                texts.add(mailer.toString());
            }
            outbox.calls().forEach(call -> texts.add(call.toString()));
        } finally {
            texts.addAll(captured.stop());
        }

        assertThat(texts).as("something was logged and recorded").hasSizeGreaterThan(3);
        assertThat(String.join("\n", texts)).contains("refused the login").doesNotContain(WRONG)
                .doesNotContain(base64("\0mms\0" + WRONG)).doesNotContain(base64(WRONG));
    }

    private SmtpMailer mailer(Optional<SmtpSettings.Login> login) {
        return new SmtpMailer(server.settings("127.0.0.1").withLogin(login), new ComposeImipMessage(CLOCK, Optional.of(SERVICE)));
    }

    private static String stackTrace(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Every log line while it runs: ours (SLF4J, {@code org.mms}) at TRACE, and Angus Mail's (java.util.logging) at ALL. */
    private record Captured(ListAppender<ILoggingEvent> appender, Level ourLevel, Handler julHandler, List<String> julLines) {

        static Captured start() {
            Logger ours = (Logger) LoggerFactory.getLogger("org.mms");
            ListAppender<ILoggingEvent> appender = new ListAppender<>();
            appender.start();
            Level level = ours.getLevel();
            ours.addAppender(appender);
            ours.setLevel(Level.TRACE);
            List<String> julLines = new ArrayList<>();
            Handler handler = new Handler() {
                @Override
                public void publish(LogRecord record) {
                    julLines.add(new java.util.logging.SimpleFormatter().formatMessage(record));
                }

                @Override
                public void flush() {}

                @Override
                public void close() {}
            };
            handler.setLevel(java.util.logging.Level.ALL);
            java.util.logging.Logger angus = java.util.logging.Logger.getLogger("org.eclipse.angus.mail");
            angus.setLevel(java.util.logging.Level.ALL);
            angus.addHandler(handler);
            return new Captured(appender, level, handler, julLines);
        }

        List<String> stop() {
            Logger ours = (Logger) LoggerFactory.getLogger("org.mms");
            ours.detachAppender(appender);
            ours.setLevel(ourLevel);
            java.util.logging.Logger angus = java.util.logging.Logger.getLogger("org.eclipse.angus.mail");
            angus.removeHandler(julHandler);
            angus.setLevel(null);
            List<String> lines = new ArrayList<>(julLines);
            appender.list.forEach(event -> {
                lines.add(event.getFormattedMessage());
                if (event.getThrowableProxy() != null) {
                    lines.add(event.getThrowableProxy().getMessage());
                }
            });
            return lines;
        }
    }
}
