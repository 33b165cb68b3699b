package org.mms.db;

import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.mms.calendar.CalendarFrames;

class JdbcCalendarFramesH2Test extends CalendarFramesContract {

    private static Database database;
    private static JdbcCalendarFrames frames;

    @BeforeAll
    static void open() {
        database = Database.open(DatabaseConfig.inMemory("calendar-frames-" + UUID.randomUUID()));
        frames = new JdbcCalendarFrames(database, Clock.systemUTC());
    }

    @AfterAll
    static void close() {
        database.jdbi().useHandle(h -> h.execute("DROP ALL OBJECTS"));
        database.close();
    }

    @Override
    protected CalendarFrames frames() {
        return frames;
    }
}
