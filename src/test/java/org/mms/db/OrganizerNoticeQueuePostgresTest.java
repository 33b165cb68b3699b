package org.mms.db;

import org.junit.jupiter.api.extension.RegisterExtension;

/** Notices to organizers in the queue and the outbox on the real PostgreSQL server. */
class OrganizerNoticeQueuePostgresTest extends OrganizerNoticeQueueContract {

    @RegisterExtension
    static final SharedDatabase DATABASE = SharedDatabase.postgres();

    @Override
    protected SharedDatabase database() {
        return DATABASE;
    }
}
