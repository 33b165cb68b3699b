package org.mms.migration;

import org.mms.calendar.CalendarStore;
import org.mms.calendar.Mailbox;
import org.mms.testing.ServiceHarness;

/** Interrupted writes on the embedded store, which gives back the bytes it was given. */
class InterruptedWriteOnTheEmbeddedStoreTest extends InterruptedWriteContract {

    @Override
    protected CalendarStore openStore(ServiceHarness service, Mailbox mailbox) {
        return service.store;
    }
}
