package org.mms.service;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mms.calendar.graph.emulator.GraphEmulator;
import org.mms.config.ServiceConfig;
import org.mms.secret.ClientCertificate;
import org.mms.secret.Secret;
import org.mms.testing.KeytoolCertificates;
import org.slf4j.LoggerFactory;

/**
 * {@code Set-CsCalendarStore -Kind Graph} end to end: cmdlet, API, admin, sealed in the database, and tried on
 * the Graph emulator before it is saved (a token, then Alice's calendar). The emulator speaks HTTPS, as
 * msal4j requires of an authority; the service trusts its certificate for the length of this class. The
 * client secret, the certificate and its password appear in no answer, no error and no log line.
 */
class SetCalendarStoreOnExchangeOnlineTest {

    private static final String SECRET_CANARY = "canary~client.secret-8d1f";

    @TempDir
    static Path dir;
    private static GraphEmulator emulator;
    private static SSLContext trustedBefore;
    private static MmsService service;
    private static AdminShell admin;
    private static final List<String> seen = Collections.synchronizedList(new ArrayList<>());
    private static final AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            seen.add(event.getLoggerName() + " " + event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy())));
        }
    };
    private static Level rootLevel;

    @BeforeAll
    static void start() throws Exception {
        emulator = GraphEmulator.builder().https().start();
        emulator.addMailbox(ServiceOnCalDavServerContract.ALICE);
        trustedBefore = SSLContext.getDefault();
        SSLContext.setDefault(emulator.sslContext().orElseThrow());
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLevel = root.getLevel();
        root.setLevel(Level.DEBUG);
        capture.setContext(root.getLoggerContext());
        capture.start();
        root.addAppender(capture);
        ServiceConfig config = AdminShell.onLoopback(dir.resolve("data"), 0);
        service = MmsService.start(config, Clock.systemUTC());
        admin = new AdminShell(service, config.dataDir());
        admin.run("Import-CsDirectory", "-Path", Files.writeString(dir.resolve("directory.json"), ServiceOnCalDavServerContract.directoryJson())
                .toString());
    }

    @AfterAll
    static void stop() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(capture);
        root.setLevel(rootLevel);
        if (service != null) {
            service.close();
        }
        SSLContext.setDefault(trustedBefore);
        emulator.close();
    }

    @BeforeEach
    void embedded() {
        admin.run("Set-CsCalendarStore", "-Kind", "Embedded");
    }

    private static String file(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content + "\n").toString();
    }

    private static String file(String name, byte[] content) throws Exception {
        return Files.write(dir.resolve(name), content).toString();
    }

    /** Set-CsCalendarStore -Kind Graph on the emulator, with more parameters. */
    private static String[] graph(String... more) {
        return graphAt(emulator.graphUrl().toString(), emulator.authorityUrl().toString(), more);
    }

    private static String[] graphAt(String graphUrl, String authorityUrl, String... more) {
        List<String> args = new ArrayList<>(List.of("Set-CsCalendarStore", "-Kind", "Graph", "-DirectoryTenantId", emulator.tenantId(),
                "-ClientId", emulator.clientId(), "-GraphUrl", graphUrl, "-AuthorityUrl", authorityUrl));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static AdminShell.Outcome attempt(String... args) {
        AdminShell.Outcome outcome = admin.attempt(args);
        seen.add(outcome.out());
        seen.add(outcome.err());
        return outcome;
    }

    private static String shown() {
        String shown = admin.run("Get-CsCalendarStore");
        seen.add(shown);
        return shown;
    }

    @Test
    void the_right_secret_is_tried_on_alices_mailbox_saved_and_shown_without_it() throws Exception {
        int before = emulator.requests().size();

        AdminShell.Outcome saved = attempt(graph("-ClientSecretFile", file("secret", emulator.clientSecret())));

        assertThat(saved.exitCode()).as(saved.err()).isZero();
        assertThat(emulator.requests().subList(before, emulator.requests().size()))
                .anyMatch(r -> r.path().equals("/v1.0/users/alice%40contoso.com/calendarView"));
        assertThat(shown()).containsPattern("Kind\\s*:\\s*Graph").containsPattern("DirectoryTenantId\\s*:\\s*" + emulator.tenantId())
                .containsPattern("ClientId\\s*:\\s*" + emulator.clientId()).contains(emulator.graphUrl().toString())
                .contains(emulator.authorityUrl().toString()).containsPattern("ClientSecretSet\\s*:\\s*True")
                .containsPattern("CertificateSet\\s*:\\s*False").doesNotContain(emulator.clientSecret());
    }

    @Test
    void a_wrong_secret_is_refused_in_one_line_and_nothing_is_saved() throws Exception {
        AdminShell.Outcome refused = attempt(graph("-ClientSecretFile", file("wrong-secret", SECRET_CANARY)));

        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("the client secret is wrong or expired", "nothing was saved", "SkipValidation")
                .doesNotContain(SECRET_CANARY);
        assertThat(shown()).containsPattern("Kind\\s*:\\s*Embedded");
    }

    @Test
    void skip_validation_saves_a_secret_entra_would_refuse_and_a_later_rotation_keeps_the_rest() throws Exception {
        admin.run(graph("-ClientSecretFile", file("wrong-secret", SECRET_CANARY), "-SkipValidation"));
        assertThat(shown()).containsPattern("Kind\\s*:\\s*Graph").containsPattern("ClientSecretSet\\s*:\\s*True");

        AdminShell.Outcome rotated = attempt("Set-CsCalendarStore", "-ClientSecretFile", file("secret", emulator.clientSecret()));

        assertThat(rotated.exitCode()).as(rotated.err()).isZero();
        assertThat(shown()).containsPattern("DirectoryTenantId\\s*:\\s*" + emulator.tenantId()).contains(emulator.graphUrl().toString());
    }

    @Test
    void a_pfx_with_its_password_file_or_a_pem_is_tried_saved_and_shown_by_its_thumbprint_only() throws Exception {
        byte[] pfx = KeytoolCertificates.pfx("mms-graph", "canary-pfx-password");
        String thumbprint = ClientCertificate.read(pfx, java.util.Optional.of(new Secret("canary-pfx-password"))).thumbprint();

        admin.run(graph("-CertificateFile", file("app.pfx", pfx), "-CertificatePasswordFile", file("pfx-password", "canary-pfx-password")));
        assertThat(shown()).containsPattern("CertificateSet\\s*:\\s*True").containsPattern("ClientSecretSet\\s*:\\s*False")
                .contains(thumbprint).doesNotContain("canary-pfx-password");

        admin.run(graph("-CertificateFile", file("app.pem", KeytoolCertificates.pem(pfx, "canary-pfx-password"))));
        assertThat(shown()).containsPattern("CertificateSet\\s*:\\s*True").contains(thumbprint);
    }

    @Test
    void wrong_parameters_are_refused_naming_the_one_to_fix_and_nothing_is_saved() throws Exception {
        String secret = file("secret", emulator.clientSecret());
        assertThat(attempt("Set-CsCalendarStore", "-Kind", "Graph", "-DirectoryTenantId", "contoso", "-ClientId", emulator.clientId(),
                "-ClientSecretFile", secret).err()).contains("DirectoryTenantId must be").contains("GUID");
        assertThat(attempt("Set-CsCalendarStore", "-Kind", "Graph", "-DirectoryTenantId", emulator.tenantId(), "-ClientId", "12345",
                "-ClientSecretFile", secret).err()).contains("ClientId must be");
        assertThat(attempt(graph()).err()).contains("needs a client secret (ClientSecretFile) or a certificate (CertificateFile)");
        assertThat(attempt(graph("-ClientSecretFile", secret, "-CertificateFile", secret)).err()).contains("not both");
        assertThat(attempt(graph("-ClientSecretFile", dir.resolve("missing").toString())).err())
                .contains("cannot read the -ClientSecretFile").contains("no such file");
        assertThat(attempt(graph("-CertificateFile", file("not-a-certificate", "hello"))).err()).contains("neither PEM nor a PFX");
        byte[] pfx = KeytoolCertificates.pfx("mms-graph", "the-right-password");
        assertThat(attempt(graph("-CertificateFile", file("locked.pfx", pfx), "-CertificatePasswordFile", file("wrong-pw", "canary-wrong-pw")))
                .err()).contains("certificate password does not open the PFX file").doesNotContain("canary-wrong-pw");
        assertThat(attempt(graphAt("http://graph.contoso.example/v1.0", emulator.authorityUrl().toString(), "-ClientSecretFile", secret)).err())
                .contains("GraphUrl is plain http to graph.contoso.example");
        assertThat(attempt(graphAt(emulator.graphUrl().toString(), "http://127.0.0.1:1", "-ClientSecretFile", secret)).err())
                .contains("AuthorityUrl must be https");
        assertThat(attempt(graph("-ClientSecretFile", secret, "-UserName", "mms")).err()).contains("are for a CalDAV store");
        assertThat(attempt("Set-CsCalendarStore", "-Kind", "CalDav", "-Url", "https://dav.contoso.example/", "-ClientId", emulator.clientId())
                .err()).contains("are for -Kind Graph");
        assertThat(shown()).containsPattern("Kind\\s*:\\s*Embedded");
    }

    @Test
    void the_in_flight_limits_are_saved_shown_and_kept_by_a_later_change_and_out_of_range_ones_are_refused() throws Exception {
        String secret = file("secret", emulator.clientSecret());
        admin.run(graph("-ClientSecretFile", secret));
        assertThat(shown()).containsPattern("MaxRequestsPerMailbox\\s*:\\s*4\\b").containsPattern("MaxRequestsInFlight\\s*:\\s*64\\b");

        admin.run(graph("-ClientSecretFile", secret, "-MaxRequestsPerMailbox", "2", "-MaxRequestsInFlight", "200"));
        assertThat(shown()).containsPattern("MaxRequestsPerMailbox\\s*:\\s*2\\b").containsPattern("MaxRequestsInFlight\\s*:\\s*200\\b");
        admin.run("Set-CsCalendarStore", "-ClientSecretFile", secret);
        assertThat(shown()).as("a secret rotation keeps the limits").containsPattern("MaxRequestsPerMailbox\\s*:\\s*2\\b")
                .containsPattern("MaxRequestsInFlight\\s*:\\s*200\\b");

        assertThat(attempt(graph("-MaxRequestsPerMailbox", "5")).err()).contains("MaxRequestsPerMailbox must be 1 to 4, not 5")
                .contains("429");
        assertThat(attempt(graph("-MaxRequestsPerMailbox", "0")).err()).contains("MaxRequestsPerMailbox must be 1 to 4, not 0");
        assertThat(attempt(graph("-MaxRequestsInFlight", "1001")).err()).contains("MaxRequestsInFlight must be 1 to 1000, not 1001");
        assertThat(attempt(graph("-MaxRequestsInFlight", "0")).err()).contains("MaxRequestsInFlight must be 1 to 1000, not 0");
        assertThat(attempt(graph("-MaxRequestsPerMailbox", "four")).exitCode()).isNotZero();
        assertThat(attempt("Set-CsCalendarStore", "-Kind", "CalDav", "-Url", "https://dav.contoso.example/", "-MaxRequestsInFlight", "8")
                .err()).contains("are for -Kind Graph");
        assertThat(shown()).as("nothing refused was saved").containsPattern("MaxRequestsPerMailbox\\s*:\\s*2\\b")
                .containsPattern("MaxRequestsInFlight\\s*:\\s*200\\b");
    }

    @Test
    void an_authority_that_does_not_answer_is_said_to_be_unreachable() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        AdminShell.Outcome refused = attempt(graphAt(emulator.graphUrl().toString(), "https://127.0.0.1:" + closed, "-ClientSecretFile",
                file("secret", SECRET_CANARY)));

        assertThat(refused.err()).contains("the authority https://127.0.0.1:" + closed + " cannot be reached", "nothing was saved");
    }

    @Test
    void no_secret_appears_in_any_answer_error_or_log_line() throws Exception {
        the_right_secret_is_tried_on_alices_mailbox_saved_and_shown_without_it();
        embedded();
        a_wrong_secret_is_refused_in_one_line_and_nothing_is_saved();
        a_pfx_with_its_password_file_or_a_pem_is_tried_saved_and_shown_by_its_thumbprint_only();

        synchronized (seen) {
            assertThat(seen).isNotEmpty().noneMatch(text -> text.contains(SECRET_CANARY) || text.contains(emulator.clientSecret())
                    || text.contains("canary-pfx-password") || text.contains("canary-wrong-pw") || text.contains("BEGIN PRIVATE KEY"));
        }
    }
}
