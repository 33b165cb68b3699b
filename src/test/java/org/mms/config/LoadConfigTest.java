package org.mms.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mms.api.BodyLimits;
import org.mms.itip.mail.SmtpSettings;

/** Defaults, then the file, then the environment; every problem reported at once; secrets never shown. */
class LoadConfigTest {

    @TempDir
    Path dir;

    @Test
    void with_nothing_given_the_service_runs_embedded_and_writes_to_the_pickup_directory() {
        ServiceConfig config = LoadConfig.load(Optional.of(dir), Optional.empty(), Map.of());

        assertThat(config.database().isPostgres()).isFalse();
        assertThat(config.mail().smtp()).isEmpty();
        assertThat(config.mail().pickupDirectory()).isEqualTo(dir.resolve("outbox").resolve("pickup"));
        assertThat(config.describe()).contains("pickup directory");
    }

    @Test
    void the_environment_wins_over_the_file() throws Exception {
        Path file = dir.resolve("mms.json");
        Files.writeString(file, """
                {"database": {"url": "jdbc:postgresql://db.contoso.com/mms", "user": "mms", "password": "from-file"},
                 "workers": {"threads": 3},
                 "mail": {"sender": "mms@contoso.com", "smtp": {"host": "smtp.contoso.com", "username": "mms@contoso.com",
                          "password": "file-secret", "maxMessagesPerSecond": 2.5}}}""");

        ServiceConfig config = LoadConfig.load(Optional.of(dir), Optional.of(file),
                Map.of("MMS_WORKERS", "5", "MMS_SMTP_PASSWORD", "env-secret", "MMS_SMTP_SECURITY", "tls"));

        assertThat(config.database().url()).isEqualTo("jdbc:postgresql://db.contoso.com/mms");
        assertThat(config.workers().threads()).isEqualTo(5);
        SmtpSettings smtp = config.mail().smtp().orElseThrow();
        assertThat(smtp.host()).isEqualTo("smtp.contoso.com");
        assertThat(smtp.security()).isEqualTo(SmtpSettings.Security.TLS);
        assertThat(smtp.port()).as("the port that goes with implicit TLS").isEqualTo(465);
        assertThat(smtp.login().orElseThrow().password()).isEqualTo("env-secret");
        assertThat(smtp.maxMessagesPerSecond()).isEqualTo(2.5);
        assertThat(config.describe()).contains("SMTP smtp.contoso.com:465 (TLS) as mms@contoso.com")
                .doesNotContain("env-secret").doesNotContain("file-secret");
    }

    @Test
    void senders_default_to_four_and_come_from_the_file_or_the_environment() throws Exception {
        Path file = dir.resolve("mms.json");
        Files.writeString(file, """
                {"mail": {"senders": 2}}""");

        assertThat(LoadConfig.load(Optional.of(dir), Optional.empty(), Map.of()).mail().senders()).isEqualTo(4);
        assertThat(LoadConfig.load(Optional.of(dir), Optional.of(file), Map.of()).mail().senders()).isEqualTo(2);
        ServiceConfig fromEnvironment = LoadConfig.load(Optional.of(dir), Optional.of(file), Map.of("MMS_SENDERS", "6"));
        assertThat(fromEnvironment.mail().senders()).isEqualTo(6);
        assertThat(fromEnvironment.describe()).contains("(6 senders)");
    }

    @Test
    void body_limits_come_from_the_file_keep_their_defaults_when_not_given_and_every_bad_one_is_reported() throws Exception {
        Path file = dir.resolve("mms.json");
        Files.writeString(file, """
                {"http": {"maxBodyBytes": {"calendarImport": 1048576}}}""");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, """
                {"http": {"maxBodyBytes": {"json": 10, "directoryImport": "lots", "uploads": 5}}}""");

        ServiceConfig config = LoadConfig.load(Optional.of(dir), Optional.of(file), Map.of());

        assertThat(config.http().maxBodyBytes()).isEqualTo(new BodyLimits(BodyLimits.DEFAULTS.json(),
                BodyLimits.DEFAULTS.directoryImport(), 1_048_576));
        assertThat(LoadConfig.load(Optional.of(dir), Optional.empty(), Map.of()).http().maxBodyBytes()).isEqualTo(BodyLimits.DEFAULTS);
        assertThatThrownBy(() -> LoadConfig.load(Optional.of(dir), Optional.of(bad), Map.of()))
                .isInstanceOf(LoadConfig.InvalidConfigException.class)
                .hasMessageContaining("http.maxBodyBytes.json must be a whole number of bytes, at least 1024, not 10")
                .hasMessageContaining("http.maxBodyBytes.directoryImport must be a whole number of bytes")
                .hasMessageContaining("unknown setting \"http.maxBodyBytes.uploads\"");
    }

    @Test
    void a_process_without_senders_is_refused() {
        assertThatThrownBy(() -> LoadConfig.load(Optional.of(dir), Optional.empty(), Map.of("MMS_SENDERS", "0")))
                .isInstanceOf(LoadConfig.InvalidConfigException.class)
                .hasMessageContaining("mail.senders must be at least 1, not 0");
    }

    @Test
    void smtp_from_the_environment_alone_defaults_to_starttls_on_the_submission_port() {
        ServiceConfig config = LoadConfig.load(Optional.of(dir), Optional.empty(),
                Map.of("MMS_SMTP_HOST", "smtp.contoso.com", "MMS_SENDER", "mms@contoso.com"));

        SmtpSettings smtp = config.mail().smtp().orElseThrow();
        assertThat(smtp.security()).isEqualTo(SmtpSettings.Security.STARTTLS);
        assertThat(smtp.port()).isEqualTo(587);
        assertThat(smtp.login()).isEmpty();
    }

    @Test
    void every_problem_is_reported_together_and_no_secret_is_in_the_message() throws Exception {
        Path file = dir.resolve("mms.json");
        Files.writeString(file, """
                {"mail": {"smtp": {"host": "smtp.contoso.com", "security": "ssl", "colour": 1, "username": "mms",
                 "password": "hunter2"}}, "http": {"port": 70000}}""");

        assertThatThrownBy(() -> LoadConfig.load(Optional.of(dir), Optional.of(file), Map.of()))
                .isInstanceOf(LoadConfig.InvalidConfigException.class)
                .hasMessageContaining("mail.smtp.security must be starttls, tls or none")
                .hasMessageContaining("mail.smtp.colour")
                .hasMessageContaining("between 0 and 65535")
                .hasMessageContaining("mail.smtp needs mail.sender")
                .message().doesNotContain("hunter2");
    }

    @Test
    void a_login_without_a_password_is_refused_rather_than_sent_half() {
        assertThatThrownBy(() -> LoadConfig.load(Optional.of(dir), Optional.empty(),
                Map.of("MMS_SMTP_HOST", "smtp.contoso.com", "MMS_SENDER", "mms@contoso.com", "MMS_SMTP_USER", "mms")))
                .hasMessageContaining("both a username and a password");
    }
}
