package org.mms.service;

import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mms.config.ServiceConfig;
import org.mms.db.Database;
import org.mms.db.DatabaseConfig;
import org.mms.db.JdbcDirectory;
import org.mms.secret.Secret;
import org.mms.secret.SecretBox;
import org.mms.secret.SecretKeyFile;

/**
 * Issue 13, defect 6 (the secrets half): the calendar store's password is stored sealed with a key kept
 * outside the database, so that a copy of the database files alone reveals no password, whether the
 * password was set now or kept in clear by an earlier version.
 */
class StoredSecretsTest {

    private static final String CANARY = "canary-Pw-7f3a9c-" + "ÄÖ🔑";

    @TempDir
    Path dir;

    private ServiceConfig config() {
        return AdminShell.onLoopback(dir.resolve("data"), 0);
    }

    @Test
    void a_copied_database_holds_the_store_password_neither_in_its_files_nor_in_its_table() throws Exception {
        try (MmsService service = MmsService.start(config(), Clock.systemUTC())) {
            new AdminShell(service, config().dataDir()).run("Set-CsCalendarStore", "-Kind", "CalDav", "-Url", "https://dav.contoso.invalid/",
                    "-UserName", "mms", "-Password", CANARY, "-SkipValidation");
        }

        for (Path file : databaseFiles()) {
            byte[] bytes = Files.readAllBytes(file);
            assertThat(contains(bytes, CANARY.getBytes(UTF_8))).as("the password in %s (UTF-8)", file).isFalse();
            assertThat(contains(bytes, CANARY.getBytes(UTF_16LE))).as("the password in %s (UTF-16)", file).isFalse();
            assertThat(contains(bytes, "canary-Pw".getBytes(UTF_8))).as("part of the password in %s", file).isFalse();
        }
        List<String> row = storeRow();
        assertThat(row.get(0)).as("the clear column").isNull();
        assertThat(row.get(1)).as("the sealed column").startsWith("v1:").doesNotContain("canary");
    }

    @Test
    void a_copied_database_holds_neither_the_graph_client_secret_nor_the_certificate_password_in_its_files() throws Exception {
        Path secret = Files.writeString(dir.resolve("client-secret"), CANARY + "\n");
        try (MmsService service = MmsService.start(config(), Clock.systemUTC())) {
            new AdminShell(service, config().dataDir()).run("Set-CsCalendarStore", "-Kind", "Graph", "-DirectoryTenantId",
                    "5c1e3a9d-2b7f-4e61-9d0a-3f4b8c6e2a17", "-ClientId", "0b6f2c4e-8a1d-4f3b-9c7e-2d5a6b8c9e01", "-ClientSecretFile",
                    secret.toString(), "-SkipValidation");
        }

        for (Path file : databaseFiles()) {
            byte[] bytes = Files.readAllBytes(file);
            assertThat(contains(bytes, CANARY.getBytes(UTF_8))).as("the client secret in %s (UTF-8)", file).isFalse();
            assertThat(contains(bytes, CANARY.getBytes(UTF_16LE))).as("the client secret in %s (UTF-16)", file).isFalse();
            assertThat(contains(bytes, "canary-Pw".getBytes(UTF_8))).as("part of the client secret in %s", file).isFalse();
        }
    }

    @Test
    void the_sealed_password_opens_with_the_installations_key_after_a_restart_and_with_no_other() throws Exception {
        try (MmsService service = MmsService.start(config(), Clock.systemUTC())) {
            new AdminShell(service, config().dataDir()).run("Set-CsCalendarStore", "-Kind", "CalDav", "-Url", "https://dav.contoso.invalid/",
                    "-UserName", "mms", "-Password", CANARY, "-SkipValidation");
        }
        try (MmsService service = MmsService.start(config(), Clock.systemUTC())) {
            assertThat(new AdminShell(service, config().dataDir()).run("Get-CsCalendarStore")).containsPattern("PasswordSet\\s*:\\s*True")
                    .doesNotContain(CANARY);
        }

        try (Database db = Database.open(config().database())) {
            SecretBox key = SecretKeyFile.open(config().dataDir(), Map.of());
            assertThat(new JdbcDirectory(db, key).calendarStore(MmsService.FIRST_TENANT).password()).contains(new Secret(CANARY));
            assertThatThrownBy(() -> new JdbcDirectory(db, SecretBox.ephemeral()).calendarStore(MmsService.FIRST_TENANT))
                    .hasMessageContaining("secret.key").hasMessageContaining("same key").hasMessageNotContaining("canary");
        }
    }

    @Test
    void a_clear_password_kept_by_an_earlier_version_is_sealed_on_first_start_and_still_used() throws Exception {
        DatabaseConfig database = config().database();
        Flyway.configure().dataSource(database.url(), database.user(), database.password()).locations("classpath:db/migration")
                .target("13").load().migrate();
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password())) {
            c.createStatement().execute("""
                    INSERT INTO tenant (id, name, domains, meeting_migration_enabled, auto_migrate_user_meetings,
                      auto_replace_acp_provider, migrate_on_sip_change, migrate_on_meeting_url_change, settle_window_ms,
                      attendee_limit, retry_attempts, retry_window_ms, retention_ms, online_meeting_url,
                      on_premises_meeting_url, teams_join_url_template) VALUES ('default', 'default', 'example.com', TRUE, TRUE, FALSE,
                      FALSE, FALSE, 600000, 250, 9, 86400000, 12960000000, 'https://meet.lync.com/x',
                      'https://meet.example.com', 'https://teams.example.com/{uidHash}')""");
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO tenant_calendar_store (tenant_id, kind, base_url, calendar_path, username, password, scheduling)
                    VALUES ('default', 'CALDAV', 'https://dav.contoso.invalid/', NULL, 'mms', ?, 'AUTO')""")) {
                insert.setString(1, CANARY);
                insert.executeUpdate();
            }
        }

        try (MmsService service = MmsService.start(config(), Clock.systemUTC())) {
            assertThat(new AdminShell(service, config().dataDir()).run("Get-CsCalendarStore")).containsPattern("PasswordSet\\s*:\\s*True");
        }

        List<String> row = storeRow();
        assertThat(row.get(0)).as("the clear column, emptied").isNull();
        assertThat(row.get(1)).as("the sealed column").startsWith("v1:").doesNotContain("canary");
        try (Database db = Database.open(config().database())) {
            assertThat(new JdbcDirectory(db, SecretKeyFile.open(config().dataDir(), Map.of())).calendarStore(MmsService.FIRST_TENANT).password())
                    .contains(new Secret(CANARY));
        }
    }

    /** password, password_sealed of the first tenant's store, read straight from the database. */
    private List<String> storeRow() throws Exception {
        DatabaseConfig database = config().database();
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
                ResultSet rs = c.createStatement().executeQuery("SELECT password, password_sealed FROM tenant_calendar_store")) {
            assertThat(rs.next()).as("a store row").isTrue();
            List<String> row = new ArrayList<>();
            row.add(rs.getString(1));
            row.add(rs.getString(2));
            return row;
        }
    }

    private List<Path> databaseFiles() throws IOException {
        try (var files = Files.walk(config().dataDir())) {
            List<Path> found = files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("secret.key")).toList();
            assertThat(found).as("the database files").anyMatch(p -> p.toString().endsWith(".mv.db"));
            return found;
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
