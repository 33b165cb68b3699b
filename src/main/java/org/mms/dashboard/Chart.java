package org.mms.dashboard;

import static org.mms.dashboard.Markup.el;
import static org.mms.dashboard.Markup.text;
import static org.mms.dashboard.Markup.textEl;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Meetings migrated over the last hours as bars, drawn on the server as SVG (no script, readable as text too). */
final class Chart {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 160;

    private Chart() {
    }

    static Markup bars(long[] counts, Instant from, Duration step) {
        long max = 1;
        for (long c : counts) {
            max = Math.max(max, c);
        }
        double barWidth = (double) WIDTH / counts.length;
        List<Markup> bars = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            double h = (HEIGHT - 20) * counts[i] / (double) max;
            Instant at = from.plus(step.multipliedBy(i));
            bars.add(el("rect", List.of("x", num(i * barWidth + 1), "y", num(HEIGHT - 20 - h), "width", num(Math.max(1, barWidth - 2)),
                    "height", num(h), "class", "bar"), textEl("title", counts[i] + " meetings from " + Layout.time(at))));
        }
        long total = java.util.Arrays.stream(counts).sum();
        String label = total + " meetings migrated in the last " + step.multipliedBy(counts.length).toHours() + " hours, in "
                + step.toMinutes() + "-minute bars (highest " + max + ")";
        bars.add(el("text", List.of("x", "0", "y", String.valueOf(HEIGHT - 4), "class", "axis"), text(Layout.time(from))));
        bars.add(el("text", List.of("x", String.valueOf(WIDTH), "y", String.valueOf(HEIGHT - 4), "class", "axis", "text-anchor", "end"),
                text("now")));
        return el("figure", el("svg", List.of("viewBox", "0 0 " + WIDTH + " " + HEIGHT, "role", "img", "aria-label", label,
                "xmlns", "http://www.w3.org/2000/svg"), Markup.join(bars)), textEl("figcaption", label));
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
