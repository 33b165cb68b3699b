package org.mms.db;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.mms.directory.TenantId;

/** Removing a tenant, on the embedded H2 database (PostgreSQL mode). */
class RemoveTenantH2Test extends RemoveTenantContract {

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
