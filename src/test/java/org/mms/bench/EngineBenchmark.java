package org.mms.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.parser.Parser;
import org.mms.ical.CalendarReader;
import org.mms.ical.Component;
import org.mms.ical.ComponentEditor;
import org.mms.ical.TextValue;
import org.mms.migration.ComponentPlan;
import org.mms.migration.MeetingPlan;
import org.mms.migration.Organizer;
import org.mms.migration.PlanMeeting;
import org.mms.migration.SelectionRules;
import org.mms.offline.MigrateIcsFile;
import org.mms.offline.Outbox;
import org.mms.offline.Progress;
import org.mms.offline.ReadProfile;
import org.mms.offline.RunReport;
import org.mms.offline.RunSummary;
import org.mms.sample.SampleCalendar;

/**
 * Figures for the engine, printed, never asserted (run by {@code bench/engine}):
 * <ul>
 *   <li>{@code throughput}: events/s on one thread for select + splice of generated invitations, per
 *       kind (migrated Teams and Skype meetings with HTML bodies, a series, meetings only selected and
 *       left alone) and for the realistic mix;</li>
 *   <li>{@code stream FILE}: migrates a calendar file with the offline tool's streaming pipeline and
 *       prints events/s and the peak heap, to show memory does not grow with the file.</li>
 * </ul>
 */
public final class EngineBenchmark {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final String PROFILE = """
            {"meetingType": "teams", "joinUrl": "https://teams.microsoft.com/l/meetup-join/19%3ameeting_{uidHash}%40thread.v2/0",
             "conferenceId": "582913407",
             "dialIn": [{"number": "+4969365301", "display": "+49 69 365301", "kind": "toll", "place": "Germany, Frankfurt"},
                        {"number": "+18005550199", "display": "+1 800-555-0199", "kind": "toll-free", "place": "United States"}],
             "localNumbersUrl": "https://dialin.teams.microsoft.com/x?id=582913407", "helpUrl": "https://aka.ms/JoinTeamsMeeting",
             "locale": "en-US"}""";

    private EngineBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length >= 2 && args[0].equals("stream")) {
            stream(Path.of(args[1]));
        } else {
            throughput(args.length >= 2 ? Double.parseDouble(args[1]) : 5.0);
        }
    }

    private static SelectionRules rules() {
        return SelectionRules.of(Organizer.of("alice@contoso.com"), NOW);
    }

    private static PlanMeeting planner() {
        return PlanMeeting.create(rules(), ReadProfile.from(PROFILE).target(), Map.of(), ZoneOffset.UTC);
    }

    private static void throughput(double seconds) throws IOException {
        System.out.printf(Locale.ROOT, "Engine throughput, one thread, %s, %d cores, java %s%n", os(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "%-34s %12s %10s %12s  %s%n", "meetings", "events/s", "KB/event", "MB/s", "outcome");
        PlanMeeting planner = planner();
        for (SampleCalendar.Kind kind : SampleCalendar.Kind.values()) {
            measure(kind.name().toLowerCase(Locale.ROOT), meetings(kind, 500), planner, seconds);
        }
        measure("teams, plain-text body only", withoutHtmlBodies(meetings(SampleCalendar.Kind.TEAMS, 500)), planner, seconds);
        measureJsoup(meetings(SampleCalendar.Kind.TEAMS, 500), seconds);
        measure("realistic mix", meetings(null, 2000), planner, seconds);
    }

    /** Generated meetings of one kind (or the realistic mix), each as its list of components. */
    private static List<List<byte[]>> meetings(SampleCalendar.Kind kind, int count) throws IOException {
        SampleCalendar sample = new SampleCalendar("alice@contoso.com", "Alice Smith", NOW, 99);
        List<List<byte[]>> meetings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes("BEGIN:VCALENDAR\r\n".getBytes(StandardCharsets.US_ASCII));
            sample.writeMeeting(out, kind == null ? sample.nextKind() : kind);
            out.writeBytes("END:VCALENDAR\r\n".getBytes(StandardCharsets.US_ASCII));
            List<byte[]> components = new ArrayList<>();
            CalendarReader reader = new CalendarReader(new ByteArrayInputStream(out.toByteArray()));
            for (CalendarReader.Item item = reader.next(); item != null; item = reader.next()) {
                if (item instanceof CalendarReader.TopComponent c) {
                    components.add(c.bytes());
                }
            }
            meetings.add(components);
        }
        return meetings;
    }

    private static void measure(String label, List<List<byte[]>> meetings, PlanMeeting planner, double seconds) {
        long bytes = 0;
        long events = 0;
        for (List<byte[]> m : meetings) {
            events += m.size();
            for (byte[] c : m) {
                bytes += c.length;
            }
        }
        String outcome = describe(planner.plan(meetings.getFirst()));
        run(meetings, planner, seconds / 2);
        long started = System.nanoTime();
        long rounds = 0;
        long sink = 0;
        while (System.nanoTime() - started < seconds * 1e9) {
            sink += run(meetings, planner, 0);
            rounds++;
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        double eventsPerSecond = rounds * events / elapsed;
        System.out.printf(Locale.ROOT, "%-34s %,12.0f %10.1f %12.1f  %s%s%n", label, eventsPerSecond, bytes / 1024.0 / events,
                rounds * bytes / elapsed / 1e6, outcome, sink == 42 ? " " : "");
    }

    /** The same meetings without their X-ALT-DESC: what the splice costs when no HTML has to be parsed. */
    private static List<List<byte[]>> withoutHtmlBodies(List<List<byte[]>> meetings) {
        List<List<byte[]>> plain = new ArrayList<>();
        for (List<byte[]> m : meetings) {
            List<byte[]> components = new ArrayList<>();
            for (byte[] c : m) {
                Component event = Component.parse(c);
                ComponentEditor editor = new ComponentEditor(event);
                event.all("X-ALT-DESC").forEach(editor::deleteLine);
                components.add(editor.apply());
            }
            plain.add(components);
        }
        return plain;
    }

    /** The floor for HTML invitations: one jsoup parse (with positions) of each body; the engine needs two. */
    private static void measureJsoup(List<List<byte[]>> meetings, double seconds) {
        List<String> bodies = new ArrayList<>();
        for (List<byte[]> m : meetings) {
            Component event = Component.parse(m.getFirst());
            event.all("X-ALT-DESC").forEach(l -> bodies.add(TextValue.of(l, l.property().valueOffset()).text()));
        }
        long chars = bodies.stream().mapToLong(String::length).sum();
        long started = System.nanoTime();
        long rounds = 0;
        long sink = 0;
        while (System.nanoTime() - started < seconds * 1e9) {
            for (String html : bodies) {
                sink += Parser.htmlParser().setTrackPosition(true).parseInput(html, "").childNodeSize();
            }
            rounds++;
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "%-34s %,12.0f %10.1f %12s  %s%n", "jsoup parse of the HTML body alone",
                rounds * bodies.size() / elapsed, chars / 1024.0 / bodies.size(), "", "parses/s" + (sink == 42 ? " " : ""));
    }

    /** Plans every meeting once (or for {@code seconds}, to warm up); returns something the JIT cannot drop. */
    private static long run(List<List<byte[]>> meetings, PlanMeeting planner, double seconds) {
        long started = System.nanoTime();
        long sink = 0;
        do {
            for (List<byte[]> m : meetings) {
                sink += planner.plan(m).components().getFirst().result().length;
            }
        } while (System.nanoTime() - started < seconds * 1e9);
        return sink;
    }

    private static String describe(MeetingPlan plan) {
        StringBuilder sb = new StringBuilder();
        for (ComponentPlan c : plan.components()) {
            sb.append(sb.isEmpty() ? "" : ", ").append(c.outcome().getClass().getSimpleName().toLowerCase(Locale.ROOT));
        }
        return sb.toString();
    }

    private static void stream(Path file) throws IOException {
        ReadProfile.Profile profile = ReadProfile.from(PROFILE);
        Path out = file.resolveSibling(file.getFileName() + ".migrated.ics");
        long[] counts = new long[2];
        RunReport counting = new RunReport() {
            @Override
            public void component(ComponentPlan plan) {
                counts[plan.migrated() ? 0 : 1]++;
            }

            @Override
            public void note(String note) {
            }

            @Override
            public void finish(RunSummary summary) {
            }
        };
        MigrateIcsFile run = new MigrateIcsFile(tz -> PlanMeeting.create(rules(), profile.target(), tz, ZoneOffset.UTC)::plan,
                counting, Outbox.none(), Progress.every2Seconds(System.err));
        resetPeaks();
        long cpuBefore = cpuNanos();
        RunSummary summary = run.run(new MigrateIcsFile.Settings(file, new MigrateIcsFile.Destination.ToFile(out), false, true));
        double seconds = summary.elapsedNanos() / 1e9;
        System.out.printf(Locale.ROOT, "Streaming migration of %s (%,d bytes), java %s, -Xmx %,d MB%n", file.getFileName(),
                Files.size(file), System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf(Locale.ROOT, "events %,d: %,d migrated, %,d left alone; %,d meetings changed%n", summary.events(),
                counts[0], counts[1], summary.meetingsChanged());
        System.out.printf(Locale.ROOT, "wall %.1f s for every pass (check, then write), %,.0f events/s, CPU %.1f s%n",
                seconds, summary.events() / seconds, (cpuNanos() - cpuBefore) / 1e9);
        System.out.printf(Locale.ROOT, "peak heap used %,d MB (sum of the heap pools' peaks, an upper bound); GC: %s%n",
                peakHeap() >> 20, gcs());
        Files.deleteIfExists(out);
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static String gcs() {
        StringBuilder sb = new StringBuilder();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            sb.append(sb.isEmpty() ? "" : ", ").append(gc.getName()).append(' ').append(gc.getCollectionCount())
                    .append(" collections ").append(gc.getCollectionTime()).append(" ms");
        }
        return sb.toString();
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String os() {
        return System.getProperty("os.name") + " " + System.getProperty("os.arch");
    }
}
