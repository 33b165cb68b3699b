package org.mms.db;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.mms.admin.DecisionLog;
import org.mms.admin.DecisionLogContract;
import org.mms.directory.TenantId;

/** The decision log contract on the embedded H2 database (PostgreSQL mode). */
class JdbcDecisionLogH2Test extends DecisionLogContract {

    @RegisterExtension
    static final SharedDatabase DATABASE = SharedDatabase.h2();

    @Override
    protected DecisionLog open(TenantId... tenants) {
        DATABASE.createTenants(tenants);
        return new JdbcDecisionLog(DATABASE.db());
    }
}
