package org.mms.db;

import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.mms.directory.TenantId;
import org.mms.testing.LocalPostgres;

/**
 * One migrated database for all the tests of a class: opened before the first test, given back after
 * the last. Register it as a {@code static} {@code @RegisterExtension} field. Migrating a schema costs
 * about a second on PostgreSQL, so classes whose tests keep apart by tenant (or empty the one table
 * they share) open it once rather than once per test.
 */
final class SharedDatabase implements BeforeAllCallback, AfterAllCallback {

    private final boolean postgres;
    private LocalPostgres.Schema schema;
    private Database db;

    private SharedDatabase(boolean postgres) {
        this.postgres = postgres;
    }

    /** A private in-memory H2 database (PostgreSQL mode). */
    static SharedDatabase h2() {
        return new SharedDatabase(false);
    }

    /** A schema of its own on the local PostgreSQL server: skipped without one, failed under CI. */
    static SharedDatabase postgres() {
        return new SharedDatabase(true);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (postgres) {
            schema = LocalPostgres.freshSchema(4);
            db = Database.open(schema.config());
        } else {
            db = Database.open(DatabaseConfig.inMemory("shared-" + UUID.randomUUID()));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (db != null && !postgres) {
            // The in-memory database outlives its pool (DB_CLOSE_DELAY=-1); empty it so the run does not pile them up.
            db.jdbi().useHandle(h -> h.execute("DROP ALL OBJECTS"));
        }
        if (db != null) {
            db.close();
        }
        if (schema != null) {
            schema.close();
        }
    }

    Database db() {
        if (db == null) {
            throw new IllegalStateException("the shared database opens before the first test of the class");
        }
        return db;
    }

    /** Tenant rows, for tables that reference their tenant. */
    void createTenants(TenantId... tenants) {
        QueueTenants.create(db(), tenants);
    }

    /** Deletes every row of one table, for a port whose reads are not scoped to a tenant. */
    void deleteAll(String table) {
        db().jdbi().useHandle(h -> h.execute("DELETE FROM " + table));
    }
}
