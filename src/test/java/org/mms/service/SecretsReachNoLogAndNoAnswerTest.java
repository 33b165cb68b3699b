package org.mms.service;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mms.config.ServiceConfig;
import org.mms.db.Database;
import org.mms.db.DatabaseConfig;
import org.mms.db.JdbcDirectory;
import org.mms.directory.CalendarStoreSettings;
import org.mms.directory.Tenant;
import org.mms.directory.TenantId;
import org.mms.directory.TenantSettings;
import org.mms.itip.mail.SmtpSettings;
import org.mms.secret.Secret;
import org.mms.secret.SecretBox;
import org.mms.testing.RadicaleServer;
import org.slf4j.LoggerFactory;

/**
 * Issue 13, defect 5: a canary password is planted in the calendar store and the SMTP settings, every
 * failure path that can carry it is driven (a user name no column holds, a database failure, a wrong
 * password, an unreachable server, a URL with the password in it, invalid settings, a migration that
 * fails on the password, the SMTP login at start), with every logger at DEBUG as an admin hunting a
 * problem would set it; then the canary (and its Basic-authentication form) is looked for in every log
 * line with its stack trace, every API answer and every cmdlet's output: it is nowhere.
 */
class SecretsReachNoLogAndNoAnswerTest {

    private static final String CANARY = "canary-" + UUID.randomUUID();
    private static final String ALICE = ServiceOnCalDavServerContract.ALICE;

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("mms@contoso.com", "mms", "the-right-smtp-password"));

    @AutoClose
    private static RadicaleServer radicale;

    @TempDir
    Path dir;

    private final List<String> seen = new ArrayList<>();
    private final Capture capture = new Capture();
    private Level rootLevel;

    @BeforeAll
    static void startRadicale() {
        radicale = RadicaleServer.start();
    }

    @BeforeEach
    void captureEveryLogLine() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLevel = root.getLevel();
        root.setLevel(Level.DEBUG);
        capture.setContext(root.getLoggerContext());
        capture.start();
        root.addAppender(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(capture);
        root.setLevel(rootLevel);
    }

    @Test
    void a_planted_store_and_smtp_password_appears_in_no_log_line_no_api_answer_and_no_cmdlet_output() throws Exception {
        ServiceConfig config = AdminShell.onLoopback(dir.resolve("data"), 1);
        try (MmsService service = MmsService.start(config, Clock.systemUTC())) {
            AdminShell admin = new AdminShell(service, config.dataDir());
            Path directory = Files.writeString(dir.resolve("directory.json"), ServiceOnCalDavServerContract.directoryJson());
            note(admin.attempt("Import-CsDirectory", "-Path", directory.toString()));
            note(admin.attempt("Set-CsTenantMigrationConfiguration", "-SettleWindowSeconds", "0"));
            String url = radicale.baseUrl().toString();

            // Settings the API refuses: too long for their columns, invalid, a URL holding the password.
            note(admin.attempt("Set-CsCalendarStore", "-Kind", "CalDav", "-Url", url, "-UserName", "u".repeat(321), "-Password", CANARY));
            note(admin.attempt("Set-CsCalendarStore", "-Kind", "Bogus", "-Password", CANARY));
            note(admin.attempt("Set-CsCalendarStore", "-Kind", "CalDav", "-Url", url, "-Scheduling", "Sometimes", "-Password", CANARY));
            note(admin.attempt("Set-CsCalendarStore", "-Kind", "CalDav", "-Url", url, "-CalendarPath", "no-slash", "-Password", CANARY));
            note(admin.attempt("Set-CsCalendarStore", "-Kind", "CalDav", "-Url", "https://mms:" + CANARY + "@dav.contoso.invalid/"));
            note(admin.attempt("Set-CsCalendarStore", "-Kind", "CalDav", "-Url", "https://dav.contoso.invalid/%zz", "-Password", CANARY));
            note(admin.attempt("Set-CsCalendarStore", "-Kind", "CalDav", "-Url", "ftp://mms:" + CANARY + "@dav.contoso.invalid/"));
            note(admin.attempt("Set-CsCalendarStore", "-Kind", "CalDav", "-Url", url, "-UserName", "a:b", "-Password", CANARY));
            // Tried on servers that refuse it or are not there.
            note(admin.attempt("Set-CsCalendarStore", "-Kind", "CalDav", "-Url", url, "-UserName", RadicaleServer.USER, "-Password", CANARY));
            note(admin.attempt("Set-CsCalendarStore", "-Kind", "CalDav", "-Url", "http://127.0.0.1:" + closedPort() + "/", "-UserName", "mms",
                    "-Password", CANARY));
            note(admin.attempt("Set-CsCalendarStore", "-Kind", "CalDav", "-Url", "https://dav.contoso.invalid/", "-UserName", "mms",
                    "-Password", CANARY));
            // The same through the API itself.
            String token = Files.readString(config.dataDir().resolve("admin-token")).strip();
            note(patch(service, token, "{\"Kind\":\"CalDav\",\"Url\":\"" + url + "\",\"UserName\":\"" + "u".repeat(321) + "\",\"Password\":\""
                    + CANARY + "\"}"));
            note(patch(service, token, "{\"Kind\":\"CalDav\",\"Url\":\"https://mms:" + CANARY + "@dav.contoso.invalid/\"}"));
            note(patch(service, token, "{\"Password\":\"" + CANARY + "\",\"Kind\":42}"));
            note(patch(service, token, "{\"Password\":\"" + CANARY + "\",\"Nonsense\":true}"));

            // Saved as given, then a migration fails on it: the status, the detail, the store shown, the audit log.
            note(admin.attempt("Set-CsCalendarStore", "-Kind", "CalDav", "-Url", url, "-CalendarPath",
                    radicale.calendarPathTemplate().replace("{name}", "{user}"), "-UserName", RadicaleServer.USER, "-Password", CANARY,
                    "-SkipValidation"));
            note(admin.attempt("Start-CsExMeetingMigration", "-Identity", ALICE));
            note(admin.waitForMigrations(Duration.ofSeconds(60)).toString());
            note(admin.attempt("Get-CsMeetingMigrationStatus", "-Identity", ALICE));
            note(admin.attempt("Get-CsMeetingMigrationStatus", "--json"));
            note(admin.attempt("Get-CsCalendarStore"));
            note(admin.attempt("Get-CsCalendarStore", "--json"));
            note(admin.attempt("Get-CsAuditLog", "--json"));
            note(get(service, token, "/api/v1/tenant/calendar-store"));
            note(get(service, token, "/ready"));
        }

        // Where the database itself fails with the password bound to the statement.
        try (Database db = Database.open(DatabaseConfig.inMemory("secrets-" + UUID.randomUUID()))) {
            JdbcDirectory directory = new JdbcDirectory(db, SecretBox.ephemeral());
            TenantId tenant = new TenantId("contoso");
            directory.saveTenant(new Tenant(tenant, "contoso", List.of("contoso.com"), TenantSettings.defaults("contoso", "contoso.com")));
            CalendarStoreSettings tooLong = new CalendarStoreSettings(CalendarStoreSettings.Kind.CALDAV, Optional.of(radicale.baseUrl()),
                    Optional.empty(), Optional.of("u".repeat(321)), Optional.of(new Secret(CANARY)), CalendarStoreSettings.Scheduling.AUTO);
            assertThatThrownBy(() -> directory.saveCalendarStore(tenant, tooLong)).satisfies(e -> {
                LoggerFactory.getLogger(SecretsReachNoLogAndNoAnswerTest.class).error("saving the store failed", e);
                note(trace(e));
            });
            note(tooLong.toString());
        }

        // The SMTP login tried at start, with the canary as its (wrong) password.
        SmtpSettings smtp = new SmtpSettings("127.0.0.1", SMTP.getSmtp().getPort(), SmtpSettings.Security.NONE,
                Optional.of(new SmtpSettings.Login("mms", CANARY)), Duration.ofSeconds(5), Duration.ofSeconds(5), 100);
        ServiceConfig withSmtp = config.withMail(new ServiceConfig.Mail(config.mail().pickupDirectory(), Optional.of("mms@contoso.com"),
                Optional.of(smtp), 1));
        assertThatThrownBy(() -> MmsService.start(withSmtp, Clock.systemUTC())).isInstanceOf(StartRefused.class)
                .satisfies(e -> note(trace(e)));
        note(withSmtp.describe());
        note(smtp.toString());

        assertThat(capture.lines).as("log lines captured").isNotEmpty();
        String everything = String.join("\n", seen) + "\n" + String.join("\n", capture.lines);
        assertThat(everything).as("what the failures said").contains("401", "cannot be reached", "longer than 320", "user name or password",
                "refused the login");
        String basic = Base64.getEncoder().encodeToString((RadicaleServer.USER + ":" + CANARY).getBytes(UTF_8));
        String smtpPlain = Base64.getEncoder().encodeToString(("\0mms\0" + CANARY).getBytes(UTF_8));
        for (String secret : List.of(CANARY, basic, smtpPlain, Base64.getEncoder().encodeToString(CANARY.getBytes(UTF_8)))) {
            assertThat(seen).as("answers and outputs").noneMatch(s -> s.contains(secret));
            assertThat(capture.lines).as("log lines").noneMatch(s -> s.contains(secret));
        }
    }

    private void note(AdminShell.Outcome outcome) {
        seen.add(outcome.out());
        seen.add(outcome.err());
    }

    private void note(String text) {
        seen.add(text);
    }

    private static String trace(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String patch(MmsService service, String token, String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/api/v1/tenant/calendar-store"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static String get(MmsService service, String token, String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + path))
                .header("Authorization", "Bearer " + token).GET().build());
    }

    private static String send(HttpRequest request) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + response.headers().map() + " " + response.body();
        }
    }

    /**
     * Every event as the log shows it: the formatted message and the whole stack trace. Except GreenMail's:
     * it is the mail server at the other end of the wire, which logs the login it receives.
     */
    private static final class Capture extends AppenderBase<ILoggingEvent> {
        final List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        protected void append(ILoggingEvent event) {
            if (event.getLoggerName().startsWith("com.icegreen.greenmail")) {
                return;
            }
            lines.add(event.getLoggerName() + " " + event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy())));
        }
    }
}
