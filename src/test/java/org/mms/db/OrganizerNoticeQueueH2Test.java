package org.mms.db;

import org.junit.jupiter.api.extension.RegisterExtension;

/** Notices to organizers in the queue and the outbox on the embedded H2 database (PostgreSQL mode). */
class OrganizerNoticeQueueH2Test extends OrganizerNoticeQueueContract {

    @RegisterExtension
    static final SharedDatabase DATABASE = SharedDatabase.h2();

    @Override
    protected SharedDatabase database() {
        return DATABASE;
    }
}
