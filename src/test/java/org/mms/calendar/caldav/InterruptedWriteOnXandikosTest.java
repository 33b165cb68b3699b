package org.mms.calendar.caldav;

import org.mms.testing.CalDavServer;
import org.mms.testing.XandikosServer;

/** Interrupted writes on a real Xandikos (Debian package), which stores its own rendering of what it is given. */
class InterruptedWriteOnXandikosTest extends InterruptedCalDavWriteContract {

    @Override
    protected CalDavServer startServer() {
        return XandikosServer.start();
    }
}
