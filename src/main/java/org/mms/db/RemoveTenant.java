package org.mms.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Handle;
import org.mms.directory.TenantId;

/**
 * Deletes a tenant and every row that carries its id, in one transaction. Tables are found by their
 * {@code tenant_id} column, so a table added later is emptied too rather than left behind (or
 * blocking the delete with its foreign key); the known ones go in an order their keys allow.
 */
final class RemoveTenant {

    /** Children before parents; rows that hang off these without a tenant_id go by ON DELETE CASCADE. */
    private static final List<String> KNOWN = List.of("outbox_message", "meeting_change", "calendar_resource", "user_calendar",
            "migration_request", "trigger_decision", "app_user", "bridge", "tenant_calendar_store", "api_token", "audit_event");

    private RemoveTenant() {
    }

    /** Whether the tenant existed. */
    static boolean run(Database db, TenantId tenant) {
        return db.jdbi().inTransaction(h -> {
            if (h.createQuery("SELECT COUNT(*) FROM tenant WHERE id = :t").bind("t", tenant.value()).mapTo(Long.class).one() == 0) {
                return false;
            }
            List<String> tables = new ArrayList<>(tablesWithTenantColumn(h));
            tables.removeAll(KNOWN);
            // Tables this class does not know yet are most likely children of the known ones: they go first.
            tables.addAll(KNOWN);
            for (String table : tables) {
                h.createUpdate("DELETE FROM " + table + " WHERE tenant_id = :t").bind("t", tenant.value()).execute();
            }
            h.createUpdate("DELETE FROM tenant WHERE id = :t").bind("t", tenant.value()).execute();
            return true;
        });
    }

    static List<String> tablesWithTenantColumn(Handle h) {
        return h.createQuery("SELECT c.table_name FROM information_schema.columns c JOIN information_schema.tables t"
                        + " ON t.table_schema = c.table_schema AND t.table_name = c.table_name"
                        + " WHERE LOWER(c.column_name) = 'tenant_id' AND t.table_type = 'BASE TABLE'"
                        + " AND LOWER(c.table_schema) = LOWER(CURRENT_SCHEMA)")
                .mapTo(String.class).list().stream()
                .map(t -> t.toLowerCase(Locale.ROOT))
                .filter(t -> t.matches("[a-z0-9_]+") && !t.equals("tenant"))
                .distinct().toList();
    }
}
