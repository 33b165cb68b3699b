package org.mms.db;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.mms.calendar.CalendarStore;
import org.mms.calendar.CalendarStoreContract;
import org.mms.testing.LocalPostgres;

/** The store contract on the real PostgreSQL server: byte-exact storage, ETags, conflicts, concurrent writers. */
class JdbcCalendarStorePostgresTest extends CalendarStoreContract {

    private static LocalPostgres.Schema schema;
    private static Database database;
    private static JdbcCalendarStore store;

    @BeforeAll
    static void open() {
        schema = LocalPostgres.freshSchema(8);
        database = Database.open(schema.config());
        store = new JdbcCalendarStore(database, Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC));
    }

    @AfterAll
    static void close() {
        if (database != null) {
            database.close();
        }
        if (schema != null) {
            schema.close();
        }
    }

    @Override
    protected CalendarStore store() {
        return store;
    }
}
