package org.mms.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mms.directory.TenantId;

/** The table itself keeps the queue's invariants, whatever code writes to it. */
class MigrationQueueSchemaTest {

    private Database db;

    @BeforeEach
    void open() {
        db = Database.open(DatabaseConfig.inMemory("queue-schema-" + UUID.randomUUID()));
        QueueTenants.create(db, new TenantId("contoso"));
    }

    @AfterEach
    void close() {
        db.jdbi().useHandle(h -> h.execute("DROP ALL OBJECTS"));
        db.close();
    }

    @Test
    void a_second_active_request_for_a_user_is_a_unique_violation() {
        db.jdbi().useHandle(h -> insertPending(h, "contoso:alice"));

        assertThatThrownBy(() -> db.jdbi().useHandle(h -> insertPending(h, "contoso:alice")))
                .rootCause().isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState())
                        .isEqualTo("23505"));
    }

    @Test
    void the_active_key_must_name_the_rows_own_tenant_and_user() {
        assertThatThrownBy(() -> db.jdbi().useHandle(h -> insertPending(h, "contoso:bob")))
                .hasMessageContaining("migration_request_active_user_matches_state");
    }

    @Test
    void a_finished_request_cannot_keep_the_active_key() {
        db.jdbi().useHandle(h -> insertPending(h, "contoso:alice"));

        assertThatThrownBy(() -> db.jdbi().useHandle(h -> h.execute("UPDATE migration_request SET state = 'SUCCEEDED',"
                + " finished_at = TIMESTAMP WITH TIME ZONE '2026-11-23 09:30:00+00'")))
                .hasMessageContaining("migration_request_active_user_matches_state");
    }

    private static void insertPending(Handle h, String activeUser) {
        h.createUpdate("INSERT INTO migration_request (correlation_id, tenant_id, user_id, upn, migration_type, trigger, state, due_at,"
                        + " settle_ms, attempts, retry_count, follow_up, total_meeting, succeeded_meeting, failed_meeting, invites_update,"
                        + " last_message, create_date, modified_date, active_user) VALUES (:correlation, 'contoso', 'alice',"
                        + " 'alice@contoso.com', 'TO_SAME_TYPE', 'licence assigned', 'PENDING', :at, 600000, 0, 0, FALSE, 0, 0, 0, 0, '',"
                        + " :at, :at, :active)")
                .bind("correlation", UUID.randomUUID().toString())
                .bind("at", MigrationRequestRows.time(Instant.parse("2026-11-23T09:00:00Z")))
                .bind("active", activeUser)
                .execute();
    }
}
