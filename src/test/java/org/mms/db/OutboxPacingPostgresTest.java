package org.mms.db;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The outbox's pacing on the real PostgreSQL server. */
class OutboxPacingPostgresTest extends OutboxPacingContract {

    @RegisterExtension
    static final SharedDatabase DATABASE = SharedDatabase.postgres();

    @Override
    protected SharedDatabase database() {
        return DATABASE;
    }
}
