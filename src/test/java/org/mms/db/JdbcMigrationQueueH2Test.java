package org.mms.db;

import java.util.UUID;
import org.mms.directory.TenantId;
import org.mms.queue.MigrationQueueContract;

/** The queue contract on the embedded H2 database (PostgreSQL mode), each test in a fresh in-memory database. */
class JdbcMigrationQueueH2Test extends MigrationQueueContract {

    @Override
    protected Adapter open(TenantId... tenants) {
        Database db = Database.open(DatabaseConfig.inMemory("queue-" + UUID.randomUUID()));
        QueueTenants.create(db, tenants);
        JdbcMigrationQueue queue = new JdbcMigrationQueue(db);
        return new Adapter(queue, queue, () -> {
            // The in-memory database outlives its pool (DB_CLOSE_DELAY=-1); empty it so the run does not pile them up.
            db.jdbi().useHandle(h -> h.execute("DROP ALL OBJECTS"));
            db.close();
        });
    }
}
