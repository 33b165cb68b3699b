package org.mms.itip.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mms.itip.mail.SmtpMailerTest.CLOCK;
import static org.mms.itip.mail.SmtpMailerTest.SERVICE;
import static org.mms.testing.ItipRequests.aRequest;

import java.security.KeyStore;
import java.util.Optional;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Test;
import org.mms.itip.Delivery;
import org.mms.itip.MailRejectedException;

/**
 * TLS: implicit TLS against GreenMail's SMTPS, with the host name always checked against the
 * certificate. A test trusts exactly the server's self-signed certificate through the mailer's
 * test-only constructor; production code has only the JDK's trust store.
 *
 * <p>GreenMail does not implement STARTTLS, so STARTTLS is covered here only by its most important
 * property: when it is required and the server does not offer it, nothing is sent, in clear or at all.
 */
class SmtpMailerTlsTest {

    @Test
    void implicit_tls_delivers_when_the_certificate_is_trusted_and_names_the_host() {
        KeyStore localhost = TestCertificates.localhost();
        try (TestSmtpServer server = TestSmtpServer.tls(TestCertificates.serverFactory(localhost));
                SmtpMailer mailer = mailer(server, "localhost", Optional.of(TestCertificates.trusting(localhost)))) {

            assertThat(mailer.send(aRequest().build())).isEqualTo(Delivery.accepted());

            assertThat(server.received()).hasSize(2);
        }
    }

    @Test
    void a_login_over_implicit_tls_is_accepted() {
        KeyStore localhost = TestCertificates.localhost();
        try (TestSmtpServer server = TestSmtpServer.tls(TestCertificates.serverFactory(localhost))
                        .requireLogin("mms@service.contoso.com", "mms", "over-tls-only");
                SmtpMailer mailer = new SmtpMailer(
                        server.settings("localhost").withLogin(Optional.of(new SmtpSettings.Login("mms", "over-tls-only"))),
                        new ComposeImipMessage(CLOCK, Optional.of(SERVICE)), Optional.of(TestCertificates.trusting(localhost)),
                        RateLimit.perSecond(1_000))) {

            assertThat(mailer.send(aRequest().build())).isEqualTo(Delivery.accepted());

            assertThat(server.received()).hasSize(2);
        }
    }

    @Test
    void a_trusted_certificate_for_another_name_is_refused() {
        KeyStore localhost = TestCertificates.localhost();
        try (TestSmtpServer server = TestSmtpServer.tls(TestCertificates.serverFactory(localhost));
                SmtpMailer mailer = mailer(server, "127.0.0.1", Optional.of(TestCertificates.trusting(localhost)))) {

            assertThatThrownBy(() -> mailer.send(aRequest().build()))
                    .isInstanceOfSatisfying(MailRejectedException.class, e -> {
                        assertThat(e.permanent()).isFalse();
                        assertThat(e.getMessage()).contains("could not set up TLS", "name the configured host");
                    });
            assertThat(server.received()).isEmpty();
        }
    }

    @Test
    void greenmails_own_certificate_trusted_but_naming_no_host_is_refused() {
        KeyStore greenMail = TestCertificates.greenMail();
        try (TestSmtpServer server = TestSmtpServer.tls(TestCertificates.serverFactory(greenMail));
                SmtpMailer mailer = mailer(server, "localhost", Optional.of(TestCertificates.trusting(greenMail)))) {

            assertThatThrownBy(() -> mailer.send(aRequest().build()))
                    .isInstanceOfSatisfying(MailRejectedException.class, e -> assertThat(e.getMessage()).contains("TLS"));
            assertThat(server.received()).isEmpty();
        }
    }

    @Test
    void a_certificate_the_jdk_does_not_trust_is_refused_by_the_production_constructor() {
        try (TestSmtpServer server = TestSmtpServer.tls(TestCertificates.serverFactory(TestCertificates.localhost()));
                SmtpMailer mailer = new SmtpMailer(server.settings("localhost"), new ComposeImipMessage(CLOCK, Optional.of(SERVICE)))) {

            assertThatThrownBy(() -> mailer.send(aRequest().build()))
                    .isInstanceOfSatisfying(MailRejectedException.class, e -> {
                        assertThat(e.permanent()).isFalse();
                        assertThat(e.getMessage()).contains("could not set up TLS");
                    });
            assertThat(server.received()).isEmpty();
        }
    }

    @Test
    void starttls_required_and_not_offered_sends_nothing() {
        try (TestSmtpServer server = TestSmtpServer.plain();
                SmtpMailer mailer = new SmtpMailer(server.settings("127.0.0.1").withSecurity(SmtpSettings.Security.STARTTLS),
                        new ComposeImipMessage(CLOCK, Optional.of(SERVICE)))) {

            assertThatThrownBy(() -> mailer.send(aRequest().build()))
                    .isInstanceOfSatisfying(MailRejectedException.class, e -> {
                        assertThat(e.permanent()).isFalse();
                        assertThat(e.getMessage()).contains("does not offer STARTTLS", "nothing was sent in clear");
                    });
            assertThat(server.received()).isEmpty();
        }
    }

    @Test
    void the_session_checks_the_server_identity_and_requires_starttls_when_asked() {
        SmtpSettings startTls = SmtpSettings.startTls("smtp.contoso.com", 587, "mms", "pw");

        var props = SmtpMailer.properties(startTls, "smtp", Optional.empty(), Optional.empty());

        assertThat(props.getProperty("mail.smtp.starttls.enable")).isEqualTo("true");
        assertThat(props.getProperty("mail.smtp.starttls.required")).isEqualTo("true");
        assertThat(props.getProperty("mail.smtp.ssl.checkserveridentity")).isEqualTo("true");
        assertThat(props).doesNotContainKeys("mail.smtp.ssl.trust", "mail.smtp.ssl.socketFactory");
        assertThat(props.values()).doesNotContain("pw");
    }

    private static SmtpMailer mailer(TestSmtpServer server, String host, Optional<SSLSocketFactory> trust) {
        return new SmtpMailer(server.settings(host), new ComposeImipMessage(CLOCK, Optional.of(SERVICE)), trust,
                RateLimit.perSecond(1_000));
    }
}
