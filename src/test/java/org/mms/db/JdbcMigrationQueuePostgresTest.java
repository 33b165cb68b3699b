package org.mms.db;

import org.mms.directory.TenantId;
import org.mms.queue.MigrationQueueContract;
import org.mms.testing.LocalPostgres;

/** The queue contract on the real PostgreSQL server, each test in a schema of its own. */
class JdbcMigrationQueuePostgresTest extends MigrationQueueContract {

    @Override
    protected Adapter open(TenantId... tenants) {
        LocalPostgres.Schema schema = LocalPostgres.freshSchema(8);
        Database db = Database.open(schema.config());
        QueueTenants.create(db, tenants);
        JdbcMigrationQueue queue = new JdbcMigrationQueue(db);
        return new Adapter(queue, queue, () -> {
            db.close();
            schema.close();
        });
    }
}
