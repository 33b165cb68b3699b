package org.mms.service;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;

/**
 * The liveness of this process's loops as meters, labelled with the loop's name ({@code migration-worker-1},
 * {@code outbox-sender-2}, {@code housekeeping}, {@code database-watch}; as many as the configuration has
 * threads) and its kind (the name without its number): {@code mms_loop_up} is 1 while the loop's thread runs
 * and has shown a sign of life within its stall limit, {@code mms_loop_silent_seconds} how long it has shown
 * none, {@code mms_loop_thread_deaths_total} how often its thread died and was replaced. The same facts as
 * {@code GET /ready}, as numbers an alert can watch.
 */
final class MeasureLoops {

    private MeasureLoops() {
    }

    static void register(MeterRegistry registry, List<Loop> loops) {
        for (Loop loop : loops) {
            String kind = loop.name().replaceFirst("-[0-9]+$", "");
            Gauge.builder("mms.loop.up", loop, l -> {
                Loop.Health h = l.health();
                return h.alive() && h.stalledFor().isEmpty() ? 1 : 0;
            }).description("1 while the loop runs and is not stalled, else 0").tags("loop", loop.name(), "kind", kind).register(registry);
            Gauge.builder("mms.loop.silent", loop, l -> l.health().silentFor().toMillis() / 1000.0).baseUnit("seconds")
                    .description("How long the loop has shown no sign of life").tags("loop", loop.name(), "kind", kind).register(registry);
            FunctionCounter.builder("mms.loop.thread.deaths", loop, l -> l.health().deaths())
                    .description("How often the loop's thread died and was replaced").tags("loop", loop.name(), "kind", kind).register(registry);
        }
    }
}
