package org.mms.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.mms.directory.TenantId;
import org.mms.directory.UserId;
import org.mms.itip.ItipRequest;
import org.mms.itip.MessageOutbox;
import org.mms.testing.ItipRequests;
import org.mms.testing.LocalPostgres;

/**
 * Upgrading a database whose outbox still holds messages, from the schema that kept their content in
 * {@code outbox_message} to the one that keeps it in {@code outbox_content}: nothing waiting is lost.
 */
class OutboxUpgradeTest {

    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
    private static final ItipRequest WAITING = ItipRequests.aRequest().uid("uid-waiting-" + UUID.randomUUID()).build();

    @Test
    void messages_waiting_before_the_upgrade_are_claimed_whole_after_it_on_h2() {
        DatabaseConfig config = DatabaseConfig.inMemory("upgrade-" + UUID.randomUUID());
        try (Database db = upgradeWithWaitingMessage(config)) {
            assertWaitingMessageSurvived(db);
            db.jdbi().useHandle(h -> h.execute("DROP ALL OBJECTS"));
        }
    }

    @Test
    void messages_waiting_before_the_upgrade_are_claimed_whole_after_it_on_postgres() {
        try (LocalPostgres.Schema schema = LocalPostgres.freshSchema(2); Database db = upgradeWithWaitingMessage(schema.config())) {
            assertWaitingMessageSurvived(db);
        }
    }

    /** Migrates to version 6, queues {@link #WAITING} the way version 6 stored it, then opens (and so upgrades) the database. */
    private static Database upgradeWithWaitingMessage(DatabaseConfig config) {
        Flyway.configure().dataSource(config.url(), config.user(), config.password()).locations("classpath:db/migration")
                .target("6").load().migrate();
        try (var connection = DriverManager.getConnection(config.url(), config.user(), config.password());
                var insert = connection.prepareStatement("""
                        INSERT INTO outbox_message (tenant_id, user_id, correlation_id, href, uid, sequence, organizer, organizer_name,
                          recipients, subject, text_body, html_body, calendar, state, attempts, next_attempt_at, created_at)
                        VALUES ('tenant', 'user', 'correlation', 'meeting.ics', ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)""")) {
            insert.setString(1, WAITING.uid());
            insert.setInt(2, WAITING.sequence());
            insert.setString(3, WAITING.organizer().address());
            insert.setString(4, WAITING.organizer().displayName().orElse(null));
            insert.setString(5, MessageRows.encode(WAITING.attendees()));
            insert.setString(6, WAITING.subject());
            insert.setString(7, WAITING.textBody());
            insert.setString(8, WAITING.htmlBody().orElse(null));
            insert.setBytes(9, WAITING.calendar());
            insert.setObject(10, JdbcMigrationJournal.time(NOW));
            insert.setObject(11, JdbcMigrationJournal.time(NOW));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return Database.open(config);
    }

    private static void assertWaitingMessageSurvived(Database db) {
        MessageOutbox outbox = new JdbcMessageOutbox(db);
        List<MessageOutbox.Queued> claimed = outbox.claim(NOW, NOW.plus(Duration.ofMinutes(5)), 10);
        assertThat(claimed).extracting(MessageOutbox.Queued::request).containsExactly(WAITING);
        outbox.enqueue(new TenantId("tenant"), new UserId("user"), "correlation", "other.ics", WAITING, NOW);
        assertThat(outbox.counts()).containsEntry("SENDING", 1L).containsEntry("PENDING", 1L);
    }
}
