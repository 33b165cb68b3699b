package org.mms.calendar.caldav;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.mms.testing.CalDavServer;
import org.mms.testing.RadicaleServer;

/** Interrupted writes on a real Radicale (Debian package), which stores vobject's rendering of what it is given. */
class InterruptedWriteOnRadicaleTest extends InterruptedCalDavWriteContract {

    private static RadicaleServer server;

    @BeforeAll
    static void start() {
        server = RadicaleServer.start();
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
