package org.mms.db;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.mms.directory.TenantId;

/** The audit log on the embedded H2 database (PostgreSQL mode). */
class AuditLogH2Test extends AuditLogContract {

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
