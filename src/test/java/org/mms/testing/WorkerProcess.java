package org.mms.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.mms.db.DatabaseConfig;

/**
 * One {@code mms serve --workers-only} process on a shared database, started from this JVM's class path,
 * its output in a log file. For the crash drill (which kills them) and the benchmark (which measures them).
 */
public record WorkerProcess(Process process, Path log, Path config, Path pickup, boolean halting, Instant started) {

    /** Linux counts CPU time in /proc in ticks of 1/100 s (USER_HZ). */
    private static final double TICKS_PER_SECOND = 100.0;

    /**
     * @param slot   numbers the process's data directory and log
     * @param halts  checkpoint halts ({@code MMS_HALT_AT}); empty for a process that runs to the end
     */
    public static WorkerProcess start(int slot, Path work, Path config, DatabaseConfig database, Path pickup, Map<String, Double> halts) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), "org.mms.Main",
                "serve", "--workers-only", "--config", config.toString());
        Map<String, String> env = builder.environment();
        env.put("MMS_DATA", work.resolve("worker-" + slot).toString());
        env.put("MMS_DB_URL", database.url());
        env.put("MMS_DB_USER", database.user());
        env.put("MMS_DB_PASSWORD", database.password());
        env.put("MMS_PICKUP_DIR", pickup.toString());
        env.remove("MMS_HALT_AT");
        if (!halts.isEmpty()) {
            StringBuilder spec = new StringBuilder();
            halts.forEach((point, p) -> spec.append(spec.isEmpty() ? "" : ",").append(point).append(':').append(p));
            env.put("MMS_HALT_AT", spec.toString());
        }
        Path log = work.resolve("worker-" + slot + "-" + System.nanoTime() + ".log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        try {
            return new WorkerProcess(builder.start(), log, config, pickup, !halts.isEmpty(), Instant.now());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a worker process", e);
        }
    }

    public boolean alive() {
        return process.isAlive();
    }

    public Duration uptime() {
        return Duration.between(started, Instant.now());
    }

    /** Up and taking work. */
    public boolean ready() {
        try {
            return Files.size(log) > 0 && Files.readString(log, UTF_8).contains("MMS workers are running");
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits until the process takes work, or fails with its log when it ends first or takes too long. */
    public void awaitReady(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!ready()) {
            if (!alive() || Instant.now().isAfter(deadline)) {
                String output;
                try {
                    output = Files.readString(log, UTF_8);
                } catch (IOException e) {
                    output = "(no log: " + e.getMessage() + ")";
                }
                throw new IllegalStateException("the worker process did not start:\n" + output);
            }
            Thread.sleep(20);
        }
    }

    /** SIGKILL: no shutdown hook, no last words. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The checkpoint the process halted at, if that is how it ended. */
    public Optional<String> haltedAt() {
        try {
            return Files.readAllLines(log, UTF_8).stream().filter(l -> l.startsWith("mms: halting at checkpoint "))
                    .map(l -> l.substring("mms: halting at checkpoint ".length()).split(" ")[0]).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** CPU seconds (user and system) the running process has used so far, from {@code /proc}; 0 where there is none. */
    public double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"), UTF_8);
            // Fields after the command name, which is in parentheses and may hold spaces: utime is the 14th field, stime the 15th.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The running process's peak resident set (VmHWM) in kB, from {@code /proc}; 0 where there is none. */
    public long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"), UTF_8)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    /** SIGTERM, then SIGKILL if it has not ended after 20 s. */
    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
