package org.mms.db;

import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.mms.calendar.CalendarFrames;
import org.mms.testing.LocalPostgres;

class JdbcCalendarFramesPostgresTest extends CalendarFramesContract {

    private static LocalPostgres.Schema schema;
    private static Database database;
    private static JdbcCalendarFrames frames;

    @BeforeAll
    static void open() {
        schema = LocalPostgres.freshSchema(2);
        database = Database.open(schema.config());
        frames = new JdbcCalendarFrames(database, Clock.systemUTC());
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
    protected CalendarFrames frames() {
        return frames;
    }
}
