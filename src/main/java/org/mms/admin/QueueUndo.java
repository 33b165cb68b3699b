package org.mms.admin;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.mms.directory.Directory;
import org.mms.directory.Tenant;
import org.mms.directory.User;
import org.mms.migration.MigrationType;
import org.mms.queue.CorrelationId;
import org.mms.queue.MigrationQueue;
import org.mms.queue.MigrationRequest;
import org.mms.queue.MigrationStatusQueries;
import org.mms.queue.StatusFilter;

/**
 * {@code Undo-CsMeetingMigration}: finds the migrations to put back (one by its correlation id, or a user's since a
 * time) and queues the undo as a migration of its own. Refused, with what to do instead: an undo of an undo (start a
 * migration again: it brings the meetings to the settings as they are now), and an undo while the user has a migration
 * waiting or running (it would undo half of it).
 */
final class QueueUndo {

    /** The most migrations one undo puts back; they are named on its request. */
    static final int MAX_MIGRATIONS = 100;

    private final Directory directory;
    private final MigrationQueue queue;
    private final MigrationStatusQueries status;
    private final Clock clock;

    QueueUndo(Directory directory, MigrationQueue queue, MigrationStatusQueries status, Clock clock) {
        this.directory = directory;
        this.queue = queue;
        this.status = status;
        this.clock = clock;
    }

    MigrationRequest apply(Tenant tenant, Requests.Undo undo) {
        Targets targets = targets(tenant, undo);
        String trigger = "Undo-CsMeetingMigration of " + String.join(", ", targets.correlationIds());
        return queue.enqueueUndo(tenant.id(), targets.user(), targets.upn(), targets.migrations().stream()
                .map(MigrationRequest::correlationId).toList(), trigger, clock.instant())
                .orElseThrow(() -> new AdminException.Conflict(targets.upn() + " has a migration waiting or running; undo when it "
                        + "has ended (Get-CsMeetingMigrationStatus -Identity " + targets.upn() + ")"));
    }

    /** The migrations an undo would put back, oldest first, and their user. */
    record Targets(org.mms.directory.UserId user, String upn, List<MigrationRequest> migrations) {
        List<String> correlationIds() {
            return migrations.stream().map(t -> t.correlationId().toString()).toList();
        }
    }

    Targets targets(Tenant tenant, Requests.Undo undo) {
        List<MigrationRequest> targets;
        if (undo.correlationId().isPresent()) {
            CorrelationId id;
            try {
                id = CorrelationId.parse(undo.correlationId().get());
            } catch (IllegalArgumentException e) {
                throw new AdminException.BadRequest("not a correlation id: " + undo.correlationId().get());
            }
            MigrationRequest target = status.byCorrelationId(tenant.id(), id)
                    .orElseThrow(() -> new AdminException.NotFound("no migration " + undo.correlationId().get()));
            if (target.type() == MigrationType.UNDO) {
                throw new AdminException.BadRequest("migration " + id + " is an undo, and an undo is not undone; to bring the meetings to "
                        + "the organizer's current settings again, run Start-CsExMeetingMigration");
            }
            targets = List.of(target);
        } else {
            if (undo.identity().isEmpty() || undo.startTime().isEmpty()) {
                throw new AdminException.BadRequest("name the migration (-CorrelationId), or the user (-Identity) with -StartTime");
            }
            User user = ApplyChanges.user(directory, tenant, undo.identity().get()).value();
            targets = status.list(tenant.id(), StatusFilter.all().forUsers(Set.of(user.id()))
                            .createdBetween(undo.startTime(), java.util.Optional.empty())).stream()
                    .filter(r -> r.type() != MigrationType.UNDO)
                    .sorted(Comparator.comparing(MigrationRequest::createDate))
                    .toList();
            if (targets.isEmpty()) {
                throw new AdminException.NotFound("no migration of " + user.upn() + " since " + undo.startTime().get());
            }
            if (targets.size() > MAX_MIGRATIONS) {
                throw new AdminException.BadRequest(targets.size() + " migrations of " + user.upn() + " since " + undo.startTime().get()
                        + "; an undo puts back at most " + MAX_MIGRATIONS + ": choose a later -StartTime");
            }
        }
        MigrationRequest first = targets.getFirst();
        String upn = directory.user(tenant.id(), first.user()).map(v -> v.value().upn()).orElse(first.upn());
        return new Targets(first.user(), upn, targets);
    }
}
