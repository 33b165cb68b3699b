package org.mms.db;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.mms.directory.TenantId;

/** Tenants and the audit log, on the embedded H2 database (PostgreSQL mode). */
class JdbcAccessControlH2Test extends AccessControlContract {

    @RegisterExtension
    static final SharedDatabase DATABASE = SharedDatabase.h2();

    @Override
    protected Database db() {
        return DATABASE.db();
    }

    @Override
    protected void createTenants(TenantId... tenants) {
        DATABASE.createTenants(tenants);
    }
}
