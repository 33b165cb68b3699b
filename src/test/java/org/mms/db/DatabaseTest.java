package org.mms.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @TempDir
    Path dir;

    @Test
    void opening_an_embedded_database_creates_the_schema_and_reopening_keeps_the_data() {
        try (Database db = Database.open(DatabaseConfig.embedded(dir))) {
            db.jdbi().useHandle(h -> h.execute("INSERT INTO tenant (id, name, domains, meeting_migration_enabled, auto_migrate_user_meetings,"
                    + " auto_replace_acp_provider, migrate_on_sip_change, migrate_on_meeting_url_change, settle_window_ms, attendee_limit,"
                    + " retry_attempts, retry_window_ms, retention_ms, online_meeting_url, on_premises_meeting_url, teams_join_url_template)"
                    + " VALUES ('t1', 'Contoso', 'contoso.com', TRUE, TRUE, FALSE, FALSE, FALSE, 600000, 250, 9, 86400000, 1, 'https://a', 'https://b', 'x')"));
        }
        try (Database db = Database.open(DatabaseConfig.embedded(dir))) {
            String name = db.jdbi().withHandle(h -> h.select("SELECT name FROM tenant WHERE id = 't1'").mapTo(String.class).one());
            assertThat(name).isEqualTo("Contoso");
        }
    }

    @Test
    void a_password_in_the_url_is_masked() {
        assertThat(new DatabaseConfig("jdbc:postgresql://db/mms?user=x&password=secret", "x", "y", 4).maskedUrl())
                .doesNotContain("secret").contains("password=****");
    }
}
