package org.mms.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.mms.api.ReadinessCheck;
import org.mms.db.Database;
import org.mms.migration.InternalFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this process can do its work, for {@code GET /ready}: the database answers with MMS's
 * tables, and every loop (migration workers, senders, housekeeping, the database watch) has a live
 * thread that is not stuck in one turn and has not just died. The reasons name the loops and how
 * long, never an exception's text: a driver's message can quote SQL or a server's address.
 */
final class CheckReadiness implements ReadinessCheck {

    /** A loop whose thread died this recently counts as not ready even though a new thread runs it. */
    static final Duration RECENT_DEATH = Duration.ofMinutes(1);

    private static final Logger LOG = LoggerFactory.getLogger(CheckReadiness.class);

    private final Database db;
    private final Supplier<List<Loop>> loops;

    CheckReadiness(Database db, Supplier<List<Loop>> loops) {
        this.db = db;
        this.loops = loops;
    }

    @Override
    public Readiness check() {
        List<String> reasons = new ArrayList<>();
        databaseProblem(reasons);
        for (Loop loop : loops.get()) {
            Loop.Health h = loop.health();
            if (!h.alive()) {
                reasons.add(h.name() + " is not running");
            } else if (h.stalledFor().isPresent()) {
                reasons.add(h.name() + " has shown no sign of life for " + seconds(h.stalledFor().get()));
            }
            h.sinceDeath().filter(d -> d.compareTo(RECENT_DEATH) < 0).ifPresent(d -> reasons.add(h.name() + "'s thread died "
                    + h.deaths() + " time(s), the last " + seconds(d) + " ago; a new thread replaced it"));
        }
        return reasons.isEmpty() ? Readiness.ok() : Readiness.notReady(String.join("; ", reasons));
    }

    private void databaseProblem(List<String> reasons) {
        if (db.isClosed()) {
            reasons.add("the database connection pool is closed");
            return;
        }
        try {
            // A table of ours, not SELECT 1: an embedded database that opened again empty answers but cannot be used.
            db.jdbi().useHandle(h -> h.createQuery("SELECT COUNT(*) FROM tenant").mapTo(Integer.class).one());
        } catch (RuntimeException e) {
            InternalFailure failure = InternalFailure.of(e);
            LOG.warn("readiness: the database cannot be used ({})", failure.words(), e);
            reasons.add("the database cannot be used (" + failure.words() + ", see the server log)");
        }
    }

    private static String seconds(Duration d) {
        return d.toSeconds() + " s";
    }
}
