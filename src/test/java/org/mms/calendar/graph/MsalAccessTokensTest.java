package org.mms.calendar.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mms.calendar.PermanentStoreException;
import org.mms.calendar.TransientStoreException;
import org.mms.secret.ClientCertificate;
import org.mms.secret.Secret;
import org.mms.testing.KeytoolCertificates;
import org.slf4j.LoggerFactory;

/**
 * msal4j's client-credential flow against a token endpoint on this machine (HTTPS: msal4j takes no other
 * authority): a token with a client secret or a certificate, kept in msal4j's cache, renewed when it is
 * about to expire and after Graph refused it, and Entra's refusals said in one line that names the fix
 * and never the secret.
 */
class MsalAccessTokensTest {

    private LocalEntra entra;
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            logged.add(event.getFormattedMessage() + (event.getThrowableProxy() == null ? "" : " " + event.getThrowableProxy().getMessage()));
        }
    };

    @BeforeEach
    void start() throws Exception {
        entra = new LocalEntra();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.classic.Level before = root.getLevel();
        capture.setContext(root.getLoggerContext());
        capture.start();
        root.addAppender(capture);
        ((Logger) LoggerFactory.getLogger("com.microsoft.aad.msal4j")).setLevel(ch.qos.logback.classic.Level.DEBUG);
        root.setLevel(before);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(capture);
        ((Logger) LoggerFactory.getLogger("com.microsoft.aad.msal4j")).setLevel(null);
        entra.close();
    }

    private MsalAccessTokens withSecret(String secret) {
        return MsalAccessTokens.withSecret(entra.settings(), new Secret(secret), entra.client());
    }

    @Test
    void a_token_is_obtained_with_the_client_secret_and_then_served_from_the_cache() {
        MsalAccessTokens tokens = withSecret(LocalEntra.SECRET);

        String first = tokens.token();
        String second = tokens.token();

        assertThat(first).isEqualTo("local-token-1").isEqualTo(second);
        assertThat(entra.tokensIssued()).isEqualTo(1);
        assertThat(entra.tokenRequests().getFirst()).contains("grant_type=client_credentials")
                .contains("scope=https%3A%2F%2Fgraph.microsoft.com%2F.default");
    }

    @Test
    void a_token_graph_refused_is_not_handed_out_again_and_the_new_one_is_cached() {
        MsalAccessTokens tokens = withSecret(LocalEntra.SECRET);
        String refused = tokens.token();

        tokens.refused(refused);
        String renewed = tokens.token();

        assertThat(renewed).isNotEqualTo(refused);
        assertThat(tokens.token()).isEqualTo(renewed);
        assertThat(entra.tokensIssued()).isEqualTo(2);
    }

    @Test
    void a_token_with_less_than_five_minutes_left_is_renewed_before_it_is_handed_out() {
        entra.expiresIn(240);
        MsalAccessTokens tokens = withSecret(LocalEntra.SECRET);

        String first = tokens.token();
        String second = tokens.token();

        assertThat(second).isNotEqualTo(first);
        assertThat(entra.tokensIssued()).isEqualTo(2);
    }

    @Test
    void a_wrong_client_secret_is_one_line_saying_so_without_the_secret() {
        String wrong = "wrong~secret.value-that-must-not-show";
        MsalAccessTokens tokens = withSecret(wrong);

        assertThatThrownBy(tokens::token).isInstanceOf(PermanentStoreException.class)
                .hasMessageStartingWith("the client secret is wrong or expired")
                .hasMessageNotContaining(wrong).hasMessageNotContaining("\n");
        assertThat(logged).noneMatch(line -> line.contains(wrong) || line.contains(LocalEntra.SECRET));
        assertThat(entra.tokenRequests()).singleElement().asString().contains("client_secret=");
    }

    @Test
    void an_unknown_tenant_and_an_unknown_application_say_which_id_to_check() {
        GraphSettings otherTenant = new GraphSettings("11111111-2222-3333-4444-555555555555", LocalEntra.CLIENT, entra.graphUrl(),
                entra.authorityUrl(), 4, 64, Duration.ofSeconds(10));
        GraphSettings otherClient = new GraphSettings(LocalEntra.TENANT, "99999999-2222-3333-4444-555555555555", entra.graphUrl(),
                entra.authorityUrl(), 4, 64, Duration.ofSeconds(10));

        assertThatThrownBy(() -> MsalAccessTokens.withSecret(otherTenant, new Secret(LocalEntra.SECRET), entra.client()).token())
                .isInstanceOf(PermanentStoreException.class)
                .hasMessageContaining("tenant 11111111-2222-3333-4444-555555555555 is not known to Entra ID").hasMessageContaining("DirectoryTenantId");
        assertThatThrownBy(() -> MsalAccessTokens.withSecret(otherClient, new Secret(LocalEntra.SECRET), entra.client()).token())
                .isInstanceOf(PermanentStoreException.class)
                .hasMessageContaining("no application with client id 99999999-2222-3333-4444-555555555555").hasMessageContaining("ClientId");
    }

    @Test
    void an_authority_that_does_not_answer_is_a_transient_failure_naming_it() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        GraphSettings nowhere = new GraphSettings(LocalEntra.TENANT, LocalEntra.CLIENT, entra.graphUrl(),
                URI.create("https://127.0.0.1:" + closed), 4, 64, Duration.ofSeconds(5));

        assertThatThrownBy(() -> MsalAccessTokens.withSecret(nowhere, new Secret(LocalEntra.SECRET), entra.client()).token())
                .isInstanceOf(TransientStoreException.class)
                .hasMessageStartingWith("the authority https://127.0.0.1:" + closed + " cannot be reached")
                .hasMessageNotContaining(LocalEntra.SECRET);
    }

    @Test
    void a_plain_http_authority_is_refused_by_msal4j_before_anything_is_sent() {
        GraphSettings http = new GraphSettings(LocalEntra.TENANT, LocalEntra.CLIENT, entra.graphUrl(), URI.create("http://127.0.0.1:1"), 4, 64,
                Duration.ofSeconds(5));

        assertThatThrownBy(() -> MsalAccessTokens.withSecret(http, new Secret(LocalEntra.SECRET), entra.client()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
    }

    @Test
    void a_certificate_from_a_pem_or_a_pfx_file_signs_the_assertion_entra_checks() {
        byte[] pfx = KeytoolCertificates.pfx("mms-graph", "pfx-password");
        ClientCertificate fromPfx = ClientCertificate.read(pfx, Optional.of(new Secret("pfx-password")));
        ClientCertificate fromPem = ClientCertificate.read(KeytoolCertificates.pem(pfx, "pfx-password"), Optional.empty());
        entra.acceptCertificate(fromPfx.certificate().getPublicKey());

        String viaPfx = MsalAccessTokens.withCertificate(entra.settings(), fromPfx, entra.client()).token();
        String viaPem = MsalAccessTokens.withCertificate(entra.settings(), fromPem, entra.client()).token();

        assertThat(viaPfx).startsWith("local-token-");
        assertThat(viaPem).startsWith("local-token-").isNotEqualTo(viaPfx);
        assertThat(fromPem.thumbprint()).isEqualTo(fromPfx.thumbprint()).hasSize(40);
        assertThat(entra.tokenRequests()).allMatch(body -> body.contains("client_assertion=") && !body.contains("client_secret"));
    }

    @Test
    void a_certificate_entra_does_not_know_says_to_upload_it() {
        byte[] pfx = KeytoolCertificates.pfx("not-uploaded", "password");
        entra.acceptCertificate(ClientCertificate.read(KeytoolCertificates.pfx("uploaded", "password"), Optional.of(new Secret("password")))
                .certificate().getPublicKey());

        assertThatThrownBy(() -> MsalAccessTokens.withCertificate(entra.settings(),
                ClientCertificate.read(pfx, Optional.of(new Secret("password"))), entra.client()).token())
                .isInstanceOf(PermanentStoreException.class).hasMessageContaining("does not accept the certificate");
    }
}
