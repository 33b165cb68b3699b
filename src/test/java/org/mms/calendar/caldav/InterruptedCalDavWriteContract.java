package org.mms.calendar.caldav;

import org.junit.jupiter.api.AfterEach;
import org.mms.calendar.CalendarStore;
import org.mms.calendar.Mailbox;
import org.mms.migration.InterruptedWriteContract;
import org.mms.testing.CalDavServer;
import org.mms.testing.ServiceHarness;

/**
 * Interrupted writes on a real CalDAV server, which stores its own rendering of what it is given (property order,
 * folding, values it rewrites, attendees marked for client scheduling by the store): the bytes read back never hash
 * to the bytes MMS meant to write, so a write that happened must be recognized otherwise. Each test has a server of
 * its own (Cyrus holds a meeting's UID in one calendar of an account only); a subclass per server starts it.
 */
abstract class InterruptedCalDavWriteContract extends InterruptedWriteContract {

    private CalDavServer server;
    private CalDavCalendarStore store;

    /** A new server, running. */
    protected abstract CalDavServer startServer();

    @Override
    protected CalendarStore openStore(ServiceHarness service, Mailbox mailbox) {
        server = startServer();
        server.makeCalendar(mailbox.tenant().value() + "--" + mailbox.user().value());
        store = new CalDavCalendarStore(CalDavStoreContract.settingsFor(server), CalDavStoreContract.locatorFor(server));
        return store;
    }

    @AfterEach
    void stopServer() {
        if (store != null) {
            store.close();
        }
        if (server != null) {
            server.close();
        }
    }
}
