package org.mms.db;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The dashboard's reads on the real PostgreSQL server. */
class JdbcDashboardQueriesPostgresTest extends DashboardQueriesContract {

    @RegisterExtension
    static final SharedDatabase DATABASE = SharedDatabase.postgres();

    @Override
    protected Database db() {
        return DATABASE.db();
    }
}
