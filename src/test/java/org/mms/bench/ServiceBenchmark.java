package org.mms.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.mms.admin.Requests;
import org.mms.admin.Views;
import org.mms.config.ServiceConfig;
import org.mms.sample.SampleOrganization;
import org.mms.service.MmsService;

/**
 * Figures for the service on the embedded default, printed, never asserted (run by {@code bench/service}):
 * the time from a change (settle window 0) to the last update message for one organizer with
 * {@code MEETINGS} meetings, and migrated meetings per second for {@code ORGANIZERS × MEETINGS} after
 * one bulk change (a number taken off the bridge every organizer shows).
 */
public final class ServiceBenchmark {

    private ServiceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int organizers = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int meetings = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int workers = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Path data = Files.createTempDirectory("mms-bench-");
        try {
            run(data, organizers, meetings, workers);
        } finally {
            try (Stream<Path> paths = Files.walk(data)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void run(Path data, int organizers, int meetings, int workers) throws Exception {
        ServiceConfig defaults = ServiceConfig.defaults(data);
        ServiceConfig config = defaults.withHttp(new ServiceConfig.Http("127.0.0.1", 0))
                .withWorkers(new ServiceConfig.Workers(workers, Duration.ofMillis(20), Duration.ofMinutes(5)));
        SampleOrganization org = new SampleOrganization(organizers);
        Instant now = Instant.now();
        System.out.printf(Locale.ROOT, "Service benchmark: embedded H2, %d workers, %d cores, java %s%n", workers,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        try (MmsService service = MmsService.start(config, Clock.systemUTC())) {
            var admin = service.admin();
            admin.importDirectory(MmsService.FIRST_TENANT, org.directoryJson());
            admin.setMigrationConfiguration(MmsService.FIRST_TENANT, new Requests.MigrationConfigurationChange(Optional.empty(),
                    Optional.of(0L), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty()));
            long importStart = System.nanoTime();
            int stored = 0;
            for (int i = 0; i < organizers; i++) {
                SampleOrganization.Organizer o = org.organizers().get(i);
                stored += admin.importCalendar(MmsService.FIRST_TENANT, o.upn(), org.calendar(o, now, meetings, 5000 + i)).Created();
            }
            System.out.printf(Locale.ROOT, "imported %,d meetings of %d organizers in %.1f s%n", stored, organizers,
                    (System.nanoTime() - importStart) / 1e9);

            // One organizer whose conference ID is reset: change to last message.
            SampleOrganization.Organizer one = org.organizers().get(organizers - 1);
            long before = sentMessages(service);
            long t0 = System.nanoTime();
            admin.setDialInConferencingUser(MmsService.FIRST_TENANT, one.upn(), new Requests.DialInUserChange(Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), true));
            Views.MigrationStatus single = waitUntilDone(service, Optional.of(one.upn()), 1);
            waitForSent(service, before + single.InvitesUpdate());
            double singleSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "one organizer with %d meetings (%d brought up to date, %d messages): conference ID reset "
                    + "to last message %.2f s%n",
                    meetings, single.SucceededMeeting(), single.InvitesUpdate(), singleSeconds);

            // Everyone: a number taken off the bridge.
            java.util.Set<String> earlier = new java.util.HashSet<>();
            admin.migrationStatus(MmsService.FIRST_TENANT, Requests.StatusQuery.all()).forEach(r -> earlier.add(r.CorrelationId()));
            long sentBefore = sentMessages(service);
            long cpuBefore = processCpuNanos();
            Instant changedAt = Instant.now();
            long t1 = System.nanoTime();
            admin.unregisterServiceNumber(MmsService.FIRST_TENANT, SampleOrganization.TOLL_FREE, SampleOrganization.BRIDGE, false);
            List<Views.MigrationStatus> all = waitUntilAllDone(service);
            int migrated = 0;
            int invites = 0;
            int examined = 0;
            for (Views.MigrationStatus s : all) {
                if (!earlier.contains(s.CorrelationId())) {
                    migrated += s.SucceededMeeting();
                    invites += s.InvitesUpdate();
                    examined += s.TotalMeeting();
                }
            }
            double migrationSeconds = (System.nanoTime() - t1) / 1e9;
            waitForSent(service, sentBefore + invites);
            double allSeconds = (System.nanoTime() - t1) / 1e9;
            System.out.printf(Locale.ROOT, "bulk change, %d organizers x %d meetings: %,d meetings brought up to date (%,d of them "
                    + "rewritten and announced) in %.1f s to the last migration, %.1f s to the last message%n", organizers, meetings,
                    migrated, invites, migrationSeconds, allSeconds);
            double cpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
            System.out.printf(Locale.ROOT, "  %,.0f meetings/s (meetings examined %,d; stored meetings %,d: %,.0f stored meetings/s)%n",
                    migrated / allSeconds, examined, stored, stored / allSeconds);
            List<Double> latencies = lastMessageLatencies(service, all, earlier, changedAt);
            double p50 = percentile(latencies, 0.50);
            double p99 = percentile(latencies, 0.99);
            long peakRssMb = peakRssKb() / 1024;
            System.out.printf(Locale.ROOT, "  change to an organizer's last message: p50 %.1f s, p99 %.1f s (%d organizers)%n", p50, p99,
                    latencies.size());
            System.out.printf(Locale.ROOT, "  CPU %.0f s for the bulk change (%.1f cores busy on average); peak RSS %,d MB%n", cpuSeconds,
                    cpuSeconds / allSeconds, peakRssMb);
            System.out.printf(Locale.ROOT, "ROW | H2 embedded, %d worker threads in one process | %d × %d | %,d | %.1f | %,.0f | %.1f | %.1f | %,d | %.0f |%n",
                    workers, organizers, meetings, stored, allSeconds, stored / allSeconds, p50, p99, peakRssMb, cpuSeconds);
        }
    }

    /**
     * Seconds from the change to each organizer's last update message of the bulk change, or to the end
     * of its migration when it sent none.
     */
    private static List<Double> lastMessageLatencies(MmsService service, List<Views.MigrationStatus> all, java.util.Set<String> earlier,
            Instant changedAt) throws java.sql.SQLException {
        Map<String, Instant> lastSent = new java.util.HashMap<>();
        var db = service.config().database();
        try (var connection = java.sql.DriverManager.getConnection(db.url(), db.user(), db.password());
                var statement = connection.prepareStatement("SELECT correlation_id, MAX(sent_at) FROM outbox_message "
                        + "WHERE sent_at IS NOT NULL GROUP BY correlation_id");
                var rows = statement.executeQuery()) {
            while (rows.next()) {
                lastSent.put(rows.getString(1), rows.getObject(2, java.time.OffsetDateTime.class).toInstant());
            }
        }
        List<Double> seconds = new java.util.ArrayList<>();
        for (Views.MigrationStatus s : all) {
            if (!earlier.contains(s.CorrelationId())) {
                Instant last = lastSent.getOrDefault(s.CorrelationId(), s.ModifiedDate());
                seconds.add(Duration.between(changedAt, last).toMillis() / 1000.0);
            }
        }
        seconds.sort(Comparator.naturalOrder());
        return seconds;
    }

    private static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The process's peak resident set (VmHWM), in kB; 0 where /proc is not there. */
    private static long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (java.io.IOException e) {
            return 0;
        }
        return 0;
    }

    /** The last of the organizer's migrations, once there are {@code expected} and all have ended. */
    static Views.MigrationStatus waitUntilDone(MmsService service, Optional<String> identity, int expected) throws InterruptedException {
        while (true) {
            List<Views.MigrationStatus> rows = service.admin().migrationStatus(MmsService.FIRST_TENANT,
                    new Requests.StatusQuery(identity, Optional.empty(), Optional.empty(), Optional.empty()));
            if (rows.size() >= expected && rows.stream().allMatch(r -> r.State().equals("Succeeded") || r.State().equals("Failed"))) {
                return rows.getLast();
            }
            Thread.sleep(5);
        }
    }

    private static List<Views.MigrationStatus> waitUntilAllDone(MmsService service) throws InterruptedException {
        while (true) {
            List<Views.StateCount> counts = service.admin().migrationSummary(MmsService.FIRST_TENANT, Requests.StatusQuery.all());
            boolean busy = counts.stream().anyMatch(c -> (c.State().equals("Pending") || c.State().equals("InProgress")) && c.UserCount() > 0);
            if (!busy) {
                return service.admin().migrationStatus(MmsService.FIRST_TENANT, Requests.StatusQuery.all());
            }
            Thread.sleep(20);
        }
    }

    private static long sentMessages(MmsService service) {
        return service.outbox().counts().getOrDefault("SENT", 0L);
    }

    private static void waitForSent(MmsService service, long expected) throws InterruptedException {
        while (sentMessages(service) < expected) {
            Map<String, Long> c = service.outbox().counts();
            if (c.getOrDefault("PENDING", 0L) + c.getOrDefault("SENDING", 0L) + c.getOrDefault("HELD", 0L) == 0) {
                return;
            }
            Thread.sleep(5);
        }
    }
}
