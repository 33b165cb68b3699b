package org.mms.offline;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.mms.ical.CalendarReader;
import org.mms.migration.ComponentPlan;
import org.mms.migration.MeetingPlan;
import org.mms.migration.Outcome;

/**
 * The offline migration of one calendar file, streamed so that a file of a million events needs no
 * more memory than one meeting (plus a 64-bit hash per meeting): check the whole file, plan split
 * meetings ahead if there are any, then write every item, migrated meetings with their new bytes and
 * everything else exactly as it was. Output and update messages appear only when the run succeeds:
 * the calendar is written to a temporary file and moved into place at the end, the messages are
 * staged and moved likewise.
 */
public final class MigrateIcsFile {

    /** Where the migrated calendar goes. */
    public sealed interface Destination {
        /** A file, replaced atomically when the run succeeds. */
        record ToFile(Path path) implements Destination {
        }

        /** A stream (standard output), written only when the run succeeds. */
        record ToStream(OutputStream stream) implements Destination {
        }
    }

    /**
     * What to do: read {@code input}; write to {@code output} unless {@code dryRun}; when some
     * meeting fails, write nothing unless {@code writeDespiteFailures} (failed meetings then stay as
     * they were).
     */
    public record Settings(Path input, Destination output, boolean dryRun, boolean writeDespiteFailures) {
    }

    /** Plans one meeting from its components' raw bytes. */
    public interface Planner {
        MeetingPlan plan(List<byte[]> components);
    }

    /** Builds the planner once the file's time zone definitions are known. */
    public interface PlannerFactory {
        Planner create(Map<String, byte[]> timezoneDefinitions);
    }

    private final PlannerFactory plannerFactory;
    private final RunReport report;
    private final Outbox outbox;
    private final Progress progress;

    public MigrateIcsFile(PlannerFactory plannerFactory, RunReport report, Outbox outbox, Progress progress) {
        this.plannerFactory = plannerFactory;
        this.report = report;
        this.outbox = outbox;
        this.progress = progress;
    }

    public RunSummary run(Settings settings) throws IOException {
        long started = System.nanoTime();
        CalendarScan scan = CalendarScan.of(settings.input(), progress);
        Planner planner = plannerFactory.create(scan.timezones);
        Map<String, MeetingPlan> splitPlans = scan.split.isEmpty() ? Map.of() : planSplitMeetings(settings.input(), scan, planner);

        Path temp = null;
        Tally tally = new Tally();
        boolean written = false;
        try {
            OutputStream sink = OutputStream.nullOutputStream();
            if (!settings.dryRun()) {
                Path dir = settings.output() instanceof Destination.ToFile(Path path)
                        ? path.toAbsolutePath().getParent() : null;
                temp = dir == null ? Files.createTempFile("mms-", ".ics.partial")
                        : Files.createTempFile(dir, ".mms-", ".ics.partial");
                sink = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16);
            }
            try (OutputStream out = sink; InputStream in = Files.newInputStream(settings.input())) {
                new Writer(planner, scan, splitPlans, out, tally).copy(new CalendarReader(in));
            }
            boolean failures = tally.failed > 0;
            if (!settings.dryRun() && (!failures || settings.writeDespiteFailures())) {
                switch (settings.output()) {
                    case Destination.ToFile(Path path) -> {
                        keepPermissions(settings.input(), temp);
                        Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    }
                    case Destination.ToStream(OutputStream stream) -> {
                        Files.copy(temp, stream);
                        stream.flush();
                    }
                }
                outbox.commit();
                written = true;
            }
        } finally {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
            if (!written) {
                outbox.discard();
            }
        }
        outbox.notes().forEach(report::note);
        RunSummary summary = new RunSummary(settings, scan.events, tally.byOutcome, tally.meetingsChanged,
                written ? outbox.count() : 0, tally.failed, written, System.nanoTime() - started);
        report.finish(summary);
        return summary;
    }

    /** The migrated calendar is readable by whoever could read the original (temporary files are private). */
    private static void keepPermissions(Path from, Path to) throws IOException {
        if (Files.getFileStore(to).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
        }
    }

    /** Second pass, only for split meetings: gathers all their components and plans each meeting whole. */
    private Map<String, MeetingPlan> planSplitMeetings(Path input, CalendarScan scan, Planner planner) throws IOException {
        Map<String, List<byte[]>> components = new HashMap<>();
        try (InputStream in = Files.newInputStream(input)) {
            CalendarReader reader = new CalendarReader(in);
            for (CalendarReader.Item item = reader.next(); item != null; item = reader.next()) {
                if (item instanceof CalendarReader.TopComponent c && c.name().equals("VEVENT")) {
                    String uid = CalendarScan.uidOf(c.bytes());
                    if (!uid.isEmpty() && scan.split.contains(UidHashSet.hash(uid))) {
                        components.computeIfAbsent(uid, k -> new ArrayList<>()).add(c.bytes());
                    }
                }
            }
        }
        Map<String, MeetingPlan> plans = new HashMap<>();
        components.forEach((uid, list) -> plans.put(uid, planner.plan(list)));
        return plans;
    }

    /** Counts for the summary. */
    private static final class Tally {
        final Map<String, Long> byOutcome = new TreeMap<>();
        long failed;
        long meetingsChanged;
    }

    /** The writing pass: groups adjacent components of one meeting, plans, writes, reports. */
    private final class Writer {
        private final Planner planner;
        private final CalendarScan scan;
        private final Map<String, MeetingPlan> splitPlans;
        private final Map<String, Integer> splitCursor = new HashMap<>();
        private final Set<String> splitAnnounced = new HashSet<>();
        private final OutputStream out;
        private final Tally tally;
        private final List<byte[]> group = new ArrayList<>();
        private String groupUid;
        private long done;

        Writer(Planner planner, CalendarScan scan, Map<String, MeetingPlan> splitPlans, OutputStream out, Tally tally) {
            this.planner = planner;
            this.scan = scan;
            this.splitPlans = splitPlans;
            this.out = out;
            this.tally = tally;
        }

        void copy(CalendarReader reader) throws IOException {
            for (CalendarReader.Item item = reader.next(); item != null; item = reader.next()) {
                if (item instanceof CalendarReader.TopComponent c && c.name().equals("VEVENT")) {
                    String uid = CalendarScan.uidOf(c.bytes());
                    // Events without a UID share nothing with their neighbours: each is a meeting of its own.
                    if (!group.isEmpty() && (uid.isEmpty() || !uid.equals(groupUid))) {
                        flush();
                    }
                    groupUid = uid;
                    group.add(c.bytes());
                } else {
                    flush();
                    out.write(item.bytes());
                }
            }
            flush();
        }

        private void flush() throws IOException {
            if (group.isEmpty()) {
                return;
            }
            List<ComponentPlan> components;
            MeetingPlan whole = splitPlans.get(groupUid);
            if (whole != null) {
                int from = splitCursor.getOrDefault(groupUid, 0);
                components = whole.components().subList(from, from + group.size());
                splitCursor.put(groupUid, from + group.size());
                if (whole.changed() && splitAnnounced.add(groupUid)) {
                    announce(whole);
                }
            } else {
                MeetingPlan plan = planner.plan(List.copyOf(group));
                components = plan.components();
                if (plan.changed()) {
                    announce(plan);
                }
            }
            for (ComponentPlan c : components) {
                out.write(c.result());
                report.component(c);
                tally.byOutcome.merge(RunSummary.key(c.outcome()), 1L, Long::sum);
                if (c.outcome() instanceof Outcome.Failed) {
                    tally.failed++;
                }
            }
            done += group.size();
            progress.update("migrating", done, scan.events, "events");
            group.clear();
            groupUid = null;
        }

        private void announce(MeetingPlan plan) throws IOException {
            tally.meetingsChanged++;
            outbox.add(plan, scan.calendarProperties, scan.timezones);
        }
    }
}
