package org.mms.db;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.mms.directory.Directory;
import org.mms.directory.DirectoryContract;

/** The directory contract on the real PostgreSQL server. */
class JdbcDirectoryPostgresTest extends DirectoryContract {

    @RegisterExtension
    static final SharedDatabase DATABASE = SharedDatabase.postgres();

    @Override
    protected Directory open() {
        return new JdbcDirectory(DATABASE.db());
    }
}
