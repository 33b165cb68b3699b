package org.mms.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mms.testing.RunningApi;
import org.mms.testing.StubAdmin;

/** HTTPS from PEM files: a self-signed certificate made here with the JDK's keytool, and nothing plain on that port. */
class ApiHttpsTest {

    @TempDir
    Path dir;

    @Test
    void the_api_answers_over_https_with_a_pem_certificate_and_key_and_not_over_plain_http() throws Exception {
        KeyStore generated = selfSigned(dir);
        Certificate certificate = generated.getCertificate("mms");
        Path certPem = dir.resolve("cert.pem");
        Path keyPem = dir.resolve("key.pem");
        Files.writeString(certPem, pem("CERTIFICATE", certificate.getEncoded()));
        Files.writeString(keyPem, pem("PRIVATE KEY", generated.getKey("mms", "changeit".toCharArray()).getEncoded()));

        ApiServer server = new ApiServer(new StubAdmin(), token -> Optional.ofNullable(
                token.equals(RunningApi.CONTOSO_TOKEN) ? RunningApi.CONTOSO : null), ReadinessCheck.Readiness::ok)
                .start("127.0.0.1", 0, Optional.of(new Tls(certPem, keyPem)));
        try {
            HttpClient client = trusting(certificate);

            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port() + "/api/v1/migrations"))
                    .header("Authorization", "Bearer " + RunningApi.CONTOSO_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);

            HttpResponse<String> plain;
            try {
                plain = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException refused) {
                plain = null;
            }
            // Jetty answers plain HTTP on a TLS port with 400 at most; it never serves the API there.
            assertThat(plain == null || plain.statusCode() == 400).as("plain HTTP on the HTTPS port").isTrue();
        } finally {
            server.stop();
        }
    }

    @Test
    void a_key_file_without_a_private_key_is_refused_with_its_name_and_no_content() throws Exception {
        Path certPem = dir.resolve("cert.pem");
        KeyStore generated = selfSigned(dir);
        Files.writeString(certPem, pem("CERTIFICATE", generated.getCertificate("mms").getEncoded()));
        Path notAKey = dir.resolve("not-a-key.pem");
        Files.writeString(notAKey, "secret-looking-text\n");

        assertThatThrownBy(() -> PemKeyStore.load(new Tls(certPem, notAKey)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(notAKey.toString())
                .hasMessageNotContaining("secret-looking-text");
    }

    /** A self-signed RSA certificate for 127.0.0.1 and localhost, made by keytool as an admin would. */
    /** An HTTP/1.1 client that trusts only this certificate. */
    static HttpClient trusting(Certificate certificate) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("mms", certificate);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ssl).version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    static KeyStore selfSigned(Path dir) throws Exception {
        Path store = dir.resolve("generated-" + System.nanoTime() + ".p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "mms", "-keyalg", "RSA", "-keysize", "2048",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-keystore", store.toString(),
                "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(output).isZero();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        return ks;
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
