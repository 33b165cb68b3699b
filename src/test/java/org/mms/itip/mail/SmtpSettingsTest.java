package org.mms.itip.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SmtpSettingsTest {

    private static final String PASSWORD = "s3cr3t-Pa55";

    private final SmtpSettings settings = SmtpSettings.startTls("smtp.contoso.com", 587, "mms@contoso.com", PASSWORD);

    @Test
    void to_string_shows_everything_but_the_password() {
        assertThat(settings.toString())
                .contains("smtp.contoso.com", "587", "STARTTLS", "mms@contoso.com", "****")
                .doesNotContain(PASSWORD);
        assertThat(settings.login().orElseThrow().toString()).doesNotContain(PASSWORD);
        assertThat(settings.login().toString()).doesNotContain(PASSWORD);
    }

    @Test
    void describe_names_the_server_and_the_account_but_not_the_password() {
        assertThat(settings.describe()).isEqualTo("smtp.contoso.com:587 (STARTTLS) as mms@contoso.com");
        assertThat(settings.withLogin(Optional.empty()).describe()).isEqualTo("smtp.contoso.com:587 (STARTTLS)");
    }

    @Test
    void defaults_suit_a_submission_server() {
        assertThat(settings.security()).isEqualTo(SmtpSettings.Security.STARTTLS);
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.maxMessagesPerSecond()).isEqualTo(10);
    }

    @Test
    void a_bad_host_port_timeout_or_rate_is_refused_with_a_reason() {
        assertThatThrownBy(() -> SmtpSettings.startTls(" ", 587, "u", "p")).hasMessageContaining("host");
        assertThatThrownBy(() -> SmtpSettings.startTls("smtp.contoso.com/x", 587, "u", "p")).hasMessageContaining("host");
        assertThatThrownBy(() -> SmtpSettings.startTls("smtp.contoso.com", 0, "u", "p")).hasMessageContaining("port");
        assertThatThrownBy(() -> SmtpSettings.startTls("smtp.contoso.com", 65536, "u", "p")).hasMessageContaining("port");
        assertThatThrownBy(() -> settings.withReadTimeout(Duration.ZERO)).hasMessageContaining("readTimeout");
        assertThatThrownBy(() -> settings.withReadTimeout(Duration.ofNanos(10))).hasMessageContaining("readTimeout");
        assertThatThrownBy(() -> settings.withMaxMessagesPerSecond(0)).hasMessageContaining("maxMessagesPerSecond");
        assertThatThrownBy(() -> settings.withMaxMessagesPerSecond(Double.NaN)).hasMessageContaining("maxMessagesPerSecond");
        assertThatThrownBy(() -> SmtpSettings.startTls("smtp.contoso.com", 587, " ", "p")).hasMessageContaining("username");
    }

    @Test
    void a_login_over_a_plain_connection_is_refused_unless_the_server_is_this_machine() {
        SmtpSettings.Login login = new SmtpSettings.Login("mms", PASSWORD);

        assertThatThrownBy(() -> settings.withSecurity(SmtpSettings.Security.NONE))
                .hasMessageContaining("password in clear").message().doesNotContain(PASSWORD);
        for (String loopback : new String[] {"localhost", "127.0.0.1", "::1"}) {
            assertThat(new SmtpSettings(loopback, 25, SmtpSettings.Security.NONE, Optional.of(login), Duration.ofSeconds(1),
                    Duration.ofSeconds(1), 1).login()).contains(login);
        }
        assertThat(settings.withLogin(Optional.empty()).withSecurity(SmtpSettings.Security.NONE).security())
                .isEqualTo(SmtpSettings.Security.NONE);
    }

    @Test
    void a_refused_setting_never_echoes_the_password() {
        assertThatThrownBy(() -> SmtpSettings.startTls("smtp.contoso.com", 0, "mms@contoso.com", PASSWORD))
                .message().doesNotContain(PASSWORD);
    }
}
