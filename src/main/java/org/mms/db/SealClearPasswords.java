package org.mms.db;

import java.util.List;
import java.util.Map;
import org.mms.secret.Secret;
import org.mms.secret.SecretBox;

/**
 * On start: calendar store passwords kept in clear (saved before they were sealed) are sealed and the
 * clear column emptied, each row in one statement, so that a copy of the database taken afterwards
 * reveals no password. Safe for several processes starting at once: a row is only changed while it
 * still holds a clear password.
 */
public final class SealClearPasswords {

    private SealClearPasswords() {
    }

    /** How many passwords were sealed. */
    public static int run(Database db, SecretBox secrets) {
        return db.jdbi().inTransaction(h -> {
            List<Map<String, Object>> clear = h.createQuery("SELECT tenant_id, password FROM tenant_calendar_store WHERE password IS NOT NULL")
                    .mapToMap().list();
            int sealed = 0;
            for (Map<String, Object> row : clear) {
                String tenant = (String) row.get("tenant_id");
                Secret password = new Secret((String) row.get("password"));
                sealed += h.createUpdate("""
                        UPDATE tenant_calendar_store SET password_sealed = :sealed, password = NULL
                        WHERE tenant_id = :t AND password IS NOT NULL""")
                        .bind("sealed", secrets.seal(password, JdbcDirectory.passwordContext(tenant))).bind("t", tenant).execute();
            }
            return sealed;
        });
    }
}
