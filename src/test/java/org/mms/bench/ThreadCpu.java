package org.mms.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time of this process's threads, in user and kernel mode, grouped by thread name with the numbers
 * taken out ({@code outbox-sender-#} for all senders), read from Linux's {@code /proc/self/task}. It
 * shows where the embedded default's CPU goes, the kernel time that a Java profiler does not see
 * included (flushing files to disk, for one).
 *
 * <p>Linux only; elsewhere a snapshot is empty and nothing is printed.
 */
record ThreadCpu(Map<String, Times> byGroup) {

    /** Clock ticks (1/100 s on Linux) spent in user and kernel mode, and how many threads had them. */
    record Times(long userTicks, long kernelTicks, int threads) {
        Times plus(Times other) {
            return new Times(userTicks + other.userTicks, kernelTicks + other.kernelTicks, threads + other.threads);
        }
    }

    private static final double TICKS_PER_SECOND = 100.0;
    /** Below this a group is left out of the table. */
    private static final double SHOWN_SECONDS = 0.5;

    static ThreadCpu now() {
        Map<String, Times> byGroup = new TreeMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return new ThreadCpu(byGroup);
        }
        try (Stream<Path> threads = Files.list(tasks)) {
            threads.forEach(thread -> read(thread.resolve("stat"), byGroup));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ThreadCpu(byGroup);
    }

    /** One line per group that used at least half a second since {@code earlier}. */
    String describeSince(ThreadCpu earlier) {
        StringBuilder table = new StringBuilder();
        byGroup.forEach((group, times) -> {
            Times before = earlier.byGroup.getOrDefault(group, new Times(0, 0, 0));
            double user = (times.userTicks - before.userTicks) / TICKS_PER_SECOND;
            double kernel = (times.kernelTicks - before.kernelTicks) / TICKS_PER_SECOND;
            if (user + kernel >= SHOWN_SECONDS) {
                table.append(String.format(Locale.ROOT, "    %-22s %2d threads %7.1f s user %7.1f s kernel%n", group, times.threads, user,
                        kernel));
            }
        });
        return table.toString();
    }

    private static void read(Path stat, Map<String, Times> byGroup) {
        String line;
        try {
            line = Files.readString(stat);
        } catch (IOException ended) {
            return; // the thread ended between the listing and the read
        }
        // pid (name) state ppid … utime stime: the name may hold spaces and parentheses, so split after the last ')'.
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        String name = line.substring(open + 1, close);
        String[] fields = line.substring(close + 2).split(" ");
        Times times = new Times(Long.parseLong(fields[11]), Long.parseLong(fields[12]), 1);
        byGroup.merge(name.replaceAll("[0-9]+", "#"), times, Times::plus);
    }
}
