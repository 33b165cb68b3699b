package org.mms.db;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;

/**
 * Tells the pool to drop a connection whose database closed under it. H2 closes its database after a
 * fatal error (running out of memory, a disk failure) and reports that with its own codes, which the
 * pool does not know; it would keep handing out the dead connections, and every call would fail with
 * "The database has been closed" for as long as the process lives. Dropped, they are replaced by new
 * ones, and a new connection opens the database file again.
 */
public final class EvictClosedConnections implements SQLExceptionOverride {

    /** H2's "The database has been closed" and "Database is already closed". */
    private static final int H2_DATABASE_IS_CLOSED = 90098;
    private static final int H2_DATABASE_CALLED_AT_SHUTDOWN = 90121;

    @java.lang.Override
    public SQLExceptionOverride.Override adjudicate(SQLException e) {
        return closed(e) ? SQLExceptionOverride.Override.MUST_EVICT : SQLExceptionOverride.Override.CONTINUE_EVICT;
    }

    /** Whether the exception, or one it carries, says that the database itself is closed. */
    public static boolean closed(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && (s.getErrorCode() == H2_DATABASE_IS_CLOSED || s.getErrorCode() == H2_DATABASE_CALLED_AT_SHUTDOWN
                    || s instanceof SQLNonTransientConnectionException)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
