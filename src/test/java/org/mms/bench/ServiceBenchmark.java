package org.mms.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.mms.admin.Requests;
import org.mms.admin.Views;
import org.mms.sample.SampleOrganization;
import org.mms.service.MmsService;
import org.mms.testing.LocalPostgres;

/**
 * Figures for the service, printed, never asserted (run by {@code bench/service}): the time from a change
 * (settle window 0) to the last update message for one organizer with {@code MEETINGS} meetings, then,
 * for {@code ORGANIZERS × MEETINGS}, meetings per second after one bulk change (a number taken off the
 * bridge every organizer shows), p50/p99 from the change to an organizer's last message, CPU seconds and
 * peak RSS. On the embedded default it also shows the CPU by thread, user and kernel mode apart.
 *
 * <p>{@code PROCESSES} 0 runs the embedded default: H2 and {@code WORKERS} worker threads in this process.
 * {@code PROCESSES} 1 or more runs on PostgreSQL: this process imports and makes the change, and that many
 * {@code serve --workers-only} processes with {@code WORKERS} threads each do the work.
 *
 * <p>Times come from the database (when each message was recorded as sent, when each migration ended),
 * not from how soon a poll noticed them, so the polling can be slow and cheap.
 */
public final class ServiceBenchmark {

    private static final Duration POLL = Duration.ofMillis(100);

    private ServiceBenchmark() {
    }

    /** {@code ServiceBenchmark [ORGANIZERS] [MEETINGS] [WORKERS] [PROCESSES]}. */
    public static void main(String[] args) throws Exception {
        int organizers = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int meetings = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int workers = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int processes = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        Path data = Files.createTempDirectory("mms-bench-");
        try {
            if (processes == 0) {
                run(new BenchSetup.Embedded(data, workers), organizers, meetings);
            } else {
                try (LocalPostgres.Schema schema = LocalPostgres.freshSchema(4)) {
                    run(new BenchSetup.OnPostgres(data, schema.config(), workers, processes), organizers, meetings);
                }
            }
        } finally {
            try (Stream<Path> paths = Files.walk(data)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void run(BenchSetup setup, int organizers, int meetings) throws Exception {
        SampleOrganization org = new SampleOrganization(organizers);
        Instant now = Instant.now();
        System.out.printf(Locale.ROOT, "Service benchmark: %s, %d cores, java %s%n", setup.describe(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        try (setup; MmsService service = MmsService.start(setup.config(), Clock.systemUTC())) {
            var admin = service.admin();
            admin.importDirectory(MmsService.FIRST_TENANT, org.directoryJson());
            admin.setMigrationConfiguration(MmsService.FIRST_TENANT, new Requests.MigrationConfigurationChange(Optional.empty(),
                    Optional.of(0L), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
            long importStart = System.nanoTime();
            int stored = 0;
            for (int i = 0; i < organizers; i++) {
                SampleOrganization.Organizer o = org.organizers().get(i);
                stored += admin.importCalendar(MmsService.FIRST_TENANT, o.upn(), org.calendar(o, now, meetings, 5000 + i)).Created();
            }
            System.out.printf(Locale.ROOT, "imported %,d meetings of %d organizers in %.1f s%n", stored, organizers,
                    (System.nanoTime() - importStart) / 1e9);
            setup.startWorkers();

            try (Connection sql = DriverManager.getConnection(setup.config().database().url(), setup.config().database().user(),
                    setup.config().database().password())) {
                // One organizer whose conference ID is reset: change to last message.
                SampleOrganization.Organizer one = org.organizers().get(organizers - 1);
                Set<String> before = correlations(service);
                Instant singleAt = Instant.now();
                long requests = requests(sql);
                var reset = admin.setDialInConferencingUser(MmsService.FIRST_TENANT, one.upn(), new Requests.DialInUserChange(
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), true));
                waitUntilIdle(sql, requests + queued(reset));
                List<Views.MigrationStatus> single = since(service, before);
                double singleSeconds = lastMessageSeconds(sql, single, singleAt).getLast();
                System.out.printf(Locale.ROOT, "one organizer with %d meetings (%d brought up to date, %d messages): conference ID reset "
                        + "to last message %.2f s%n", meetings, single.getFirst().SucceededMeeting(), single.getFirst().InvitesUpdate(),
                        singleSeconds);

                // Everyone: a number taken off the bridge.
                Set<String> earlier = correlations(service);
                BenchSetup.Cpu cpuBefore = setup.cpu();
                ThreadCpu threadsBefore = ThreadCpu.now();
                Instant changedAt = Instant.now();
                requests = requests(sql);
                var unassigned = admin.unregisterServiceNumber(MmsService.FIRST_TENANT, SampleOrganization.TOLL_FREE,
                        SampleOrganization.BRIDGE, false);
                waitUntilIdle(sql, requests + queued(unassigned));
                BenchSetup.Cpu cpu = setup.cpu().minus(cpuBefore);
                ThreadCpu threads = ThreadCpu.now();
                List<Views.MigrationStatus> all = since(service, earlier);
                int migrated = all.stream().mapToInt(Views.MigrationStatus::SucceededMeeting).sum();
                int invites = all.stream().mapToInt(Views.MigrationStatus::InvitesUpdate).sum();
                int examined = all.stream().mapToInt(Views.MigrationStatus::TotalMeeting).sum();
                double migrationSeconds = all.stream().mapToDouble(s -> seconds(changedAt, s.ModifiedDate())).max().orElse(0);
                List<Double> latencies = lastMessageSeconds(sql, all, changedAt);
                double allSeconds = latencies.getLast();
                double p50 = percentile(latencies, 0.50);
                double p99 = percentile(latencies, 0.99);
                long peakRssMb = setup.peakRssKb() / 1024;
                System.out.printf(Locale.ROOT, "bulk change, %d organizers x %d meetings: %,d meetings brought up to date (%,d of them "
                        + "rewritten and announced) in %.1f s to the last migration, %.1f s to the last message%n", organizers, meetings,
                        migrated, invites, migrationSeconds, allSeconds);
                System.out.printf(Locale.ROOT, "  %,.0f meetings/s (meetings examined %,d; stored meetings %,d: %,.0f stored meetings/s)%n",
                        migrated / allSeconds, examined, stored, stored / allSeconds);
                System.out.printf(Locale.ROOT, "  change to an organizer's last message: p50 %.1f s, p99 %.1f s (%d organizers)%n", p50, p99,
                        latencies.size());
                System.out.printf(Locale.ROOT, "  CPU %s s for the bulk change (%.1f cores busy on average); peak RSS %,d MB (%s)%n",
                        cpu.describe(), cpu.total() / allSeconds, peakRssMb, setup.describeRss());
                if (setup instanceof BenchSetup.Embedded) {
                    // Linux names a thread by its first 15 characters.
                    System.out.print("  CPU by thread:\n" + threads.describeSince(threadsBefore));
                }
                System.out.printf(Locale.ROOT, "ROW | %s | %d × %d | %,d | %.1f | %,.0f | %.1f | %.1f | %,d | %s |%n",
                        setup.describe(), organizers, meetings, stored, allSeconds, stored / allSeconds, p50, p99, peakRssMb,
                        cpu.describe());
            }
        }
    }

    /** How many migrations the change queued. */
    private static long queued(Views.ChangeResult change) {
        return change.Decisions().stream().map(Views.TriggerDecision::CorrelationId).filter(java.util.Objects::nonNull).distinct().count();
    }

    private static long requests(Connection sql) throws SQLException {
        try (var statement = sql.prepareStatement("SELECT COUNT(*) FROM migration_request"); var rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Set<String> correlations(MmsService service) {
        Set<String> ids = new HashSet<>();
        service.admin().migrationStatus(MmsService.FIRST_TENANT, Requests.StatusQuery.all()).forEach(r -> ids.add(r.CorrelationId()));
        return ids;
    }

    private static List<Views.MigrationStatus> since(MmsService service, Set<String> earlier) {
        return service.admin().migrationStatus(MmsService.FIRST_TENANT, Requests.StatusQuery.all()).stream()
                .filter(r -> !earlier.contains(r.CorrelationId())).toList();
    }

    /**
     * Seconds from {@code changedAt} to each migration's last update message recorded as sent (or to the
     * end of the migration when it sent none), in ascending order.
     */
    private static List<Double> lastMessageSeconds(Connection sql, List<Views.MigrationStatus> migrations, Instant changedAt)
            throws SQLException {
        Map<String, Instant> lastSent = new HashMap<>();
        try (var statement = sql.prepareStatement("SELECT correlation_id, MAX(sent_at) FROM outbox_message "
                + "WHERE sent_at IS NOT NULL GROUP BY correlation_id");
                var rows = statement.executeQuery()) {
            while (rows.next()) {
                lastSent.put(rows.getString(1), rows.getObject(2, OffsetDateTime.class).toInstant());
            }
        }
        List<Double> seconds = new ArrayList<>();
        for (Views.MigrationStatus s : migrations) {
            seconds.add(seconds(changedAt, lastSent.getOrDefault(s.CorrelationId(), s.ModifiedDate())));
        }
        seconds.sort(Comparator.naturalOrder());
        return seconds;
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    private static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    /**
     * Until there are {@code migrations} migrations in all, none of them waiting or running, and no update
     * message waiting to be sent.
     */
    private static void waitUntilIdle(Connection sql, long migrations) throws InterruptedException, SQLException {
        Instant deadline = Instant.now().plus(Duration.ofHours(1));
        while (true) {
            try (var statement = sql.prepareStatement("""
                    SELECT (SELECT COUNT(*) FROM migration_request),
                           (SELECT COUNT(*) FROM migration_request WHERE state IN ('PENDING', 'IN_PROGRESS'))
                         + (SELECT COUNT(*) FROM outbox_message WHERE state IN ('HELD', 'PENDING', 'SENDING'))""");
                    var rows = statement.executeQuery()) {
                rows.next();
                if (rows.getLong(1) >= migrations && rows.getLong(2) == 0) {
                    return;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("not done after an hour: " + rows.getLong(1) + " of " + migrations
                            + " migrations there, " + rows.getLong(2) + " migrations or messages still to do");
                }
            }
            Thread.sleep(POLL.toMillis());
        }
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
}
