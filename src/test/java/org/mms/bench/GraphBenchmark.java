package org.mms.bench;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.mms.admin.Admin;
import org.mms.admin.Requests;
import org.mms.admin.Views;
import org.mms.calendar.graph.GraphSettings;
import org.mms.calendar.graph.OutlookMeetings;
import org.mms.calendar.graph.emulator.GraphEmulator;
import org.mms.calendar.graph.emulator.RecordedRequest;
import org.mms.config.ServiceConfig;
import org.mms.sample.SampleOrganization;
import org.mms.secret.Secret;
import org.mms.service.MmsService;

/**
 * Figures for the Graph store, printed, never asserted (run by {@code bench/graph}): {@code MAILBOXES} organizers with
 * about {@code MEETINGS} meetings each (the sample organization's calendars: Skype and Teams invitations with HTML
 * bodies, weekly series with changed occurrences, and meetings a migration leaves alone) in the Graph emulator, which
 * holds every request {@code LATENCY_MS} and allows Graph's 4 requests in flight per mailbox. The service, with
 * {@code Set-CsCalendarStore -Kind Graph} on the emulator and {@code WORKERS} worker threads, migrates every organizer
 * after a conference-ID reset: the whole path of a real run (queue, journal, engine, msal4j tokens, the store's
 * requests, limits and retries), with Graph's latency and limits standing in for Exchange's.
 *
 * <p>It prints migrated meetings/s, requests/s, the most requests in flight per mailbox and overall, the heap after
 * each collection and the peak RSS, the CPU by thread, and the rate Graph's limits allow ({@link AllowedRate}). The
 * emulator runs in this process: its CPU and memory are in the figures.
 */
public final class GraphBenchmark {

    private static final Duration POLL = Duration.ofMillis(100);
    static final Duration PROGRESS = Duration.ofSeconds(5);

    private GraphBenchmark() {
    }

    /** {@code GraphBenchmark [MAILBOXES] [MEETINGS] [LATENCY_MS] [WORKERS] [WARM_UP_MAILBOXES]}. */
    public static void main(String[] args) throws Exception {
        int mailboxes = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int meetings = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        Duration latency = Duration.ofMillis(args.length > 2 ? Long.parseLong(args[2]) : 100);
        int workers = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        int warmUp = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        if (warmUp > 0) {
            warmUp(warmUp, meetings, workers);
        }
        measure(mailboxes, meetings, latency, workers);
    }

    /**
     * A service runs for weeks; the JIT compiles its hot paths once, in its first minute. A run that starts with a cold
     * JVM spends its first seconds compiling (the compiler threads took a third of the CPU of a cold 60 s run) and
     * measures that start as much as the migration. To measure a warm service, the same code first migrates
     * {@code mailboxes} other mailboxes, in another emulator and another data directory with no latency, and what
     * that run prints is dropped.
     */
    private static void warmUp(int mailboxes, int meetings, int workers) throws Exception {
        long start = System.nanoTime();
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8));
        try {
            measure(mailboxes, meetings, Duration.ZERO, workers);
        } finally {
            System.setOut(out);
        }
        System.out.printf(Locale.ROOT, "warmed the JVM up by migrating %d other mailboxes first (no latency, %.1f s; its figures are "
                + "not counted)%n", mailboxes, (System.nanoTime() - start) / 1e9);
    }

    private static void measure(int mailboxes, int meetings, Duration latency, int workers) throws Exception {
        Path data = Files.createTempDirectory("mms-graph-bench-");
        try (GraphEmulator graph = GraphEmulator.builder().https().start()) {
            // msal4j takes only https authorities: the service trusts the emulator's certificate for the run.
            SSLContext.setDefault(graph.sslContext().orElseThrow());
            run(graph, data, mailboxes, meetings, latency, workers);
        } finally {
            try (Stream<Path> paths = Files.walk(data)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void run(GraphEmulator graph, Path data, int mailboxes, int meetings, Duration latency, int workers) throws Exception {
        SampleOrganization org = new SampleOrganization(mailboxes);
        ServiceConfig config = ServiceConfig.defaults(data).withHttp(new ServiceConfig.Http("127.0.0.1", 0))
                .withWorkers(new ServiceConfig.Workers(workers, POLL, Duration.ofMinutes(5)));
        System.out.printf(Locale.ROOT, "Graph benchmark: %d mailboxes x %d meetings, %d ms per request, %d in flight per mailbox, "
                + "%d worker threads; %d cores, java %s%n", mailboxes, meetings, latency.toMillis(), GraphEmulator.MAILBOX_CONCURRENCY,
                workers, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        try (MmsService service = MmsService.start(config, Clock.systemUTC())) {
            Admin admin = service.admin();
            admin.importDirectory(MmsService.FIRST_TENANT, org.directoryJson());
            admin.setMigrationConfiguration(MmsService.FIRST_TENANT, new Requests.MigrationConfigurationChange(Optional.empty(),
                    Optional.of(0L), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
            org.organizers().forEach(o -> graph.addMailbox(o.upn()));
            admin.setCalendarStore(MmsService.FIRST_TENANT, new Requests.CalendarStoreChange(Optional.of("Graph"), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false,
                    new Requests.GraphChange(Optional.of(graph.tenantId()), Optional.of(graph.clientId()),
                            Optional.of(new Secret(graph.clientSecret())), Optional.empty(), Optional.empty(),
                            Optional.of(graph.graphUrl().toString()), Optional.of(graph.authorityUrl().toString()), Optional.empty(),
                            Optional.empty())));
            int stored = fill(graph, org, meetings);

            graph.latency(latency);
            int requestsBefore = graph.requests().size();
            int notificationsBefore = graph.notifications().size();
            BenchSetup.Embedded process = new BenchSetup.Embedded(data, workers);
            BenchSetup.Cpu cpuBefore = process.cpu();
            ThreadCpu threadsBefore = ThreadCpu.now();
            List<Views.MigrationStatus> all;
            Instant changedAt = Instant.now();
            try (WatchHeap heap = new WatchHeap()) {
                heap.sampleHeld();
                int queued = 0;
                for (SampleOrganization.Organizer o : org.organizers()) {
                    queued += queued(change(admin, o));
                }
                System.out.printf(Locale.ROOT, "  %d changes made in %.1f s, %,d requests sent by then%n", org.organizers().size(),
                        Duration.between(changedAt, Instant.now()).toMillis() / 1000.0, graph.requests().size() - requestsBefore);
                all = waitUntilEnded(admin, queued, graph, heap);
                double seconds = all.stream().mapToDouble(s -> Duration.between(changedAt, s.ModifiedDate()).toMillis() / 1000.0).max()
                        .orElse(0);
                heap.sampleHeld();
                BenchSetup.Cpu cpu = process.cpu().minus(cpuBefore);
                ThreadCpu threads = ThreadCpu.now();
                List<RecordedRequest> requests = graph.requests().subList(requestsBefore, graph.requests().size());
                int updates = graph.notifications().size() - notificationsBefore;
                report(new Figures(all, seconds, requests, updates, stored), latency, workers, mailboxes, graph, org);
                System.out.printf(Locale.ROOT, "  CPU %s s (%.1f cores busy on average); peak RSS %,d MB (this process: MMS, H2 and the "
                        + "emulator, %d MB of heap at most)%n", cpu.describe(), cpu.total() / seconds, process.peakRssKb() / 1024,
                        Runtime.getRuntime().maxMemory() / (1024 * 1024));
                System.out.println("  " + heap.describe());
                System.out.print("  CPU by thread:\n" + threads.describeSince(threadsBefore));
            }
        }
    }

    /** What one run measured. */
    private record Figures(List<Views.MigrationStatus> migrations, double seconds, List<RecordedRequest> requests, int updates,
            int stored) {
        int succeeded() {
            return migrations.stream().mapToInt(Views.MigrationStatus::SucceededMeeting).sum();
        }

        int failed() {
            return migrations.stream().mapToInt(Views.MigrationStatus::FailedMeeting).sum();
        }
    }

    private static void report(Figures f, Duration latency, int workers, int mailboxes, GraphEmulator graph, SampleOrganization org) {
        int perMailboxPeak = org.organizers().stream().mapToInt(o -> graph.maxInFlightSeen(o.upn())).max().orElse(0);
        double requestsPerMeeting = (double) f.requests().size() / f.updates();
        AllowedRate allowed = new AllowedRate(latency.toMillis(), GraphEmulator.MAILBOX_CONCURRENCY, GraphSettings.PROCESS_IN_FLIGHT,
                workers, mailboxes);
        double requestRate = f.requests().size() / f.seconds();
        double meetingRate = f.updates() / f.seconds();
        long throttled = f.requests().stream().filter(r -> r.status() == 429).count();
        System.out.printf(Locale.ROOT, "%d migrations (%d failed) in %.1f s from the first change to the last migration's end%n",
                f.migrations().size(), f.migrations().stream().filter(s -> !s.State().equals("Succeeded")).count(), f.seconds());
        System.out.printf(Locale.ROOT, "  %,d events stored; %,d meetings brought up to date (%d failed); %,d events updated "
                + "(Exchange's update notifications: one per series master or exception, one per single meeting)%n", f.stored(),
                f.succeeded(), f.failed(), f.updates());
        System.out.printf(Locale.ROOT, "  %,.0f events updated/s, %,.0f requests/s (%,d requests, %.2f per updated event: %s; %d answered 429)%n",
                meetingRate, requestRate, f.requests().size(), requestsPerMeeting, byKind(f.requests()), throttled);
        System.out.printf(Locale.ROOT, "  in flight: at most %d per mailbox, %d overall; on average %.1f overall (requests/s x %d ms)%n",
                perMailboxPeak, graph.maxInFlightSeenOverall(), requestRate * latency.toMillis() / 1000.0, latency.toMillis());
        System.out.print("  the rate the limits allow:\n" + allowed.describe(requestsPerMeeting));
        System.out.printf(Locale.ROOT, "  measured: %.0f %% of the allowed rate%n", 100 * requestRate / allowed.requestsPerSecond());
    }

    /** How many requests of each kind: the calendar view's pages, events read, series instances read, events patched. */
    private static String byKind(List<RecordedRequest> requests) {
        Map<String, Integer> kinds = new TreeMap<>();
        for (RecordedRequest r : requests) {
            String path = r.path();
            String kind = path.endsWith("/calendarView") ? "calendarView pages" : path.endsWith("/instances") ? "instances reads"
                    : r.method().equals("PATCH") ? "PATCHes" : r.method().equals("GET") && path.contains("/events/") ? "event reads"
                    : r.method() + " " + path.replaceAll("/users/[^/]+", "/users/…");
            kinds.merge(kind, 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        kinds.forEach((kind, n) -> parts.add(String.format(Locale.ROOT, "%,d %s", n, kind)));
        return String.join(", ", parts);
    }

    /** Each organizer's calendar put into their mailbox as Outlook would have left it; the meetings stored. */
    private static int fill(GraphEmulator graph, SampleOrganization org, int meetings) {
        long start = System.nanoTime();
        Instant now = Instant.now();
        int stored = 0;
        int refused = 0;
        for (int i = 0; i < org.organizers().size(); i++) {
            SampleOrganization.Organizer o = org.organizers().get(i);
            OutlookMeetings.Stored s = OutlookMeetings.store(graph, o.upn(), org.calendar(o, now, meetings, 5000 + i));
            stored += s.meetings();
            refused += s.refused();
        }
        System.out.printf(Locale.ROOT, "filled %d mailboxes with %,d meetings (%d the sample has that Graph cannot hold left out) in %.1f s%n",
                org.organizers().size(), stored, refused, (System.nanoTime() - start) / 1e9);
        return stored;
    }

    /**
     * What makes an organizer's meetings out of date: a Skype for Business user moved online (their Skype meetings become
     * Teams meetings), a Teams user's conference ID reset (their Teams meetings get the new ID).
     */
    private static Views.ChangeResult change(Admin admin, SampleOrganization.Organizer o) {
        return o.onPremises() ? admin.moveUser(MmsService.FIRST_TENANT, o.upn(), Requests.MoveTarget.toOnline())
                : admin.setDialInConferencingUser(MmsService.FIRST_TENANT, o.upn(), new Requests.DialInUserChange(Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty(), true));
    }

    /** How many migrations a change queued. */
    private static int queued(Views.ChangeResult change) {
        return (int) change.Decisions().stream().map(Views.TriggerDecision::CorrelationId).filter(java.util.Objects::nonNull).distinct().count();
    }

    /**
     * Once there are {@code expected} migrations and all of them have ended. Every {@link #PROGRESS} it prints how many
     * requests were answered in that window and how many were in flight at the emulator on average (sampled every 20
     * ms), so a run shows where it fell short of the allowed rate: at its start, in its middle or at its end.
     */
    private static List<Views.MigrationStatus> waitUntilEnded(Admin admin, int expected, GraphEmulator graph, WatchHeap heap)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofHours(1));
        Instant nextProgress = Instant.now().plus(PROGRESS);
        long[] inFlightSum = new long[2];
        Thread sampler = Thread.ofPlatform().daemon().name("in-flight-sampler").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                synchronized (inFlightSum) {
                    inFlightSum[0] += graph.inFlightOverall();
                    inFlightSum[1]++;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        int requestsBefore = graph.requests().size();
        try {
            return poll(admin, expected, graph, heap, deadline, nextProgress, inFlightSum, requestsBefore);
        } finally {
            sampler.interrupt();
        }
    }

    private static List<Views.MigrationStatus> poll(Admin admin, int expected, GraphEmulator graph, WatchHeap heap, Instant deadline,
            Instant nextProgress, long[] inFlightSum, int requestsBefore) throws InterruptedException {
        int windowStart = requestsBefore;
        while (true) {
            List<Views.MigrationStatus> rows = admin.migrationStatus(MmsService.FIRST_TENANT, Requests.StatusQuery.all());
            if (rows.size() >= expected && rows.stream().allMatch(r -> r.State().equals("Succeeded") || r.State().equals("Failed"))) {
                return rows;
            }
            if (Instant.now().isAfter(nextProgress)) {
                nextProgress = nextProgress.plus(PROGRESS);
                heap.sampleHeld();
                List<RecordedRequest> requests = graph.requests();
                double meanInFlight;
                synchronized (inFlightSum) {
                    meanInFlight = inFlightSum[1] == 0 ? 0 : (double) inFlightSum[0] / inFlightSum[1];
                    inFlightSum[0] = 0;
                    inFlightSum[1] = 0;
                }
                System.out.printf(Locale.ROOT, "  … %d of %d migrations ended, %,d requests so far (%,d in these %d s, %.1f in flight on "
                        + "average), the last: %s%n",
                        rows.stream().filter(r -> r.State().equals("Succeeded") || r.State().equals("Failed")).count(), expected,
                        requests.size(), requests.size() - windowStart, PROGRESS.toSeconds(), meanInFlight,
                        requests.subList(Math.max(0, requests.size() - 3), requests.size()).stream()
                                .map(r -> r.method() + " " + r.path() + " " + r.status()).toList());
                windowStart = requests.size();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("not done after an hour: " + rows.size() + " of " + expected + " migrations there");
            }
            Thread.sleep(POLL.toMillis());
        }
    }
}
