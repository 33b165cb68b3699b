package org.mms.db;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The dashboard's reads on the embedded H2 database (PostgreSQL mode). */
class JdbcDashboardQueriesH2Test extends DashboardQueriesContract {

    @RegisterExtension
    static final SharedDatabase DATABASE = SharedDatabase.h2();

    @Override
    protected Database db() {
        return DATABASE.db();
    }
}
