package org.mms.db;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.mms.directory.TenantId;
import org.mms.queue.MigrationQueueContract;

/**
 * The queue contract on the real PostgreSQL server. One schema for the class (migrating one costs
 * about a second); each test starts from an empty queue, since claims take any tenant's requests.
 */
class JdbcMigrationQueuePostgresTest extends MigrationQueueContract {

    @RegisterExtension
    static final SharedDatabase DATABASE = SharedDatabase.postgres();

    @Override
    protected Adapter open(TenantId... tenants) {
        DATABASE.deleteAll("migration_transition");
        DATABASE.deleteAll("migration_request");
        DATABASE.deleteAll("tenant");
        DATABASE.createTenants(tenants);
        JdbcMigrationQueue queue = new JdbcMigrationQueue(DATABASE.db());
        return new Adapter(queue, queue, () -> {
        });
    }
}
