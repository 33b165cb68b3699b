package org.mms.migration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mms.calendar.CalendarStoreException;
import org.mms.calendar.PermanentStoreException;
import org.mms.checkpoint.Checkpoint;
import org.mms.directory.ApprovalSettings;
import org.mms.directory.Bridge;
import org.mms.directory.Directory;
import org.mms.directory.MailboxLocation;
import org.mms.directory.Tenant;
import org.mms.directory.User;
import org.mms.itip.OrganizerNotice;
import org.mms.queue.ApprovalHold;
import org.mms.queue.Claimed;
import org.mms.queue.Completion;
import org.mms.queue.Counts;
import org.mms.queue.IllegalStateChangeException;
import org.mms.queue.Lease;
import org.mms.queue.MigrationQueue;
import org.mms.queue.MigrationRequest;
import org.mms.queue.RetryPolicy;
import org.mms.queue.WorkerId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One step of a worker: claim a due request, migrate that organizer, record how it ended. Meetings
 * that could not be migrated, and failures of the calendar store, are retried with the tenant's
 * backoff; after the last retry the request is {@code Failed} with a message an admin can act on.
 * A test drives this step with its own clock; the service runs it in a loop.
 */
public final class RunMigrations {

    private static final Logger LOG = LoggerFactory.getLogger(RunMigrations.class);

    private final MigrationQueue queue;
    private final Directory directory;
    private final MigrateOrganizer migrate;
    private final Clock clock;
    private final WorkerId worker;
    private final Duration lease;

    private final Checkpoint checkpoint;
    private final Runnable alive;

    public RunMigrations(MigrationQueue queue, Directory directory, MigrateOrganizer migrate, Clock clock, WorkerId worker,
            Duration lease) {
        this(queue, directory, migrate, clock, worker, lease, Checkpoint.NONE);
    }

    public RunMigrations(MigrationQueue queue, Directory directory, MigrateOrganizer migrate, Clock clock, WorkerId worker,
            Duration lease, Checkpoint checkpoint) {
        this(queue, directory, migrate, clock, worker, lease, checkpoint, () -> {
        });
    }

    /** @param alive told at every heartbeat, so that whoever runs this step sees a long migration is not stuck */
    public RunMigrations(MigrationQueue queue, Directory directory, MigrateOrganizer migrate, Clock clock, WorkerId worker,
            Duration lease, Checkpoint checkpoint, Runnable alive) {
        this.alive = alive;
        this.checkpoint = checkpoint;
        this.queue = queue;
        this.directory = directory;
        this.migrate = migrate;
        this.clock = clock;
        this.worker = worker;
        this.lease = lease;
    }

    /** Claims and runs at most one request; returns whether there was one. */
    public boolean runOnce() {
        List<Claimed> claimed = queue.claim(worker, clock.instant(), lease, 1);
        if (claimed.isEmpty()) {
            return false;
        }
        checkpoint.reached(Checkpoint.MIGRATION_CLAIMED);
        run(claimed.getFirst());
        return true;
    }

    /**
     * Runs one claimed request. Nothing one request does may end the worker: whatever it throws, a
     * bug or an error such as a stack overflow included, is recorded on that request under a short
     * code (the details go to the log) and the worker takes the next one.
     */
    private void run(Claimed claimed) {
        try {
            migrate(claimed);
        } catch (Throwable e) { // every Throwable: an Error from one calendar must not end the worker thread
            InternalFailure failure = InternalFailure.of(e);
            LOG.error("migrating {} failed with {}", claimed.request().upn(), failure.words(), e);
            try {
                recordInternalFailure(claimed, failure);
            } catch (Throwable again) { // recording can fail too (the database gone): the lease runs out and the reaper takes the request back
                LOG.error("could not record {} for {}: {}", failure.words(), claimed.request().upn(), InternalFailure.of(again).words());
            }
        }
    }

    /**
     * An unexpected failure is retried like any other, except that the same failure twice in a row
     * ends the request as {@code Failed}: it will fail the same way every time, and a request that
     * is retried forever hides the fault from the admin.
     */
    private void recordInternalFailure(Claimed claimed, InternalFailure failure) {
        MigrationRequest request = claimed.request();
        Instant now = clock.instant();
        if (InternalFailure.in(request.lastMessage()).filter(failure::equals).isPresent()) {
            ended(queue.fail(claimed.lease(), request.counts(), "the migration failed twice with " + failure.words()
                    + "; the server log has the details (report it), then start the migration again (Start-CsExMeetingMigration)", now));
            return;
        }
        String message = "the migration failed with " + failure.words() + "; the server log has the details; MMS will try again";
        Optional<Tenant> tenant = directory.tenant(request.tenant());
        if (tenant.isEmpty()) {
            ended(queue.fail(claimed.lease(), request.counts(), message, now));
            return;
        }
        retryOrFail(tenant.get(), request, claimed.lease(), request.counts(), message);
    }

    private void migrate(Claimed claimed) {
        MigrationRequest request = claimed.request();
        Lease current = claimed.lease();
        Optional<Tenant> tenant = directory.tenant(request.tenant());
        Optional<User> user = directory.user(request.tenant(), request.user()).map(Directory.Versioned::value);
        if (tenant.isEmpty() || user.isEmpty()) {
            ended(queue.fail(current, Counts.NONE, "the user no longer exists in the directory", clock.instant()));
            return;
        }
        if (user.get().mailbox() != MailboxLocation.REACHABLE) {
            ended(queue.fail(current, Counts.NONE, "the user's mailbox is on-premises, where MMS cannot reach it; use mms migrate-ics",
                    clock.instant()));
            return;
        }
        Optional<Bridge> bridge = user.get().audio().bridgeId().flatMap(directory::bridge);
        List<String> undoes = request.type() == MigrationType.UNDO
                ? queue.undoTargets(request.id()).stream().map(c -> c.value().toString()).toList()
                : List.of();
        MigrateOrganizer.Request work = new MigrateOrganizer.Request(tenant.get(), user.get(), bridge, request.type(),
                request.correlationId().value().toString(), undoes);
        Lease[] held = {current};
        MigrateOrganizer.Result result;
        try {
            if (noticeFirst(claimed, work, tenant.get())) {
                return;
            }
            result = migrate.run(work, soFar -> {
                Instant now = clock.instant();
                if (!queue.heartbeat(held[0], now.plus(lease))) {
                    throw new LeaseLost();
                }
                alive.run();
                queue.progress(held[0], counts(soFar), now);
            });
        } catch (LeaseLost e) {
            // This worker stalled past its lease and the reaper or another worker took the request: whoever holds it now
            // settles the meetings journaled but not written, and records the outcome. Nothing here may touch it.
            LOG.warn("the lease on {}'s migration ran out while it was running (the worker stalled longer than workers.leaseSeconds); "
                    + "stopped it, whoever holds the request now finishes it", request.upn());
            return;
        } catch (PermanentStoreException e) {
            // Retrying cannot help (wrong credentials, no such calendar): the admin has to act first.
            LOG.warn("migrating {} failed for good: {}", request.upn(), e.getMessage());
            ended(queue.fail(held[0], Counts.NONE, "the calendar server refused (" + OneLine.of(e.getMessage())
                    + "); correct the calendar store (Set-CsCalendarStore) or the user's calendar URL, then start the migration again",
                    clock.instant()));
            return;
        } catch (CalendarStoreException e) {
            LOG.warn("migrating {} failed: {}", request.upn(), e.toString());
            retryOrFail(tenant.get(), request, held[0], Counts.NONE,
                    "the calendar could not be read or written (" + OneLine.of(e.getMessage()) + "); MMS will try again");
            return;
        }
        // Anything else (the database refusing a value, a bug) is an internal failure: see run.
        if (result.failed() == 0) {
            ended(queue.succeed(held[0], counts(result), result.message(), clock.instant()));
        } else {
            retryOrFail(tenant.get(), request, held[0], counts(result), result.message());
        }
    }

    /**
     * When the tenant has organizers told before their migrations run ({@code NotifyOrganizerBeforeMinutes}) and this one
     * was not told yet: the notice, composed from the migration's preview (what {@code -WhatIf} shows), is queued and the
     * request waits the tenant's notice time, in one step. An undo puts back what an earlier migration announced and
     * sends no notice; a migration that would update nothing has nothing to announce and runs now.
     *
     * @return whether the request now waits after its notice
     */
    private boolean noticeFirst(Claimed claimed, MigrateOrganizer.Request work, Tenant tenant) {
        MigrationRequest request = claimed.request();
        Duration notice = tenant.settings().pacing().organizerNotice();
        if (request.type() == MigrationType.UNDO || request.noticeSentAt().isPresent() || !notice.isPositive()) {
            return false;
        }
        PreviewMigration.Preview preview = migrate.preview(work);
        Instant now = clock.instant();
        Instant due = now.plus(notice);
        Optional<OrganizerNotice> composed = ComposeOrganizerNotice.of(work.user(), work.correlationId(), request.trigger(), preview, due,
                notice);
        if (composed.isEmpty()) {
            return false;
        }
        int meetings = preview.updated();
        queue.noticeSent(claimed.lease(), composed.get(), "notice sent to the organizer (" + meetings + (meetings == 1 ? " meeting" : " meetings")
                + " to update); the migration starts at " + due, due, now);
        LOG.info("told {} that {} meetings will be updated at {}", request.upn(), meetings, due);
        return true;
    }

    /**
     * A request ended. A change that arrived while it ran is now a request of its own; when the tenant's approval settings
     * say so, it waits for approval, as it would have had it arrived a moment later.
     */
    private void ended(Completion completion) {
        if (completion instanceof Completion.Recorded recorded) {
            recorded.followUp().ifPresent(this::holdIfApprovalNeeded);
        }
    }

    private void holdIfApprovalNeeded(MigrationRequest followUp) {
        ApprovalSettings approval = directory.approvalSettings(followUp.tenant());
        Optional<Tenant> tenant = directory.tenant(followUp.tenant());
        Optional<User> user = directory.user(followUp.tenant(), followUp.user()).map(Directory.Versioned::value);
        if (!approval.anyApproval() || tenant.isEmpty() || user.isEmpty()) {
            return;
        }
        Optional<ApprovalHold> hold;
        try {
            hold = HoldForApproval.of(approval, migrate.preview(new MigrateOrganizer.Request(tenant.get(), user.get(),
                    user.get().audio().bridgeId().flatMap(directory::bridge), followUp.type(), followUp.correlationId().value().toString())),
                    false);
        } catch (CalendarStoreException e) {
            hold = Optional.of(HoldForApproval.withoutPreview(e.getMessage()));
        }
        hold.ifPresent(h -> {
            try {
                queue.awaitApproval(followUp.tenant(), followUp.correlationId(), h, clock.instant());
            } catch (IllegalStateChangeException e) {
                // Only with no settle window: another worker took the follow-up between its insert and this hold.
                LOG.warn("the follow-up migration of {} was claimed before it could wait for approval", followUp.upn());
            }
        });
    }

    /** The lease was found taken while migrating. */
    private static final class LeaseLost extends RuntimeException {
        LeaseLost() {
            super("the lease ran out", null, false, false);
        }
    }

    private void retryOrFail(Tenant tenant, MigrationRequest request, Lease lease, Counts counts, String message) {
        RetryPolicy policy = RetryPolicy.of(tenant.settings().retryAttempts(), tenant.settings().retryWindow());
        Instant now = clock.instant();
        switch (policy.afterFailure(request.retryCount(), now)) {
            case RetryPolicy.Decision.RetryAt retry -> queue.retryLater(lease, counts, message, retry.at(), now);
            case RetryPolicy.Decision.GiveUp giveUp -> ended(queue.fail(lease, counts, message, now));
        }
    }

    private static Counts counts(MigrateOrganizer.Result r) {
        return new Counts(r.total(), r.succeeded(), r.failed(), r.invites());
    }
}
