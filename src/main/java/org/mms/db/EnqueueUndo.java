package org.mms.db;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.mms.directory.TenantId;
import org.mms.directory.UserId;
import org.mms.migration.MigrationType;
import org.mms.queue.CorrelationId;
import org.mms.queue.MigrationRequest;
import org.mms.queue.NewRequest;
import org.mms.queue.RequestedChange;

/**
 * Queues an undo as a request of its own, due at once, naming the migrations it puts back. Only while the user has no
 * active request: an undo never joins a migration waiting or running for the user, nor does one wait as its follow-up.
 */
final class EnqueueUndo {

    private static final String UNIQUE_VIOLATION = "23505";

    private final Jdbi jdbi;

    EnqueueUndo(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Optional<MigrationRequest> enqueue(TenantId tenant, UserId user, String upn, List<CorrelationId> undoes, String trigger, Instant now) {
        try {
            return jdbi.inTransaction(h -> {
                boolean active = h.createQuery("SELECT id FROM migration_request WHERE active_user = :active FOR UPDATE")
                        .bind("active", MigrationRequestRows.activeUser(tenant, user)).mapTo(Long.class).findOne().isPresent();
                if (active) {
                    return Optional.empty();
                }
                MigrationRequest created = MigrationRequestRows.insert(h, NewRequest.of(tenant, user,
                        new RequestedChange(upn, MigrationType.UNDO, trigger, Duration.ZERO), now));
                h.createUpdate("UPDATE migration_request SET undoes = :undoes WHERE id = :id")
                        .bind("undoes", undoes.stream().map(CorrelationId::toString).collect(Collectors.joining(",")))
                        .bind("id", created.id().value())
                        .execute();
                return Optional.of(created);
            });
        } catch (RuntimeException e) {
            // A change for the user made a request at the same moment: it is the active one now.
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                    return Optional.empty();
                }
            }
            throw e;
        }
    }
}
