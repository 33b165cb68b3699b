package org.mms.db;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.mms.migration.MigrationJournalContract;

/** The journal contract on the embedded H2 database (PostgreSQL mode). */
class JdbcMigrationJournalH2Test extends MigrationJournalContract {

    @RegisterExtension
    static final SharedDatabase DATABASE = SharedDatabase.h2();

    @Override
    protected Adapter open() {
        JdbcMigrationJournal journal = new JdbcMigrationJournal(DATABASE.db());
        return new Adapter(journal, journal, journal::blocks, new JdbcMessageOutbox(DATABASE.db()));
    }
}
