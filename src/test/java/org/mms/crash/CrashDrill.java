package org.mms.crash;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.mms.admin.Requests;
import org.mms.calendar.Mailbox;
import org.mms.calendar.SplitCalendar;
import org.mms.checkpoint.Checkpoint;
import org.mms.config.ServiceConfig;
import org.mms.db.Database;
import org.mms.db.DatabaseConfig;
import org.mms.db.JdbcCalendarStore;
import org.mms.directory.UserId;
import org.mms.sample.SampleOrganization;
import org.mms.service.MmsService;
import org.mms.testing.GoldenRule;
import org.mms.testing.LocalPostgres;
import org.mms.testing.WorkerProcess;

/**
 * The crash drill: an organization's bulk migration on PostgreSQL, worked off by several
 * {@code mms serve --workers-only} processes that are killed with SIGKILL at random moments, and that
 * kill themselves at the checkpoints where a crash matters most ({@link Checkpoint}: after a claim,
 * between a calendar write and its journal entry, between handing a message over and recording it).
 * Each dead process is started again. After the last kill the work is allowed to finish, and then the
 * drill checks everything: every meeting migrated exactly once (journal and calendar agree), no stored
 * meeting damaged (the golden rule), every update message sent, and how many were delivered twice.
 *
 * <p>The "mail system" is the pickup directory, emptied by a collector every few milliseconds as a mail
 * server's pickup service would: a message written again after the collector took it is a duplicate.
 *
 * <p>Run at full size by {@code bench/crash}; {@link CrashDrillTest} runs it smaller in every build.
 */
public final class CrashDrill {

    /**
     * @param organizers        organizers in the sample organization
     * @param meetings          meetings per organizer
     * @param kills             kills (SIGKILL from outside plus halts at checkpoints) before the work may finish
     * @param processes         worker processes at a time
     * @param threadsPerProcess migration workers in each process
     * @param seed              for the kill moments and which process dies
     */
    public record Options(int organizers, int meetings, int kills, int processes, int threadsPerProcess, long seed) {
    }

    /**
     * What the drill saw and checked.
     *
     * @param storedMeetings     calendar resources in the organization
     * @param rewritten          resources whose bytes the migration changed
     * @param externalKills      processes killed with SIGKILL by the drill
     * @param checkpointHalts    processes that killed themselves at a checkpoint, by checkpoint
     * @param problems           everything that is wrong; empty when the drill passed
     */
    public record Report(int storedMeetings, int rewritten, int externalKills, Map<String, Integer> checkpointHalts, long messagesSent,
            long messagesDelivered, long duplicateDeliveries, Duration elapsed, List<String> problems) {

        public int kills() {
            return externalKills + checkpointHalts.values().stream().mapToInt(Integer::intValue).sum();
        }

        public String describe() {
            StringBuilder s = new StringBuilder();
            s.append(String.format(Locale.ROOT, "stored meetings: %,d; rewritten by the migration: %,d%n", storedMeetings, rewritten));
            s.append(String.format(Locale.ROOT, "kills: %d (SIGKILL from outside: %d; halts at checkpoints: %s)%n", kills(), externalKills,
                    checkpointHalts));
            s.append(String.format(Locale.ROOT, "update messages: %,d sent, %,d delivered, %d delivered twice%n", messagesSent,
                    messagesDelivered, duplicateDeliveries));
            s.append(String.format(Locale.ROOT, "elapsed: %.1f s%n", elapsed.toMillis() / 1000.0));
            s.append(problems.isEmpty() ? "checks: all passed (exactly once, golden rule, every message sent)\n"
                    : "PROBLEMS:\n  - " + String.join("\n  - ", problems) + "\n");
            return s.toString();
        }
    }

    /** Checkpoint halt probabilities: often enough that every kind of moment is hit in a drill. */
    static final Map<String, Double> HALTS = Map.of(
            Checkpoint.MIGRATION_CLAIMED, 0.1,
            Checkpoint.CHUNK_JOURNALED, 0.15,
            Checkpoint.CHUNK_WRITTEN, 0.15,
            Checkpoint.MESSAGES_CLAIMED, 0.1,
            Checkpoint.MESSAGES_STAGED, 0.1,
            Checkpoint.MESSAGE_HANDED_OVER, 0.1);

    private final Options options;
    private final Path work;
    private final DatabaseConfig database;
    private final Random random;
    private final Map<String, Integer> halts = new ConcurrentHashMap<>();
    private int externalKills;

    CrashDrill(Options options, Path work, DatabaseConfig database) {
        this.options = options;
        this.work = work;
        this.database = database;
        this.random = new Random(options.seed());
    }

    /** {@code CrashDrill [ORGANIZERS] [MEETINGS] [KILLS] [PROCESSES]}: prints the report; exit status 1 if a check failed. */
    public static void main(String[] args) throws Exception {
        Options options = new Options(arg(args, 0, 100), arg(args, 1, 100), arg(args, 2, 24), arg(args, 3, 3), 2,
                args.length > 4 ? Long.parseLong(args[4]) : System.nanoTime());
        Path work = Files.createTempDirectory("mms-crash-");
        Report report;
        try (LocalPostgres.Schema schema = LocalPostgres.freshSchema(8)) {
            System.out.printf(Locale.ROOT, "Crash drill: %d organizers x %d meetings, %d kills, %d worker processes x %d threads, seed %d%n",
                    options.organizers(), options.meetings(), options.kills(), options.processes(), options.threadsPerProcess(),
                    options.seed());
            report = new CrashDrill(options, work, schema.config()).run();
        } finally {
            deleteTree(work);
        }
        System.out.print(report.describe());
        System.exit(report.problems().isEmpty() ? 0 : 1);
    }

    private static int arg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }

    Report run() throws Exception {
        Instant started = Instant.now();
        Path pickup = work.resolve("pickup");
        Path delivered = work.resolve("delivered");
        Files.createDirectories(pickup);
        Files.createDirectories(delivered);
        SampleOrganization org = new SampleOrganization(options.organizers());
        Instant now = Instant.now();
        Map<String, byte[]> originals = new HashMap<>();
        Map<String, UserId> users = new LinkedHashMap<>();

        ServiceConfig setup = ServiceConfig.defaults(work.resolve("setup")).withDatabase(database)
                .withHttp(new ServiceConfig.Http("127.0.0.1", 0)).withWorkers(new ServiceConfig.Workers(0, Duration.ofMillis(50),
                        Duration.ofSeconds(5)));
        try (MmsService service = MmsService.start(setup, Clock.systemUTC())) {
            var admin = service.admin();
            admin.importDirectory(MmsService.FIRST_TENANT, org.directoryJson());
            for (SampleOrganization.Organizer o : org.organizers()) {
                byte[] calendar = org.calendar(o, now, options.meetings(), o.upn().hashCode());
                admin.importCalendar(MmsService.FIRST_TENANT, o.upn(), calendar);
                UserId id = new UserId(admin.users(MmsService.FIRST_TENANT, Optional.of(o.upn())).getFirst().UserId());
                users.put(o.upn(), id);
                SplitCalendar.of(calendar).forEachResource(r -> originals.put(id.value() + "/" + r.ref().href(), r.data()));
            }
            admin.setMigrationConfiguration(MmsService.FIRST_TENANT, new Requests.MigrationConfigurationChange(Optional.empty(),
                    Optional.of(0L), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
            // One change that reaches every organizer: the default number goes off the bridge.
            admin.unregisterServiceNumber(MmsService.FIRST_TENANT, SampleOrganization.TOLL, SampleOrganization.BRIDGE, true);
        }

        Path config = work.resolve("worker.json");
        Files.writeString(config, """
                {"workers": {"threads": %d, "pollMillis": 50, "leaseSeconds": 5}, "database": {"poolSize": 4}}"""
                .formatted(options.threadsPerProcess()));
        AtomicBoolean collecting = new AtomicBoolean(true);
        Map<String, Integer> deliveries = new ConcurrentHashMap<>();
        Thread collector = Thread.ofPlatform().name("pickup-collector").start(() -> collect(pickup, delivered, deliveries, collecting));

        try (Database db = Database.open(new DatabaseConfig(database.url(), database.user(), database.password(), 2))) {
            List<WorkerProcess> workers = new ArrayList<>();
            for (int i = 0; i < options.processes(); i++) {
                workers.add(WorkerProcess.start(i, work, config, database, pickup, HALTS));
            }
            try {
                killUntilDone(db, workers);
            } finally {
                workers.forEach(WorkerProcess::stop);
            }
            collecting.set(false);
            collector.join();
            collect(pickup, delivered, deliveries, new AtomicBoolean(false));
            return check(db, originals, users, deliveries, Duration.between(started, Instant.now()));
        }
    }

    /**
     * Kills a random worker at a random moment until enough have died, restarting each dead one (with
     * its checkpoint halts until the kills are done, without them after); then waits for the work to end.
     */
    private void killUntilDone(Database db, List<WorkerProcess> workers) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(20));
        Map<Process, Instant> killAt = new HashMap<>();
        while (true) {
            boolean enough = kills() >= options.kills();
            for (int i = 0; i < workers.size(); i++) {
                WorkerProcess w = workers.get(i);
                if (!w.alive()) {
                    w.haltedAt().ifPresent(point -> halts.merge(point, 1, Integer::sum));
                    workers.set(i, WorkerProcess.start(i, work, w.config(), database, w.pickup(), enough ? Map.of() : HALTS));
                } else if (enough && w.halting()) {
                    // Done killing: replace the self-halting process with one that runs to the end.
                    w.kill();
                    workers.set(i, WorkerProcess.start(i, work, w.config(), database, w.pickup(), Map.of()));
                } else if (!enough && w.ready()) {
                    // Every other process gets a random moment of its work (claiming, migrating, sending) to
                    // die at; the others live until they halt at a checkpoint.
                    Instant when = killAt.computeIfAbsent(w.process(), p -> random.nextBoolean()
                            ? Instant.now().plusMillis(100 + random.nextInt(1900)) : Instant.MAX);
                    if (Instant.now().isAfter(when)) {
                        w.kill();
                        externalKills++;
                    }
                }
            }
            if (finished(db)) {
                // Kills asked for beyond the end of the work are not made; the report says how many were.
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the work did not finish within 20 minutes: " + progress(db));
            }
            Thread.sleep(50);
        }
    }

    private int kills() {
        return externalKills + halts.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static boolean finished(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery("""
                SELECT (SELECT COUNT(*) FROM migration_request WHERE state IN ('PENDING', 'IN_PROGRESS'))
                     + (SELECT COUNT(*) FROM outbox_message WHERE state IN ('HELD', 'PENDING', 'SENDING'))""")
                .mapTo(Long.class).one()) == 0;
    }

    private static String progress(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT state || ' ' || COUNT(*) FROM migration_request GROUP BY state")
                .mapTo(String.class).list()) + " " + db.jdbi().withHandle(h -> h.createQuery(
                "SELECT state || ' ' || COUNT(*) FROM outbox_message GROUP BY state").mapTo(String.class).list());
    }

    /**
     * The mail server's pickup service: takes every message file, counting how often each message arrived.
     * A message is known by its Message-ID, which is the same whenever the same update is written (file
     * names are unique per queued message, so a name alone would not show the same update sent twice).
     */
    private static void collect(Path pickup, Path delivered, Map<String, Integer> deliveries, AtomicBoolean again) {
        do {
            try (Stream<Path> files = Files.list(pickup)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".eml")).toList()) {
                    Path kept = delivered.resolve(file.getFileName() + "." + java.util.UUID.randomUUID());
                    try {
                        Files.move(file, kept, StandardCopyOption.ATOMIC_MOVE);
                    } catch (java.nio.file.NoSuchFileException gone) {
                        continue;
                    }
                    deliveries.merge(messageId(kept), 1, Integer::sum);
                }
                Thread.sleep(5);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        } while (again.get());
    }

    private static String messageId(Path eml) throws IOException {
        try (var lines = Files.lines(eml, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            return lines.takeWhile(line -> !line.isEmpty()).filter(line -> line.regionMatches(true, 0, "Message-ID:", 0, 11))
                    .map(line -> line.substring(11).strip()).findFirst().orElseThrow(() -> new IOException(eml + " has no Message-ID"));
        }
    }

    private Report check(Database db, Map<String, byte[]> originals, Map<String, UserId> users, Map<String, Integer> deliveries,
            Duration elapsed) {
        List<String> problems = new ArrayList<>();
        var states = db.jdbi().withHandle(h -> h.createQuery("SELECT state, COUNT(*) AS n FROM migration_request GROUP BY state")
                .map((rs, ctx) -> Map.entry(rs.getString("state"), rs.getLong("n"))).list());
        states.stream().filter(e -> !e.getKey().equals("SUCCEEDED"))
                .forEach(e -> problems.add(e.getValue() + " migration request(s) ended " + e.getKey()));

        // What the journal says was written, per stored meeting and per component.
        Map<String, Integer> writtenComponents = new HashMap<>();
        db.jdbi().useHandle(h -> h.createQuery("""
                        SELECT user_id, href, uid, recurrence_id, COUNT(*) AS n FROM meeting_change
                        WHERE outcome = 'MIGRATED' AND write_state = 'WRITTEN' GROUP BY user_id, href, uid, recurrence_id""")
                .map((rs, ctx) -> Map.entry(rs.getString("user_id") + "/" + rs.getString("href") + "#" + rs.getString("recurrence_id"),
                        rs.getInt("n")))
                .forEach(e -> writtenComponents.put(e.getKey(), e.getValue())));
        writtenComponents.forEach((key, n) -> {
            if (n != 1) {
                problems.add(key + " was journaled as migrated " + n + " times");
            }
        });
        Set<String> journaledHrefs = new HashSet<>();
        writtenComponents.keySet().forEach(k -> journaledHrefs.add(k.substring(0, k.indexOf('#'))));
        long open = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM meeting_change WHERE write_state = 'WRITING'")
                .mapTo(Long.class).one());
        if (open > 0) {
            problems.add(open + " journal entries still wait to learn whether their write happened");
        }

        // What the calendar holds: changed exactly where the journal says, and never damaged.
        JdbcCalendarStore store = new JdbcCalendarStore(db, Clock.systemUTC());
        Set<String> changed = new HashSet<>();
        int[] stored = {0};
        for (UserId user : users.values()) {
            store.forEachCandidate(new Mailbox(MmsService.FIRST_TENANT, user), Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), 500,
                    r -> {
                        stored[0]++;
                        String key = user.value() + "/" + r.ref().href();
                        byte[] before = originals.get(key);
                        if (before == null) {
                            problems.add(key + " is in the calendar but was never imported");
                            return;
                        }
                        if (!java.util.Arrays.equals(before, r.data())) {
                            changed.add(key);
                            try {
                                GoldenRule.checkResource(before, r.data());
                            } catch (AssertionError e) {
                                problems.add(key + " breaks the golden rule: " + e.getMessage().lines().findFirst().orElse(""));
                            }
                        }
                    });
        }
        if (stored[0] != originals.size()) {
            problems.add("the calendars hold " + stored[0] + " meetings; " + originals.size() + " were imported");
        }
        Set<String> unjournaled = new HashSet<>(changed);
        unjournaled.removeAll(journaledHrefs);
        Set<String> unwritten = new HashSet<>(journaledHrefs);
        unwritten.removeAll(changed);
        unjournaled.stream().limit(5).forEach(k -> problems.add(k + " changed in the calendar, but the journal has no write for it"));
        unwritten.stream().limit(5).forEach(k -> problems.add(k + " is journaled as written, but the calendar holds the original"));

        // Every message sent, once per written meeting, and delivered.
        Map<String, Long> messages = new HashMap<>();
        db.jdbi().useHandle(h -> h.createQuery("SELECT state, COUNT(*) AS n FROM outbox_message GROUP BY state")
                .map((rs, ctx) -> Map.entry(rs.getString("state"), rs.getLong("n"))).forEach(e -> messages.put(e.getKey(), e.getValue())));
        messages.forEach((state, n) -> {
            if (!state.equals("SENT")) {
                problems.add(n + " update message(s) ended " + state);
            }
        });
        long perMeeting = db.jdbi().withHandle(h -> h.createQuery("""
                SELECT COUNT(*) FROM (SELECT user_id, href FROM outbox_message GROUP BY user_id, href HAVING COUNT(*) > 1) doubled""")
                .mapTo(Long.class).one());
        if (perMeeting > 0) {
            problems.add(perMeeting + " meeting(s) have more than one update message queued");
        }
        long sent = messages.getOrDefault("SENT", 0L);
        if (sent != changed.size()) {
            problems.add(sent + " messages were sent for " + changed.size() + " rewritten meetings");
        }
        long distinctDelivered = deliveries.values().stream().filter(n -> n > 0).count();
        long delivered = deliveries.values().stream().mapToLong(Integer::longValue).sum();
        if (distinctDelivered != sent) {
            problems.add(distinctDelivered + " distinct messages reached the mail system; " + sent + " were recorded as sent");
        }
        return new Report(stored[0], changed.size(), externalKills, new java.util.TreeMap<>(halts), sent, delivered,
                delivered - distinctDelivered, elapsed, problems);
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
