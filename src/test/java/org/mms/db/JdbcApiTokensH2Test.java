package org.mms.db;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.mms.directory.TenantId;

/** The API token contract on the embedded H2 database (PostgreSQL mode), without tokens before each test. */
class JdbcApiTokensH2Test extends ApiTokensContract {

    @RegisterExtension
    static final SharedDatabase DATABASE = SharedDatabase.h2();

    @Override
    protected JdbcApiTokens open(TenantId... tenants) {
        DATABASE.deleteAll("api_token");
        DATABASE.createTenants(tenants);
        return new JdbcApiTokens(DATABASE.db());
    }
}
