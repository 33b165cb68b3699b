package org.mms.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mms.testing.CalendarResources.aMeeting;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mms.calendar.CalendarStore;
import org.mms.calendar.CalendarStoreContract;
import org.mms.calendar.Mailbox;
import org.mms.calendar.ResourceRef;
import org.mms.calendar.WriteResult;

/** The store contract on the embedded default (H2 in PostgreSQL mode), and what only this store promises. */
class JdbcCalendarStoreH2Test extends CalendarStoreContract {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private static Database database;
    private static JdbcCalendarStore store;

    @BeforeAll
    static void open() {
        database = Database.open(DatabaseConfig.inMemory("calendar-store-" + UUID.randomUUID()));
        store = new JdbcCalendarStore(database, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterAll
    static void close() {
        // An in-memory database outlives its pool (DB_CLOSE_DELAY=-1): give its memory back.
        database.jdbi().useHandle(h -> h.execute("DROP ALL OBJECTS"));
        database.close();
    }

    @Override
    protected CalendarStore store() {
        return store;
    }

    @Test
    void a_mailbox_is_read_one_batch_per_query_in_name_order() {
        Mailbox mailbox = newMailbox();
        for (int i = 0; i < 2_500; i++) {
            store.create(mailbox, ResourceRef.forUid("uid-" + i), aMeeting("uid-" + i));
        }
        AtomicInteger queries = new AtomicInteger();
        database.jdbi().setSqlLogger(new SqlLogger() {
            @Override
            public void logAfterExecution(StatementContext context) {
                if (context.getRenderedSql().contains("href > ")) {
                    queries.incrementAndGet();
                }
            }
        });
        List<String> names = new ArrayList<>();
        List<Integer> queriesWhenSeen = new ArrayList<>();
        try {
            store.forEachCandidate(mailbox, FROM, TO, 100, r -> {
                names.add(r.ref().href());
                queriesWhenSeen.add(queries.get());
            });
        } finally {
            database.jdbi().setSqlLogger(SqlLogger.NOP_SQL_LOGGER);
        }

        assertThat(names).hasSize(2_500).isSorted().doesNotHaveDuplicates();
        // The i-th resource arrives after query i / 100 + 1: a batch of 100 per query, handed over
        // before the next one is read.
        for (int i = 0; i < names.size(); i++) {
            assertThat(queriesWhenSeen.get(i)).as("queries before resource %d", i).isEqualTo(i / 100 + 1);
        }
        // 25 full batches, then one that finds nothing more.
        assertThat(queries.get()).isEqualTo(26);
    }

    @Test
    void a_refused_write_names_the_etag_that_is_there() {
        Mailbox mailbox = newMailbox();
        ResourceRef ref = ResourceRef.forUid("uid-1");
        String first = written(store.create(mailbox, ref, aMeeting("uid-1")));
        String second = written(store.put(mailbox, ref, aMeeting("uid-1", "Changed"), Optional.of(first)));

        assertThat(store.put(mailbox, ref, aMeeting("uid-1"), Optional.of(first)))
                .isEqualTo(new WriteResult.PreconditionFailed(Optional.of(second)));
        assertThat(store.create(mailbox, ref, aMeeting("uid-1")))
                .isEqualTo(new WriteResult.PreconditionFailed(Optional.of(second)));
    }

    @Test
    void the_row_keeps_the_uid_a_version_counting_writes_and_the_time_of_the_last_write() {
        Mailbox mailbox = newMailbox();
        ResourceRef ref = ResourceRef.forUid("040000008200E00074C5B7101A82E008");
        String etag = written(store.create(mailbox, ref, aMeeting("040000008200E00074C5B7101A82E008")));
        written(store.put(mailbox, ref, aMeeting("040000008200E00074C5B7101A82E008", "Moved"), Optional.of(etag)));

        record Row(String uid, long version, Instant modifiedAt) {
        }
        Row row = database.jdbi().withHandle(h -> h.createQuery("SELECT uid, version, modified_at FROM calendar_resource"
                        + " WHERE tenant_id = :tenant AND user_id = :user AND href = :href")
                .bind("tenant", mailbox.tenant().value())
                .bind("user", mailbox.user().value())
                .bind("href", ref.href())
                .map((rs, ctx) -> new Row(rs.getString("uid"), rs.getLong("version"),
                        rs.getObject("modified_at", OffsetDateTime.class).toInstant()))
                .one());
        assertThat(row).isEqualTo(new Row("040000008200E00074C5B7101A82E008", 2, NOW));
    }
}
