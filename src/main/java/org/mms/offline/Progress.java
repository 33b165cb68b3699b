package org.mms.offline;

import java.io.PrintStream;
import java.util.Locale;

/** Where long work says how far it is. */
public interface Progress {

    void update(String phase, long done, long total, String unit);

    static Progress none() {
        return (phase, done, total, unit) -> {
        };
    }

    /**
     * Progress lines on a stream (stderr), at most one every two seconds and none at all for work
     * that finishes sooner, so small runs stay quiet.
     */
    static Progress every2Seconds(PrintStream out) {
        return new Progress() {
            private final long started = System.nanoTime();
            private long lastPrinted = started;

            @Override
            public void update(String phase, long done, long total, String unit) {
                long now = System.nanoTime();
                if (now - lastPrinted < 2_000_000_000L) {
                    return;
                }
                lastPrinted = now;
                String percent = total > 0 ? String.format(Locale.ROOT, " (%d%%)", done * 100 / total) : "";
                out.printf(Locale.ROOT, "mms: %s: %,d of %,d %s%s%n", phase, done, total, unit, percent);
                out.flush();
            }
        };
    }
}
