package org.mms.db;

import org.junit.jupiter.api.extension.RegisterExtension;

/** Retention's purge on PostgreSQL. */
class RetentionPurgePostgresTest extends RetentionPurgeContract {

    @RegisterExtension
    static final SharedDatabase DATABASE = SharedDatabase.postgres();

    @Override
    protected SharedDatabase database() {
        return DATABASE;
    }
}
