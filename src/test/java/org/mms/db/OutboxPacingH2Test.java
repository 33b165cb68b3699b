package org.mms.db;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The outbox's pacing on the embedded H2 database (PostgreSQL mode). */
class OutboxPacingH2Test extends OutboxPacingContract {

    @RegisterExtension
    static final SharedDatabase DATABASE = SharedDatabase.h2();

    @Override
    protected SharedDatabase database() {
        return DATABASE;
    }
}
