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
 * to the bytes MMS meant to write, so a write that happened must be recognized otherwise. A subclass per server.
 */
abstract class InterruptedCalDavWriteContract extends InterruptedWriteContract {

    private CalDavCalendarStore store;

    /** The server, started once for the class. */
    protected abstract CalDavServer server();

    @Override
    protected CalendarStore openStore(ServiceHarness service, Mailbox mailbox) {
        server().makeCalendar(mailbox.tenant().value() + "--" + mailbox.user().value());
        store = new CalDavCalendarStore(CalDavStoreContract.settingsFor(server()), CalDavStoreContract.locatorFor(server()));
        return store;
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }
}
