package org.mms.calendar.caldav;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.mms.testing.CalDavServer;
import org.mms.testing.XandikosServer;

/** Interrupted writes on a real Xandikos (Debian package), which stores its own rendering of what it is given. */
class InterruptedWriteOnXandikosTest extends InterruptedCalDavWriteContract {

    private static XandikosServer server;

    @BeforeAll
    static void start() {
        server = XandikosServer.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected CalDavServer server() {
        return server;
    }
}
