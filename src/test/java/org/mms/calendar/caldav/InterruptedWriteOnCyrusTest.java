package org.mms.calendar.caldav;

import org.mms.testing.CalDavServer;
import org.mms.testing.CyrusServer;

/**
 * Interrupted writes on a real Cyrus 3.6, which changes more of what it stores than the others: it unescapes
 * {@code \,} and {@code \;} in the HTML body (X-ALT-DESC) and splits a {@code VALUE=TEXT} X- property at {@code \,}.
 * Its scheduling is off, so MMS sends the updates.
 */
class InterruptedWriteOnCyrusTest extends InterruptedCalDavWriteContract {

    @Override
    protected CalDavServer startServer() {
        return CyrusServer.startWithoutScheduling("mms");
    }
}
