package org.mms.calendar.caldav;

import org.junit.jupiter.api.AfterEach;
import org.mms.calendar.CalendarStore;
import org.mms.calendar.Mailbox;
import org.mms.testing.CalDavServer;
import org.mms.testing.CyrusServer;
import org.mms.testing.ServiceHarness;

/**
 * Interrupted writes on a real Cyrus 3.6, which changes more of what it stores than the others: it unescapes
 * {@code \,} and {@code \;} in the HTML body (X-ALT-DESC) and splits a {@code VALUE=TEXT} X- property at {@code \,}.
 * Its scheduling is off, so MMS sends the updates. Each test has a Cyrus of its own, since an account holds a
 * meeting's UID in one calendar only.
 */
class InterruptedWriteOnCyrusTest extends InterruptedCalDavWriteContract {

    private CyrusServer server;

    @Override
    protected CalendarStore openStore(ServiceHarness service, Mailbox mailbox) {
        server = CyrusServer.startWithoutScheduling("mms");
        return super.openStore(service, mailbox);
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected CalDavServer server() {
        return server;
    }
}
