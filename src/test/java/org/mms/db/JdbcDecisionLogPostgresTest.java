package org.mms.db;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.mms.admin.DecisionLog;
import org.mms.admin.DecisionLogContract;
import org.mms.directory.TenantId;

/** The decision log contract on the real PostgreSQL server. */
class JdbcDecisionLogPostgresTest extends DecisionLogContract {

    @RegisterExtension
    static final SharedDatabase DATABASE = SharedDatabase.postgres();

    @Override
    protected DecisionLog open(TenantId... tenants) {
        DATABASE.createTenants(tenants);
        return new JdbcDecisionLog(DATABASE.db());
    }
}
