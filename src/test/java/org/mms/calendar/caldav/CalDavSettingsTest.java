package org.mms.calendar.caldav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CalDavSettingsTest {

    private static final URI BASE = URI.create("https://dav.contoso.com/caldav/");

    @Test
    void to_string_shows_everything_but_the_password() {
        CalDavSettings settings = CalDavSettings.basic(BASE, "mms-service", "hunter2-Secret!");

        assertThat(settings.toString())
                .contains("https://dav.contoso.com/caldav/", "mms-service", "password=(set)", "AUTO", "PT30S")
                .doesNotContain("hunter2-Secret!");
        assertThat(CalDavSettings.anonymous(BASE).toString()).contains("username=(none)", "password=(none)");
    }

    @Test
    void a_store_shows_its_settings_without_the_password() {
        try (CalDavCalendarStore store = new CalDavCalendarStore(CalDavSettings.basic(BASE, "mms", "hunter2-Secret!"),
                MailboxLocator.template(BASE, "/{user}/"))) {
            assertThat(store.toString()).contains("mms").doesNotContain("hunter2-Secret!");
        }
    }

    @Test
    void credentials_in_the_url_are_refused_without_repeating_them() {
        assertThatThrownBy(() -> CalDavSettings.anonymous(URI.create("https://mms:hunter2-Secret!@dav.contoso.com/")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("user information")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2-Secret!"));
    }

    @Test
    void only_absolute_http_urls_with_a_positive_timeout_and_a_user_for_a_password_are_accepted() {
        assertThatThrownBy(() -> CalDavSettings.anonymous(URI.create("/relative/"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CalDavSettings.anonymous(URI.create("ftp://dav.contoso.com/"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CalDavSettings.anonymous(BASE).withTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CalDavSettings(BASE, Optional.empty(), Optional.of("pw"), CalDavSettings.Scheduling.AUTO,
                Duration.ofSeconds(5))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CalDavSettings.basic(BASE, "a:b", "pw")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void basic_authorization_is_user_colon_password_in_utf_8_base64() {
        assertThat(CalDavSettings.basic(BASE, "Aladdin", "open sesame").basicAuthorization())
                .contains("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
        assertThat(CalDavSettings.anonymous(BASE).basicAuthorization()).isEmpty();
    }
}
