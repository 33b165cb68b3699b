package org.mms.db;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.mms.directory.TenantId;

/** Tenants and the audit log, on the real PostgreSQL server. */
class JdbcAccessControlPostgresTest extends AccessControlContract {

    @RegisterExtension
    static final SharedDatabase DATABASE = SharedDatabase.postgres();

    @Override
    protected Database db() {
        return DATABASE.db();
    }

    @Override
    protected void createTenants(TenantId... tenants) {
        DATABASE.createTenants(tenants);
    }
}
