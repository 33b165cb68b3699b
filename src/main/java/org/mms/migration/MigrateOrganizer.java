package org.mms.migration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mms.calendar.CalendarStore;
import org.mms.checkpoint.Checkpoint;
import org.mms.itip.ItipRequest;
import org.mms.calendar.Mailbox;
import org.mms.calendar.ResourceRef;
import org.mms.calendar.StoredResource;
import org.mms.calendar.WriteResult;
import org.mms.directory.Bridge;
import org.mms.directory.Tenant;
import org.mms.directory.User;

/**
 * Runs one migration request: every stored meeting of the organizer is planned with the engine;
 * each changed one is written with its version check (re-read and re-planned if someone else wrote
 * it meanwhile), its decisions journaled and its update message queued; the others are journaled
 * with their reasons. Settles first whatever an interrupted earlier run left half done.
 */
public final class MigrateOrganizer {

    /** How far ahead meetings are looked for; series reaching further are found by their earlier occurrences. */
    static final Duration HORIZON = Duration.ofDays(5 * 366);
    private static final int BATCH = 200;
    private static final int CONFLICT_RETRIES = 3;
    private static final int MAX_FAILURES_IN_MESSAGE = 3;

    private final CalendarStore store;
    private final MigrationJournal journal;
    private final Clock clock;

    private final Checkpoint checkpoint;

    public MigrateOrganizer(CalendarStore store, MigrationJournal journal, Clock clock) {
        this(store, journal, clock, Checkpoint.NONE);
    }

    public MigrateOrganizer(CalendarStore store, MigrationJournal journal, Clock clock, Checkpoint checkpoint) {
        this.store = store;
        this.journal = journal;
        this.clock = clock;
        this.checkpoint = checkpoint;
    }

    /**
     * What to migrate: whose meetings, under which settings, of which type, for which request; for an
     * {@link MigrationType#UNDO}, the migrations it puts back.
     */
    public record Request(Tenant tenant, User user, Optional<Bridge> bridge, MigrationType type, String correlationId,
            List<String> undoes) {
        public Request(Tenant tenant, User user, Optional<Bridge> bridge, MigrationType type, String correlationId) {
            this(tenant, user, bridge, type, correlationId, List.of());
        }

        public Request {
            undoes = List.copyOf(undoes);
        }
    }

    /**
     * The counts {@code Get-CsMeetingMigrationStatus} shows, and a message for an admin.
     *
     * @param total     the organizer's online meetings that have not started (the ones to bring up to date)
     * @param succeeded of those, migrated or already current
     * @param failed    of those, not migrated (the reason is in the message and the journal)
     * @param invites   updates for attendees: messages queued, or those the store was asked to send when it schedules
     */
    public record Result(int total, int succeeded, int failed, int invites, String message) {
    }

    /**
     * Told now and then during a long run, so the queue knows the worker is alive, and before every
     * write: a worker whose lease ran out (another worker may have taken the organizer over) throws
     * from here rather than write meetings the other worker is migrating too.
     */
    @FunctionalInterface
    public interface Heartbeat {
        void beat(Result soFar);
    }

    /** What {@link #run} would do now, changing nothing (see {@link PreviewMigration}). */
    public PreviewMigration.Preview preview(Request request) {
        return new PreviewMigration(store, clock).preview(request);
    }

    public Result run(Request request, Heartbeat heartbeat) {
        Instant now = clock.instant();
        Mailbox mailbox = new Mailbox(request.tenant().id(), request.user().id());
        settleOpenIntents(request, mailbox);
        if (request.type() == MigrationType.UNDO) {
            return new PutBackMeetings(store, journal, checkpoint).run(request, mailbox, now, heartbeat);
        }

        PlanOrganizer planner = PlanOrganizer.of(request, now);
        MigrationJournal.Run run = new MigrationJournal.Run(request.tenant().id(), request.user().id(), request.correlationId(), now);

        Tally tally = new Tally();
        // A server that schedules (RFC 6638) tells the attendees itself when the organizer's copy changes.
        boolean serverSends = store.schedulesForAttendees(mailbox);
        Context context = new Context(mailbox, planner, run, tally, serverSends, serverSends && store.sendsEachEventApart(mailbox),
                heartbeat);
        List<StoredResource> chunk = new ArrayList<>(BATCH);
        store.forEachCandidate(mailbox, now, now.plus(HORIZON), BATCH, resource -> {
            chunk.add(resource);
            if (chunk.size() == BATCH) {
                migrateChunk(context, chunk);
                chunk.clear();
            }
        });
        migrateChunk(context, chunk);
        return tally.result();
    }

    /** What every meeting of one run is planned and journaled with. */
    private record Context(Mailbox mailbox, PlanOrganizer planner, MigrationJournal.Run run, Tally tally,
            boolean serverSends, boolean eachEventApart, Heartbeat heartbeat) {
    }

    /** A changed meeting of a chunk, between its plan and its write. */
    private record Pending(StoredResource resource, ResourcePlan plan, MigrationJournal.Intent intent) {
    }

    /**
     * One chunk of stored meetings: all planned, their decisions and intents journaled in one
     * transaction, the changed ones written in one batch, the outcomes settled in one transaction.
     * Meetings someone else changed meanwhile are then re-read and retried one by one.
     */
    private void migrateChunk(Context c, List<StoredResource> resources) {
        List<MigrationJournal.Unwritten> unwritten = new ArrayList<>();
        List<MigrationJournal.Planned> planned = new ArrayList<>();
        List<Pending> pending = new ArrayList<>();
        for (StoredResource resource : resources) {
            Optional<ResourcePlan> plan = plan(c, resource);
            if (plan.isEmpty()) {
                continue;
            }
            String href = resource.ref().href();
            if (!plan.get().changed()) {
                unwritten.add(new MigrationJournal.Unwritten(href, plan.get().meetings()));
                c.tally().count(plan.get(), false);
                continue;
            }
            MigrationJournal.Intent intent = MigrationJournal.Intent.of(c.run(), href, ResourcePlan.hash(plan.get().newBytes()),
                    Optional.of(resource.etag()));
            planned.add(new MigrationJournal.Planned(href, plan.get().meetings(), intent.newResourceHash(), intent.baseEtag(),
                    c.serverSends() ? List.of() : plan.get().updates(), resource.data()));
            pending.add(new Pending(resource, plan.get(), intent));
        }
        // Nothing journaled or written once the lease is gone: the worker that holds it now settles and migrates.
        c.heartbeat().beat(c.tally().result());
        journal.begin(c.run(), unwritten, planned);
        if (pending.isEmpty()) {
            return;
        }
        checkpoint.reached(Checkpoint.CHUNK_JOURNALED);
        List<WriteResult> results = store.putAll(c.mailbox(), pending.stream()
                .map(p -> new CalendarStore.Write(p.resource().ref(), p.plan().newBytes(), p.resource().etag())).toList());
        checkpoint.reached(Checkpoint.CHUNK_WRITTEN);
        List<MigrationJournal.Intent> written = new ArrayList<>();
        java.util.Map<String, String> etags = new java.util.HashMap<>();
        List<MigrationJournal.Intent> notWritten = new ArrayList<>();
        List<Pending> conflicts = new ArrayList<>();
        List<Pending> refused = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            Pending p = pending.get(i);
            switch (results.get(i)) {
                case WriteResult.Written w -> {
                    written.add(p.intent());
                    etags.put(p.intent().href(), w.etag());
                    c.tally().count(p.plan(), true);
                    c.tally().invites += updatesSent(c, p.plan());
                }
                // Deleted while we planned: nothing left to migrate.
                case WriteResult.NotFound n -> notWritten.add(p.intent());
                case WriteResult.PreconditionFailed f -> {
                    notWritten.add(p.intent());
                    conflicts.add(p);
                }
                case WriteResult.Refused r -> {
                    notWritten.add(p.intent());
                    refused.add(p);
                    refusals.add(r.reason());
                }
            }
        }
        journal.settle(written, notWritten, etags);
        for (int i = 0; i < refused.size(); i++) {
            recordRefused(c, refused.get(i), refusals.get(i));
        }
        for (Pending p : conflicts) {
            store.get(c.mailbox(), p.resource().ref()).ifPresent(again -> migrateOneByOne(c, again, 1));
        }
    }

    private Optional<ResourcePlan> plan(Context c, StoredResource resource) {
        return switch (c.planner().plan(resource.data())) {
            case PlanOrganizer.Planned.Plan p -> Optional.of(p.plan());
            case PlanOrganizer.Planned.Unplannable u -> {
                c.tally().failed(resource.ref().href(), u.why());
                yield Optional.empty();
            }
        };
    }

    /** A meeting whose write lost a race: re-planned and written alone, a few times at most. */
    private void migrateOneByOne(Context c, StoredResource resource, int attemptsSoFar) {
        StoredResource current = resource;
        for (int attempt = attemptsSoFar; ; attempt++) {
            Optional<ResourcePlan> plan = plan(c, current);
            if (plan.isEmpty()) {
                return;
            }
            String href = current.ref().href();
            if (!plan.get().changed()) {
                journal.record(c.run(), href, plan.get().meetings());
                c.tally().count(plan.get(), false);
                return;
            }
            MigrationJournal.Intent intent = MigrationJournal.Intent.of(c.run(), href, ResourcePlan.hash(plan.get().newBytes()),
                    Optional.of(current.etag()));
            List<ItipRequest> updates = c.serverSends() ? List.of() : plan.get().updates();
            c.heartbeat().beat(c.tally().result());
            journal.intend(c.run(), href, plan.get().meetings(), intent.newResourceHash(), intent.baseEtag(), updates, current.data());
            WriteResult result = store.put(c.mailbox(), current.ref(), plan.get().newBytes(), Optional.of(current.etag()));
            switch (result) {
                case WriteResult.Written w -> {
                    journal.complete(intent, w.etag());
                    c.tally().count(plan.get(), true);
                    c.tally().invites += updatesSent(c, plan.get());
                    return;
                }
                case WriteResult.NotFound n -> {
                    journal.abandon(intent);
                    return;
                }
                case WriteResult.Refused r -> {
                    journal.abandon(intent);
                    recordRefused(c, new Pending(current, plan.get(), intent), r.reason());
                    return;
                }
                case WriteResult.PreconditionFailed f -> {
                    journal.abandon(intent);
                    Optional<StoredResource> again = store.get(c.mailbox(), current.ref());
                    if (again.isEmpty()) {
                        return;
                    }
                    if (attempt + 1 >= CONFLICT_RETRIES) {
                        c.tally().failed(href, "changed by someone else while being migrated, " + CONFLICT_RETRIES
                                + " times in a row; the next attempt will try again");
                        return;
                    }
                    current = again.get();
                }
            }
        }
    }

    /**
     * The updates attendees get for a written resource: MMS's own messages (one per changed meeting with attendees),
     * or, when the store schedules, those it was asked to send: as many, or one per changed event when it sends a
     * series' occurrences apart (Exchange).
     */
    private static int updatesSent(Context c, ResourcePlan plan) {
        return updatesSent(c.serverSends(), c.eachEventApart(), plan);
    }

    static int updatesSent(boolean serverSends, boolean eachEventApart, ResourcePlan plan) {
        if (!serverSends || !eachEventApart) {
            return plan.updates().size();
        }
        int events = 0;
        for (ItipRequest update : plan.updates()) {
            for (MeetingPlan meeting : plan.meetings()) {
                if (meeting.uid().equals(update.uid())) {
                    events += (int) meeting.components().stream().filter(ComponentPlan::migrated).count();
                }
            }
        }
        return events;
    }

    /** The store would not take the new version: each meeting that was to change is journaled as failed, with what the store said. */
    private void recordRefused(Context c, Pending p, String reason) {
        List<MeetingPlan> failed = p.plan().meetings().stream()
                .map(m -> new MeetingPlan(m.uid(), m.components().stream()
                        .map(cp -> cp.migrated() ? new ComponentPlan(cp.uid(), cp.recurrenceId(), cp.summary(), cp.start(), cp.original(),
                                new Outcome.Failed(FailReason.STORE_REFUSED, reason)) : cp)
                        .toList()))
                .toList();
        journal.record(c.run(), p.resource().ref().href(), failed);
        c.tally().count(new ResourcePlan(failed, p.resource().data(), List.of()), false);
    }

    /**
     * An earlier run that stopped between announcing a write and confirming it: if the write happened, its
     * decisions stand and its messages may go; otherwise they are dropped and the meeting is planned anew.
     */
    private void settleOpenIntents(Request request, Mailbox mailbox) {
        for (MigrationJournal.Intent intent : journal.openIntents(request.tenant().id(), request.user().id())) {
            if (happened(mailbox, intent)) {
                journal.complete(intent);
            } else {
                journal.abandon(intent);
            }
        }
    }

    /**
     * Whether an interrupted write happened. The store says so first when it can: it gives back the bytes it was
     * given, or it remembers the write ({@link CalendarStore#holds}). A store that gives back its own rendering (every
     * CalDAV server: property order, folding, escapes, some values) can say neither, so the version and the blocks
     * tell: a resource still at the ETag the write was conditional on was not written (any write gives a new ETag);
     * one that moved on from it was written when it shows the blocks the write meant to write
     * ({@link RecognizeWrittenBlocks}). Moved on and showing other blocks means someone else's write came first, and
     * the conditional write did not happen.
     */
    private boolean happened(Mailbox mailbox, MigrationJournal.Intent intent) {
        ResourceRef ref = new ResourceRef(intent.href());
        if (store.holds(mailbox, ref, intent.newResourceHash())) {
            return true;
        }
        if (intent.baseEtag().isEmpty()) {
            return false;
        }
        Optional<StoredResource> now = store.get(mailbox, ref);
        return now.isPresent() && !now.get().etag().equals(intent.baseEtag().get())
                && RecognizeWrittenBlocks.in(now.get().data(), journal.meantBlocks(intent));
    }

    /** Counts per meeting (UID), and the first failures for the message; a preview counts the same way. */
    static final class Tally {

        int seen;
        int total;
        int succeeded;
        int failed;
        int invites;
        final List<String> failures = new ArrayList<>();

        void count(ResourcePlan plan, boolean written) {
            for (MeetingPlan meeting : plan.meetings()) {
                boolean relevant = false;
                boolean bad = false;
                for (ComponentPlan c : meeting.components()) {
                    switch (c.outcome()) {
                        case Outcome.Migrated m -> relevant = true;
                        case Outcome.Unchanged u -> relevant = true;
                        case Outcome.Failed f -> {
                            relevant = true;
                            bad = true;
                            if (failures.size() < MAX_FAILURES_IN_MESSAGE) {
                                failures.add("'" + OneLine.of(c.summary(), 100) + "' (" + f.reason() + ": " + f.detail() + ")");
                            }
                        }
                        case Outcome.Skipped s -> {
                        }
                    }
                }
                if (relevant) {
                    total++;
                    if (bad) {
                        failed++;
                    } else {
                        succeeded++;
                    }
                }
            }
        }

        void failed(String href, String why) {
            total++;
            failed++;
            if (failures.size() < MAX_FAILURES_IN_MESSAGE) {
                failures.add(OneLine.of(href, 200) + " (" + OneLine.of(why) + ")");
            }
        }

        Result result() {
            String message = failed == 0 ? "" : failed + " meeting" + (failed == 1 ? "" : "s") + " could not be migrated: "
                    + String.join("; ", failures) + (failed > failures.size() ? "; …" : "")
                    + ". Fix them (see Get-CsMeetingMigrationDetail), then run Start-CsExMeetingMigration again.";
            return new Result(total, succeeded, failed, invites, message);
        }
    }
}
