package org.mms.service;

import java.util.function.IntConsumer;
import org.mms.db.Database;
import org.mms.db.EvictClosedConnections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a process whose database closed and would not open again. H2 closes its database after a fatal
 * error (running out of memory); the pool then opens it again on the next connection. When that fails
 * too, the process could still answer {@code /health} while doing nothing at all; instead it exits
 * with {@link #EXIT_CODE} and says why, so that a supervisor (systemd, a container runtime) starts a
 * fresh one. Only a closed database counts, several checks in a row: a database that is merely slow
 * or briefly unreachable is the readiness check's business.
 */
final class WatchDatabase {

    /** EX_UNAVAILABLE from sysexits.h: a service the process needs is not there. */
    static final int EXIT_CODE = 69;

    private static final Logger LOG = LoggerFactory.getLogger(WatchDatabase.class);

    private final Database db;
    private final int patience;
    private final IntConsumer exit;
    private int closedInARow;

    /**
     * @param patience checks in a row that find the database closed before the process exits
     * @param exit     ends the process with the given status ({@code System.exit} in production)
     */
    WatchDatabase(Database db, int patience, IntConsumer exit) {
        this.db = db;
        this.patience = patience;
        this.exit = exit;
    }

    /** One check, as a {@link Loop} step; never finds "work", so the loop waits its interval between checks. */
    boolean check() {
        String closed = closed();
        if (closed == null) {
            closedInARow = 0;
            return false;
        }
        closedInARow++;
        if (closedInARow < patience) {
            LOG.warn("the database is closed ({}); trying to open it again ({} of {})", closed, closedInARow, patience);
            return false;
        }
        LOG.error("the database is closed and could not be opened again after {} checks ({}); exiting with status {} so that a "
                + "supervisor starts MMS again", patience, closed, EXIT_CODE);
        exit.accept(EXIT_CODE);
        return false;
    }

    /** H2's "table not found" (42102, 42104 when the database is empty) or PostgreSQL's undefined_table. */
    private static boolean tablesGone(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof java.sql.SQLException s && (s.getErrorCode() == 42102 || s.getErrorCode() == 42104
                    || "42P01".equals(s.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** Why the database counts as closed, or null when it answers (or fails for another reason). */
    private String closed() {
        if (db.isClosed()) {
            return "the connection pool is closed";
        }
        try {
            // A table of ours, not SELECT 1: an embedded file that closed before it was written opens again empty.
            db.jdbi().useHandle(h -> h.createQuery("SELECT COUNT(*) FROM tenant").mapTo(Integer.class).one());
            return null;
        } catch (RuntimeException e) {
            if (EvictClosedConnections.closed(e)) {
                return "the database reports that it is closed";
            }
            return tablesGone(e) ? "the database opened again without MMS's tables" : null;
        } catch (OutOfMemoryError e) {
            // H2 closed itself because the heap ran out, and reopening it runs out again.
            return "out of memory while opening it";
        }
    }
}
