package org.mms.service;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.mms.testing.CalDavServer;
import org.mms.testing.XandikosServer;

/** The service on a real Xandikos (Debian package), which does not expand series in time-range queries. */
class ServiceOnXandikosTest extends ServiceOnCalDavServerContract {

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
