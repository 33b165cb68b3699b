package org.mms.calendar.caldav;

import org.mms.testing.CalDavServer;
import org.mms.testing.RadicaleServer;

/** Interrupted writes on a real Radicale (Debian package), which stores vobject's rendering of what it is given. */
class InterruptedWriteOnRadicaleTest extends InterruptedCalDavWriteContract {

    @Override
    protected CalDavServer startServer() {
        return RadicaleServer.start();
    }
}
