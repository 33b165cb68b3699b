package org.mms.db;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.mms.queue.MigrationRequest;

/**
 * Takes running requests back from workers that stopped renewing their lease. Rows a worker has locked
 * right now (it is reporting on them) are skipped: its report decides, and the next pass sees the rest.
 */
final class ReapExpiredLeases {

    private final Jdbi jdbi;

    ReapExpiredLeases(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    List<MigrationRequest> reap(Instant now) {
        return jdbi.inTransaction(h -> h.createQuery("SELECT " + MigrationRequestRows.COLUMNS + " FROM migration_request"
                        + " WHERE state = 'IN_PROGRESS' AND lease_until < :now ORDER BY lease_until, id FOR UPDATE SKIP LOCKED")
                .bind("now", MigrationRequestRows.time(now))
                .map(MigrationRequestRows.MAPPER).list()
                .stream()
                .map(expired -> MigrationRequestRows.save(h, expired.reap(now)))
                .toList());
    }
}
