package org.mms.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mms.config.ServiceConfig;
import org.mms.testing.CountingHttpServer;
import org.mms.testing.RadicaleServer;
import tools.jackson.databind.JsonNode;

/**
 * Issue 13, defect 4: the CalDAV store's password goes only to the store's own origin (scheme, host,
 * port). The store is a real Radicale; the "other server" is a real HTTP listener on another port of
 * this machine that counts the Authorization headers it gets: none, whether the other origin comes
 * with a directory import (refused, naming the user) or was imported before the store pointed
 * elsewhere (the migration fails for that user and says why). Plain http to another host is refused
 * unless the store is set up with -AllowInsecureHttp.
 */
class CalendarUrlsOnOtherServersTest {

    private static final String ALICE = ServiceOnCalDavServerContract.ALICE;

    @AutoClose
    private static RadicaleServer radicale;

    @TempDir
    Path dir;

    @AutoClose
    private final CountingHttpServer elsewhere = new CountingHttpServer();

    @BeforeAll
    static void startRadicale() {
        radicale = RadicaleServer.start();
    }

    private MmsService start() throws Exception {
        return MmsService.start(AdminShell.onLoopback(dir.resolve("data"), 1), Clock.systemUTC());
    }

    private Path directoryWithCalendarAt(String url) throws Exception {
        Path file = dir.resolve("directory.json");
        Files.writeString(file, ServiceOnCalDavServerContract.directoryJson()
                .replace("\"mailbox\": \"reachable\",", "\"mailbox\": \"reachable\", \"calendarUrl\": \"" + url + "\","));
        return file;
    }

    private static String[] storeOnRadicale() {
        return ServiceOnCalDavServerContract.storeCommand(radicale, radicale.password());
    }

    @Test
    void a_directory_import_naming_a_calendar_on_another_origin_is_refused_with_the_user_and_the_reason() throws Exception {
        try (MmsService service = start()) {
            AdminShell admin = new AdminShell(service, service.config().dataDir());
            admin.run(storeOnRadicale());

            AdminShell.Outcome refused = admin.attempt("Import-CsDirectory", "-Path",
                    directoryWithCalendarAt(elsewhere.baseUrl().resolve("/alice/calendar/").toString()).toString());

            assertThat(refused.exitCode()).isNotZero();
            assertThat(refused.err()).contains("users[0] (" + ALICE + ")", "calendarUrl", "is on " + elsewhere.baseUrl().toString().replaceAll("/$", ""),
                    "calendar store's own", "nothing was saved");
            assertThat(admin.run("Get-CsOnlineUser", "--json")).doesNotContain(ALICE);
        }
        assertThat(elsewhere.received()).isEmpty();
    }

    @Test
    void a_calendar_on_another_origin_imported_before_the_store_moved_gets_no_credentials_and_the_migration_says_why()
            throws Exception {
        try (MmsService service = start()) {
            AdminShell admin = new AdminShell(service, service.config().dataDir());
            // Accepted: with the embedded store there are no credentials to protect.
            admin.run("Import-CsDirectory", "-Path", directoryWithCalendarAt(elsewhere.baseUrl().resolve("/alice/calendar/").toString()).toString());
            admin.run("Set-CsTenantMigrationConfiguration", "-SettleWindowSeconds", "0");
            admin.run(storeOnRadicale());

            admin.run("Start-CsExMeetingMigration", "-Identity", ALICE);
            JsonNode status = admin.waitForMigrations(Duration.ofSeconds(60)).get(0);

            assertThat(status.path("State").asString()).as(status.toString()).isEqualTo("Failed");
            assertThat(status.path("LastMessage").asString()).contains("not on the calendar store's own");
        }
        assertThat(elsewhere.authorizations()).isZero();
        assertThat(elsewhere.received()).isEmpty();
    }

    @Test
    void a_calendar_path_that_is_a_url_on_another_origin_is_refused_when_the_store_is_set() throws Exception {
        try (MmsService service = start()) {
            AdminShell admin = new AdminShell(service, service.config().dataDir());
            AdminShell.Outcome refused = admin.attempt("Set-CsCalendarStore", "-Kind", "CalDav", "-Url", radicale.baseUrl().toString(),
                    "-CalendarPath", elsewhere.baseUrl() + "{user}/calendar/", "-UserName", RadicaleServer.USER, "-Password",
                    radicale.password().orElseThrow());

            assertThat(refused.exitCode()).isNotZero();
            assertThat(refused.err()).contains("CalendarPath is a URL on", "calendar store's own");
            assertThat(admin.run("Get-CsCalendarStore")).containsPattern("Kind\\s*:\\s*Embedded");
        }
        assertThat(elsewhere.received()).isEmpty();
    }

    @Test
    void plain_http_to_another_host_is_refused_unless_the_store_is_set_up_to_allow_it() throws Exception {
        try (MmsService service = start()) {
            AdminShell admin = new AdminShell(service, service.config().dataDir());
            String[] insecure = {"Set-CsCalendarStore", "-Kind", "CalDav", "-Url", "http://dav.contoso.invalid/", "-UserName", "mms",
                "-Password", "pw-insecure", "-SkipValidation"};

            AdminShell.Outcome refused = admin.attempt(insecure);
            assertThat(refused.exitCode()).isNotZero();
            assertThat(refused.err()).contains("plain http", "AllowInsecureHttp").doesNotContain("pw-insecure");
            assertThat(admin.run("Get-CsCalendarStore")).containsPattern("Kind\\s*:\\s*Embedded");

            String[] allowed = java.util.stream.Stream.concat(java.util.Arrays.stream(insecure), java.util.stream.Stream.of("-AllowInsecureHttp"))
                    .toArray(String[]::new);
            assertThat(admin.run(allowed)).containsPattern("AllowInsecureHttp\\s*:\\s*True").containsPattern("Kind\\s*:\\s*CalDav");
            // Loopback is this machine: plain http there needs no flag (the test servers run so).
            admin.run(storeOnRadicale());
            assertThat(admin.run("Get-CsCalendarStore")).containsPattern("AllowInsecureHttp\\s*:\\s*False");
        }
    }
}
