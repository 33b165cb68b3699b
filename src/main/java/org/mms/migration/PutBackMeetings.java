package org.mms.migration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mms.calendar.CalendarStore;
import org.mms.calendar.Mailbox;
import org.mms.calendar.ResourceRef;
import org.mms.calendar.StoredResource;
import org.mms.calendar.WriteResult;
import org.mms.checkpoint.Checkpoint;
import org.mms.ical.IcalFormatException;
import org.mms.itip.ItipRequest;

/**
 * Runs an undo ({@code Undo-CsMeetingMigration}): every meeting the undone migrations wrote is put back as it was
 * before them ({@link PlanUndo}), only where it still holds what they wrote; one changed since is left alone and
 * journaled {@link SkipReason#CHANGED_SINCE}. Each write goes as a migration's does: intent and update journaled, the
 * write with its version check, then confirmed, so a crash anywhere neither loses nor doubles an update. A meeting
 * this undo already put back (an earlier attempt) counts as done.
 */
final class PutBackMeetings {

    private static final int MAX_FAILURES_IN_MESSAGE = 3;

    private final CalendarStore store;
    private final MigrationJournal journal;
    private final Checkpoint checkpoint;

    PutBackMeetings(CalendarStore store, MigrationJournal journal, Checkpoint checkpoint) {
        this.store = store;
        this.journal = journal;
        this.checkpoint = checkpoint;
    }

    MigrateOrganizer.Result run(MigrateOrganizer.Request request, Mailbox mailbox, Instant now, MigrateOrganizer.Heartbeat heartbeat) {
        MigrationJournal.Run run = new MigrationJournal.Run(request.tenant().id(), request.user().id(), request.correlationId(), now);
        Set<String> doneBefore = new HashSet<>();
        journal.writtenBy(run.tenant(), run.user(), List.of(run.correlationId())).forEach(w -> doneBefore.add(w.href()));
        boolean serverSends = store.schedulesForAttendees(mailbox);
        Tally tally = new Tally();
        for (MigrationJournal.WrittenResource written : journal.writtenBy(run.tenant(), run.user(), request.undoes())) {
            int meetings = (int) written.components().stream().map(MigrationJournal.WrittenComponent::uid).distinct().count();
            if (doneBefore.contains(written.href())) {
                tally.total += meetings;
                tally.succeeded += meetings;
                continue;
            }
            heartbeat.beat(tally.result());
            putBack(run, mailbox, written, meetings, serverSends, tally);
        }
        return tally.result();
    }

    private void putBack(MigrationJournal.Run run, Mailbox mailbox, MigrationJournal.WrittenResource written, int meetings,
            boolean serverSends, Tally tally) {
        ResourceRef ref = new ResourceRef(written.href());
        Optional<StoredResource> current = store.get(mailbox, ref);
        if (current.isEmpty()) {
            skip(run, written, "deleted since the migration wrote it", tally, meetings);
            return;
        }
        if (!stillAsWritten(store, mailbox, written, current.get())) {
            skip(run, written, "changed since the migration wrote it; left as it is", tally, meetings);
            return;
        }
        ResourcePlan plan;
        try {
            plan = PlanUndo.of(written.previousBytes(), current.get().data(), written.components(), run.now());
        } catch (IcalFormatException | IllegalArgumentException e) {
            fail(run, written, "cannot be put back: " + e.getMessage(), tally, meetings);
            return;
        }
        String hash = ResourcePlan.hash(plan.newBytes());
        MigrationJournal.Intent intent = MigrationJournal.Intent.of(run, written.href(), hash, Optional.of(current.get().etag()));
        List<ItipRequest> updates = serverSends ? List.of() : plan.updates();
        journal.intend(run, written.href(), plan.meetings(), hash, intent.baseEtag(), updates, current.get().data());
        checkpoint.reached(Checkpoint.CHUNK_JOURNALED);
        WriteResult result = store.put(mailbox, ref, plan.newBytes(), Optional.of(current.get().etag()));
        checkpoint.reached(Checkpoint.CHUNK_WRITTEN);
        switch (result) {
            case WriteResult.Written w -> {
                journal.complete(intent, w.etag());
                tally.total += meetings;
                tally.succeeded += meetings;
                tally.invites += plan.updates().size();
            }
            case WriteResult.PreconditionFailed f -> {
                journal.abandon(intent);
                skip(run, written, "changed while it was being put back; left as it is", tally, meetings);
            }
            case WriteResult.NotFound n -> {
                journal.abandon(intent);
                skip(run, written, "deleted while it was being put back", tally, meetings);
            }
            case WriteResult.Refused r -> {
                journal.abandon(intent);
                fail(run, written, "the calendar store refused it: " + r.reason(), tally, meetings);
            }
        }
    }

    /** Whether the stored meeting still holds what the migration wrote: only then is it put back. */
    static boolean stillAsWritten(CalendarStore store, Mailbox mailbox, MigrationJournal.WrittenResource written, StoredResource current) {
        // A store that keeps the bytes it was given shows them; a CalDAV server keeps its own rendering, whose ETag says it.
        return written.lastEtag().filter(current.etag()::equals).isPresent()
                || store.holds(mailbox, new ResourceRef(written.href()), written.lastHash());
    }

    private void skip(MigrationJournal.Run run, MigrationJournal.WrittenResource written, String why, Tally tally, int meetings) {
        journal.record(run, written.href(), plans(written, new Outcome.Skipped(SkipReason.CHANGED_SINCE, why)));
        tally.changedSince += meetings;
    }

    private void fail(MigrationJournal.Run run, MigrationJournal.WrittenResource written, String why, Tally tally, int meetings) {
        journal.record(run, written.href(), plans(written, new Outcome.Failed(FailReason.STORE_REFUSED, why)));
        tally.total += meetings;
        tally.failed += meetings;
        if (tally.failures.size() < MAX_FAILURES_IN_MESSAGE) {
            tally.failures.add(OneLine.of(written.href(), 200) + " (" + OneLine.of(why) + ")");
        }
    }

    /** One decision per migrated component, grouped by meeting. */
    private static List<MeetingPlan> plans(MigrationJournal.WrittenResource written, Outcome outcome) {
        List<MeetingPlan> meetings = new ArrayList<>();
        for (MigrationJournal.WrittenComponent c : written.components()) {
            ComponentPlan plan = new ComponentPlan(c.uid(), c.recurrenceId(), c.summary(), c.start(), new byte[0], outcome);
            if (!meetings.isEmpty() && meetings.getLast().uid().equals(c.uid())) {
                List<ComponentPlan> all = new ArrayList<>(meetings.getLast().components());
                all.add(plan);
                meetings.set(meetings.size() - 1, new MeetingPlan(c.uid(), all));
            } else {
                meetings.add(new MeetingPlan(c.uid(), List.of(plan)));
            }
        }
        return meetings;
    }

    private static final class Tally {
        int total;
        int succeeded;
        int failed;
        int invites;
        int changedSince;
        final List<String> failures = new ArrayList<>();

        MigrateOrganizer.Result result() {
            List<String> notes = new ArrayList<>();
            if (changedSince > 0) {
                notes.add(changedSince + " meeting" + (changedSince == 1 ? " was" : "s were")
                        + " changed since the migration and left as " + (changedSince == 1 ? "it is" : "they are")
                        + " (see Get-CsMeetingMigrationDetail)");
            }
            if (failed > 0) {
                notes.add(failed + " meeting" + (failed == 1 ? "" : "s") + " could not be put back: " + String.join("; ", failures)
                        + (failed > failures.size() ? "; …" : ""));
            }
            return new MigrateOrganizer.Result(total, succeeded, failed, invites, String.join(". ", notes));
        }
    }
}
