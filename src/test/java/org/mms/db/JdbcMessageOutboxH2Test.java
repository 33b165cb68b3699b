package org.mms.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mms.testing.ItipRequests.aRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mms.directory.TenantId;
import org.mms.directory.UserId;
import org.mms.itip.MessageOutbox;

/** The outbox's record of a message sent to all but some recipients, on the embedded H2 database. */
class JdbcMessageOutboxH2Test {

    private static final Instant NOW = Instant.parse("2026-12-07T08:30:00Z");

    private final Database db = Database.open(DatabaseConfig.inMemory("outbox-" + UUID.randomUUID()));
    private final JdbcMessageOutbox outbox = new JdbcMessageOutbox(db);

    @AfterEach
    void close() {
        db.jdbi().useHandle(h -> h.execute("DROP ALL OBJECTS"));
        db.close();
    }

    @Test
    void a_partly_sent_message_is_sent_for_good_and_keeps_the_note_where_errors_go() {
        outbox.enqueue(new TenantId("t1"), new UserId("u1"), "c1", "/cal/a.ics", aRequest().build(), NOW);
        List<MessageOutbox.Queued> claimed = outbox.claim(NOW, NOW.plus(Duration.ofMinutes(5)), 10);

        outbox.partlySent(claimed.getFirst().id(), NOW, "not delivered to gone@contoso.com: 550 5.1.1 mailbox unavailable");

        assertThat(outbox.counts()).containsEntry("SENT", 1L).containsEntry("PENDING", 0L).containsEntry("SENDING", 0L);
        String lastError = db.jdbi().withHandle(h -> h.createQuery("SELECT last_error FROM outbox_message").mapTo(String.class).one());
        assertThat(lastError).isEqualTo("not delivered to gone@contoso.com: 550 5.1.1 mailbox unavailable");
        assertThat(outbox.claim(NOW.plus(Duration.ofHours(1)), NOW.plus(Duration.ofHours(2)), 10))
                .as("never sent again, even after the lease").isEmpty();
    }
}
