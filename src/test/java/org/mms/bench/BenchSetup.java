package org.mms.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.mms.config.ServiceConfig;
import org.mms.db.DatabaseConfig;
import org.mms.testing.WorkerProcess;

/**
 * Where the service benchmark's work runs, and how its CPU time and memory are read: the embedded
 * default in the benchmark's own process, or worker processes on PostgreSQL.
 */
sealed interface BenchSetup extends AutoCloseable {

    /** How long a worker or sender waits before looking for work again when it found none: the default. */
    Duration POLL = ServiceConfig.defaults(Path.of("data")).workers().pollInterval();

    /** Linux counts CPU time in /proc in ticks of 1/100 s (USER_HZ). */
    double TICKS_PER_SECOND = 100.0;

    /** The configuration of the service in the benchmark's process (which imports and makes the change). */
    ServiceConfig config();

    /** Starts whatever works outside the benchmark's process, and waits until it takes work. */
    void startWorkers() throws Exception;

    /** CPU seconds used so far by what does the work (the service and its database). */
    Cpu cpu();

    /** The peak resident set of what does the work, in kB. */
    long peakRssKb();

    /** For the table's first column. */
    String describe();

    /** What {@link #peakRssKb()} covers. */
    String describeRss();

    @Override
    void close();

    /** CPU seconds of the service's processes, and of a database server outside them (0 when embedded). */
    record Cpu(double service, double database) {
        Cpu minus(Cpu earlier) {
            return new Cpu(service - earlier.service, database - earlier.database);
        }

        double total() {
            return service + database;
        }

        String describe() {
            return database == 0 ? String.format(Locale.ROOT, "%.0f", service)
                    : String.format(Locale.ROOT, "%.0f (MMS %.0f + PostgreSQL %.0f)", total(), service, database);
        }
    }

    /** H2 and the workers in this process: the embedded default. */
    record Embedded(Path data, int workers) implements BenchSetup {
        @Override
        public ServiceConfig config() {
            return ServiceConfig.defaults(data).withHttp(new ServiceConfig.Http("127.0.0.1", 0))
                    .withWorkers(new ServiceConfig.Workers(workers, POLL, Duration.ofMinutes(5)));
        }

        @Override
        public void startWorkers() {
            // They started with the service.
        }

        @Override
        public Cpu cpu() {
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            return new Cpu(os.getProcessCpuTime() / 1e9, 0);
        }

        @Override
        public long peakRssKb() {
            return peakRss(Path.of("/proc/self/status"));
        }

        @Override
        public String describe() {
            return "H2 embedded, " + workers + " worker threads in one process";
        }

        @Override
        public String describeRss() {
            return "the one process, with " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB of heap at most";
        }

        @Override
        public void close() {
        }
    }

    /**
     * PostgreSQL, with {@code processes} {@code serve --workers-only} processes of {@code workers} threads
     * each doing the work; the benchmark's process has no workers.
     */
    final class OnPostgres implements BenchSetup {
        private final Path data;
        private final DatabaseConfig database;
        private final int workers;
        private final int processes;
        private final List<WorkerProcess> running = new ArrayList<>();

        OnPostgres(Path data, DatabaseConfig database, int workers, int processes) {
            this.data = data;
            this.database = database;
            this.workers = workers;
            this.processes = processes;
        }

        @Override
        public ServiceConfig config() {
            return ServiceConfig.defaults(data.resolve("admin")).withDatabase(database).withHttp(new ServiceConfig.Http("127.0.0.1", 0))
                    .withWorkers(new ServiceConfig.Workers(0, POLL, Duration.ofMinutes(5)));
        }

        @Override
        public void startWorkers() throws Exception {
            Path config = data.resolve("worker.json");
            Files.writeString(config, """
                    {"workers": {"threads": %d, "pollMillis": %d, "leaseSeconds": 300}, "database": {"poolSize": %d}}"""
                    .formatted(workers, POLL.toMillis(), workers + 2));
            Path pickup = data.resolve("pickup");
            Files.createDirectories(pickup);
            for (int i = 0; i < processes; i++) {
                running.add(WorkerProcess.start(i, data, config, database, pickup, java.util.Map.of()));
            }
            for (WorkerProcess w : running) {
                w.awaitReady(Duration.ofMinutes(1));
            }
        }

        @Override
        public Cpu cpu() {
            return new Cpu(running.stream().mapToDouble(WorkerProcess::cpuSeconds).sum(), postgresCpuSeconds());
        }

        @Override
        public long peakRssKb() {
            return running.stream().mapToLong(WorkerProcess::peakRssKb).sum();
        }

        @Override
        public String describe() {
            return "PostgreSQL, " + processes + " worker process" + (processes == 1 ? "" : "es") + " × " + workers + " threads";
        }

        @Override
        public String describeRss() {
            return "the worker processes together, 256 MB of heap at most each; PostgreSQL not counted";
        }

        @Override
        public void close() {
            running.forEach(WorkerProcess::stop);
        }

        /** Every process called {@code postgres} on this machine: the server and its backends. */
        private static double postgresCpuSeconds() {
            double seconds = 0;
            try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                for (Path proc : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                    try {
                        String stat = Files.readString(proc.resolve("stat"), UTF_8);
                        if (!stat.contains("(postgres)")) {
                            continue;
                        }
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        seconds += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
                    } catch (IOException | RuntimeException gone) {
                        // The process ended while we looked.
                    }
                }
            } catch (IOException e) {
                return 0;
            }
            return seconds;
        }
    }

    private static long peakRss(Path status) {
        try {
            for (String line : Files.readAllLines(status, UTF_8)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }
}
