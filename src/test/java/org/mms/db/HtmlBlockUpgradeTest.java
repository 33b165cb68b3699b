package org.mms.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.mms.directory.TenantId;
import org.mms.testing.LocalPostgres;

/**
 * Upgrading a database whose journal holds migrated meetings to the schema that keeps their HTML blocks (V026): the
 * meetings are still there, with their text blocks, and say that their HTML block was not recorded.
 */
class HtmlBlockUpgradeTest {

    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");

    @Test
    void aMeetingJournaledBeforeTheUpgradeKeepsItsBlocksAndSaysItsHtmlWasNotRecordedOnH2() {
        DatabaseConfig config = DatabaseConfig.inMemory("upgrade-" + UUID.randomUUID());
        try (Database db = upgradeWithMigratedMeeting(config)) {
            assertNotRecorded(db);
            db.jdbi().useHandle(h -> h.execute("DROP ALL OBJECTS"));
        }
    }

    @Test
    void aMeetingJournaledBeforeTheUpgradeKeepsItsBlocksAndSaysItsHtmlWasNotRecordedOnPostgres() {
        try (LocalPostgres.Schema schema = LocalPostgres.freshSchema(2); Database db = upgradeWithMigratedMeeting(schema.config())) {
            assertNotRecorded(db);
        }
    }

    /** Migrates to version 24, journals a written meeting as version 24 did, then opens (and so upgrades) the database. */
    private static Database upgradeWithMigratedMeeting(DatabaseConfig config) {
        Flyway.configure().dataSource(config.url(), config.user(), config.password()).locations("classpath:db/migration")
                .target("24").load().migrate();
        try (var connection = DriverManager.getConnection(config.url(), config.user(), config.password());
                var insert = connection.prepareStatement("""
                        INSERT INTO meeting_change (tenant_id, user_id, correlation_id, href, uid, subject, outcome, previous_block,
                          new_block, write_state, new_hash, created_at)
                        VALUES ('tenant', 'user', 'correlation', 'meeting.ics', 'uid', 'Weekly', 'MIGRATED', 'old block', 'new block',
                          'WRITTEN', 'hash', ?)""")) {
            insert.setObject(1, JdbcMigrationJournal.time(NOW));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return Database.open(config);
    }

    private static void assertNotRecorded(Database db) {
        assertThat(new JdbcDashboardQueries(db).changes(new TenantId("tenant"), "correlation")).singleElement().satisfies(m -> {
            assertThat(m.previousBlock()).isEqualTo("old block");
            assertThat(m.newBlock()).isEqualTo("new block");
            assertThat(m.htmlRecorded()).isFalse();
            assertThat(m.previousHtmlBlock()).isNull();
        });
    }
}
