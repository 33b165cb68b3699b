package org.mms.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API's transport settings: HTTPS from PEM files, and plain HTTP off loopback only when asked for. */
class LoadHttpSecurityConfigTest {

    @TempDir
    Path dir;

    @Test
    void tls_comes_from_the_file_and_plain_http_stays_off_by_default() throws Exception {
        Files.writeString(dir.resolve("cert.pem"), "x");
        Files.writeString(dir.resolve("key.pem"), "x");
        Path file = dir.resolve("mms.json");
        Files.writeString(file, "{\"http\": {\"host\": \"0.0.0.0\", \"tls\": {\"certificate\": \"" + dir.resolve("cert.pem")
                + "\", \"privateKey\": \"" + dir.resolve("key.pem") + "\"}}}");

        ServiceConfig.Http http = LoadConfig.load(Optional.of(dir), Optional.of(file), Map.of()).http();

        assertThat(http.tls()).contains(new ServiceConfig.Tls(dir.resolve("cert.pem"), dir.resolve("key.pem")));
        assertThat(http.allowPlainHttp()).isFalse();
        assertThat(http.scheme()).isEqualTo("https");
        assertThat(http.plainExposure()).isEmpty();
    }

    @Test
    void plain_http_off_loopback_is_allowed_by_the_environment_for_a_tls_proxy_in_front() {
        ServiceConfig.Http http = LoadConfig.load(Optional.of(dir), Optional.empty(),
                Map.of("MMS_HTTP_HOST", "0.0.0.0", "MMS_HTTP_ALLOW_PLAIN", "true")).http();

        assertThat(http.allowPlainHttp()).isTrue();
        assertThat(http.plainExposure()).isEmpty();
        assertThat(LoadConfig.load(Optional.of(dir), Optional.empty(), Map.of("MMS_HTTP_HOST", "0.0.0.0")).http().plainExposure())
                .hasValueSatisfying(why -> assertThat(why).contains("http.allowPlainHttp"));
    }

    @Test
    void half_a_tls_setting_or_a_missing_file_is_a_problem_named_at_load() {
        assertThatThrownBy(() -> LoadConfig.load(Optional.of(dir), Optional.empty(),
                Map.of("MMS_HTTP_TLS_CERTIFICATE", dir.resolve("nowhere.pem").toString())))
                .hasMessageContaining("both a certificate and a privateKey");
        assertThatThrownBy(() -> LoadConfig.load(Optional.of(dir), Optional.empty(),
                Map.of("MMS_HTTP_TLS_CERTIFICATE", dir.resolve("nowhere.pem").toString(), "MMS_HTTP_TLS_PRIVATE_KEY", dir.resolve("k.pem").toString(),
                        "MMS_HTTP_ALLOW_PLAIN", "yes")))
                .hasMessageContaining("cannot read the TLS file " + dir.resolve("nowhere.pem"))
                .hasMessageContaining("http.allowPlainHttp must be true or false");
    }
}
