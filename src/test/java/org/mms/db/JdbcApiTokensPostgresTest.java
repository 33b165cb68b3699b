package org.mms.db;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.mms.directory.TenantId;

/** The API token contract on the real PostgreSQL server, without tokens before each test. */
class JdbcApiTokensPostgresTest extends ApiTokensContract {

    @RegisterExtension
    static final SharedDatabase DATABASE = SharedDatabase.postgres();

    @Override
    protected JdbcApiTokens open(TenantId... tenants) {
        DATABASE.deleteAll("api_token");
        DATABASE.createTenants(tenants);
        return new JdbcApiTokens(DATABASE.db());
    }
}
