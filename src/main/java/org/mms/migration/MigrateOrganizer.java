package org.mms.migration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mms.calendar.CalendarStore;
import org.mms.calendar.Mailbox;
import org.mms.calendar.ResourceRef;
import org.mms.calendar.StoredResource;
import org.mms.calendar.WriteResult;
import org.mms.directory.Bridge;
import org.mms.directory.Tenant;
import org.mms.directory.User;
import org.mms.ical.IcalFormatException;

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

    public MigrateOrganizer(CalendarStore store, MigrationJournal journal, Clock clock) {
        this.store = store;
        this.journal = journal;
        this.clock = clock;
    }

    /** What to migrate: whose meetings, under which settings, of which type, for which request. */
    public record Request(Tenant tenant, User user, Optional<Bridge> bridge, MigrationType type, String correlationId) {
    }

    /**
     * The counts {@code Get-CsMeetingMigrationStatus} shows, and a message for an admin.
     *
     * @param total     the organizer's online meetings that have not started (the ones to bring up to date)
     * @param succeeded of those, migrated or already current
     * @param failed    of those, not migrated (the reason is in the message and the journal)
     * @param invites   update messages queued for attendees
     */
    public record Result(int total, int succeeded, int failed, int invites, String message) {
    }

    /** Told now and then during a long run, so the queue knows the worker is alive. */
    @FunctionalInterface
    public interface Heartbeat {
        void beat(Result soFar);
    }

    public Result run(Request request, Heartbeat heartbeat) {
        Instant now = clock.instant();
        Mailbox mailbox = new Mailbox(request.tenant().id(), request.user().id());
        settleOpenIntents(request, mailbox);

        User user = request.user();
        Set<String> aliases = new LinkedHashSet<>(user.aliases());
        aliases.add(user.upn());
        SelectionRules rules = new SelectionRules(new Organizer(user.sipAddress(), aliases), now,
                request.tenant().settings().attendeeLimit(), request.type().sources());
        Targets targets = OrganizerTargets.of(request.tenant(), user, request.bridge(), request.type());
        MigrationJournal.Run run = new MigrationJournal.Run(request.tenant().id(), user.id(), request.correlationId(), now);

        Tally tally = new Tally();
        // A server that schedules (RFC 6638) tells the attendees itself when the organizer's copy changes.
        boolean serverSends = store.schedulesForAttendees(mailbox);
        store.forEachCandidate(mailbox, now, now.plus(HORIZON), BATCH, resource -> {
            migrateResource(mailbox, resource, rules, targets, run, tally, serverSends);
            if (++tally.seen % BATCH == 0) {
                heartbeat.beat(tally.result());
            }
        });
        return tally.result();
    }

    private void migrateResource(Mailbox mailbox, StoredResource resource, SelectionRules rules, Targets targets,
            MigrationJournal.Run run, Tally tally, boolean serverSends) {
        StoredResource current = resource;
        for (int attempt = 0; ; attempt++) {
            ResourcePlan plan;
            try {
                plan = ResourcePlan.of(current.data(), rules, targets, ZoneOffset.UTC);
            } catch (IcalFormatException e) {
                tally.failed(current.ref().href(), "the stored meeting cannot be read: " + e.getMessage());
                return;
            }
            if (!plan.changed()) {
                journal.record(run, current.ref().href(), plan.meetings());
                tally.count(plan, false);
                return;
            }
            MigrationJournal.Intent intent = MigrationJournal.Intent.of(run, current.ref().href(), ResourcePlan.hash(plan.newBytes()));
            journal.intend(run, current.ref().href(), plan.meetings(), intent.newResourceHash(),
                    serverSends ? List.of() : plan.updates());
            WriteResult written = store.put(mailbox, current.ref(), plan.newBytes(), Optional.of(current.etag()));
            switch (written) {
                case WriteResult.Written w -> {
                    journal.complete(intent);
                    tally.count(plan, true);
                    tally.invites += plan.updates().size();
                    return;
                }
                case WriteResult.NotFound n -> {
                    // Deleted while we planned: nothing left to migrate.
                    journal.abandon(intent);
                    return;
                }
                case WriteResult.PreconditionFailed p -> {
                    journal.abandon(intent);
                    Optional<StoredResource> again = store.get(mailbox, current.ref());
                    if (again.isEmpty()) {
                        return;
                    }
                    if (attempt + 1 >= CONFLICT_RETRIES) {
                        tally.failed(current.ref().href(), "changed by someone else while being migrated, " + CONFLICT_RETRIES
                                + " times in a row; the next attempt will try again");
                        return;
                    }
                    current = again.get();
                }
            }
        }
    }

    /**
     * An earlier run that stopped between announcing a write and confirming it: if the calendar holds
     * the bytes it meant to write, the write happened and its message may go; otherwise it did not.
     */
    private void settleOpenIntents(Request request, Mailbox mailbox) {
        for (MigrationJournal.Intent intent : journal.openIntents(request.tenant().id(), request.user().id())) {
            Optional<StoredResource> stored = store.get(mailbox, new ResourceRef(intent.href()));
            if (stored.isPresent() && ResourcePlan.hash(stored.get().data()).equals(intent.newResourceHash())) {
                journal.complete(intent);
            } else {
                journal.abandon(intent);
            }
        }
    }

    /** Counts per meeting (UID), and the first failures for the message. */
    private static final class Tally {
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
                                failures.add("'" + c.summary() + "' (" + f.reason() + ": " + f.detail() + ")");
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
                failures.add(href + " (" + why + ")");
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
