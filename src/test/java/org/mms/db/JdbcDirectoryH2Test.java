package org.mms.db;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.mms.directory.Directory;
import org.mms.directory.DirectoryContract;

/** The directory contract on the embedded H2 database (PostgreSQL mode). */
class JdbcDirectoryH2Test extends DirectoryContract {

    @RegisterExtension
    static final SharedDatabase DATABASE = SharedDatabase.h2();

    @Override
    protected Directory open() {
        return new JdbcDirectory(DATABASE.db());
    }
}
