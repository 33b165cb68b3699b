package org.mms.db;

import org.junit.jupiter.api.extension.RegisterExtension;

/** Retention's purge on the embedded H2 database (PostgreSQL mode). */
class RetentionPurgeH2Test extends RetentionPurgeContract {

    @RegisterExtension
    static final SharedDatabase DATABASE = SharedDatabase.h2();

    @Override
    protected SharedDatabase database() {
        return DATABASE;
    }
}
