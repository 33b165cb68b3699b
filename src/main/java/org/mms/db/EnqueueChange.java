package org.mms.db;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.mms.directory.TenantId;
import org.mms.directory.UserId;
import org.mms.queue.ApprovalHold;
import org.mms.queue.Enqueued;
import org.mms.queue.MigrationRequest;
import org.mms.queue.NewRequest;
import org.mms.queue.RequestedChange;

/**
 * Puts a change for a user into the queue: a new request, or into the user's active one. The active
 * request is found and locked through the unique {@code active_user} column, so a claim or another
 * change for the same user waits rather than interleaving.
 */
final class EnqueueChange {

    /** Two first changes for a user at once: one insert wins, the other sees its row on the next try. */
    private static final int ATTEMPTS = 3;
    private static final String UNIQUE_VIOLATION = "23505";

    private final Jdbi jdbi;

    EnqueueChange(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Enqueued enqueue(TenantId tenant, UserId user, RequestedChange change, Instant now, Optional<ApprovalHold> hold) {
        RuntimeException lastRace = null;
        for (int i = 0; i < ATTEMPTS; i++) {
            try {
                return jdbi.inTransaction(h -> enqueueOnce(h, tenant, user, change, now, hold));
            } catch (RuntimeException e) {
                if (!isUniqueViolation(e)) {
                    throw e;
                }
                lastRace = e;
            }
        }
        throw new IllegalStateException("could not queue a migration for " + tenant + ":" + user + ": another change for the user"
                + " created an active request first " + ATTEMPTS + " times in a row", lastRace);
    }

    private static Enqueued enqueueOnce(Handle h, TenantId tenant, UserId user, RequestedChange change, Instant now,
            Optional<ApprovalHold> hold) {
        Optional<MigrationRequest> active = h.createQuery("SELECT " + MigrationRequestRows.COLUMNS
                        + " FROM migration_request WHERE active_user = :active FOR UPDATE")
                .bind("active", MigrationRequestRows.activeUser(tenant, user))
                .map(MigrationRequestRows.MAPPER).findOne();
        if (active.isEmpty()) {
            MigrationRequest created = MigrationRequestRows.insert(h, NewRequest.of(tenant, user, change, now));
            return new Enqueued.New(hold.isEmpty() ? created : MigrationRequestRows.save(h, created.awaitApproval(hold.get(), now)));
        }
        MigrationRequest current = active.get();
        if (!current.tenant().equals(tenant) || !current.user().equals(user)) {
            // Only possible when ids contain ':' and two tenant:user pairs spell the same key; refuse loudly.
            throw new IllegalStateException("the active request " + current.correlationId() + " of " + current.tenant() + ":"
                    + current.user() + " has the same key as " + tenant + ":" + user);
        }
        return switch (current.state()) {
            case PENDING, AWAITING_APPROVAL -> {
                MigrationRequest joined = current.coalesce(change, now);
                yield new Enqueued.CoalescedIntoPending(MigrationRequestRows.save(h, hold.map(held -> joined.awaitApproval(held, now))
                        .orElse(joined)));
            }
            case IN_PROGRESS -> new Enqueued.FollowUpQueued(MigrationRequestRows.save(h, current.noteFollowUp(change, now)));
            case SUCCEEDED, FAILED, DENIED -> throw new IllegalStateException(
                    "finished request " + current.correlationId() + " still holds its user's active key");
        };
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
