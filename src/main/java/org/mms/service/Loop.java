package org.mms.service;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one step over and over on its own thread: again at once while the step finds work, after the
 * poll interval when it does not. A step that throws an exception is logged and retried after the
 * interval, so one bad moment does not stop a worker. An {@link Error} ends the thread (its state
 * may be broken), and a fresh thread takes over at once; the deaths are counted for the readiness
 * check. Stopping lets the current step finish.
 *
 * <p>The loop also knows when it last showed a sign of life (a turn begun or ended, or
 * {@link #alive()} from a long step), so that a step stuck for longer than {@code stallAfter} shows.
 */
final class Loop {

    private static final Logger LOG = LoggerFactory.getLogger(Loop.class);

    private final String name;
    private final Duration idle;
    private final Duration stallAfter;
    private final BooleanSupplier step;
    private final AtomicInteger deaths = new AtomicInteger();
    private final AtomicInteger generation = new AtomicInteger();
    private volatile boolean running;
    private volatile Thread thread;
    private volatile long lastSign = System.nanoTime();
    private volatile long lastDeath;

    Loop(String name, Duration idle, BooleanSupplier step) {
        this(name, idle, Duration.ofMinutes(5), step);
    }

    /** @param stallAfter how long a turn may go without a sign of life before the loop counts as stalled */
    Loop(String name, Duration idle, Duration stallAfter, BooleanSupplier step) {
        this.name = name;
        this.idle = idle;
        this.stallAfter = stallAfter;
        this.step = step;
    }

    String name() {
        return name;
    }

    synchronized void start() {
        running = true;
        startThread();
    }

    private synchronized void startThread() {
        if (!running) {
            return;
        }
        int n = generation.incrementAndGet();
        lastSign = System.nanoTime();
        thread = Thread.ofPlatform().name(n == 1 ? name : name + "#" + n).daemon(true)
                .uncaughtExceptionHandler((t, e) -> replace(e)).start(this::run);
    }

    /** The thread died of an Error: counted, logged, and a new thread runs the loop from here on. */
    private void replace(Throwable cause) {
        int died = deaths.incrementAndGet();
        lastDeath = System.nanoTime();
        LOG.error("{}: the thread died ({} time(s) so far); starting a new one", name, died, cause);
        startThread();
    }

    private void run() {
        while (running) {
            lastSign = System.nanoTime();
            boolean didWork;
            try {
                didWork = step.getAsBoolean();
            } catch (RuntimeException e) {
                LOG.warn("{}: {}", name, e.toString());
                didWork = false;
            }
            lastSign = System.nanoTime();
            if (!didWork) {
                try {
                    Thread.sleep(idle);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** A sign of life from inside a long step (a migration's heartbeat). */
    void alive() {
        lastSign = System.nanoTime();
    }

    /** How the loop is doing now: alive, stalled, how often its thread died. */
    Health health() {
        long now = System.nanoTime();
        Thread current = thread;
        Duration silent = Duration.ofNanos(now - lastSign);
        Optional<Duration> sinceDeath = deaths.get() == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(now - lastDeath));
        return new Health(name, running && current != null && current.isAlive(), silent.compareTo(stallAfter.plus(idle)) > 0 ? Optional.of(silent)
                : Optional.empty(), deaths.get(), sinceDeath, silent);
    }

    /**
     * @param alive      its thread runs
     * @param stalledFor how long it has shown no sign of life, when that is longer than it may
     * @param deaths     how many of its threads died and were replaced
     * @param sinceDeath how long ago the last one died
     * @param silentFor  how long it has shown no sign of life, however short
     */
    record Health(String name, boolean alive, Optional<Duration> stalledFor, int deaths, Optional<Duration> sinceDeath, Duration silentFor) {
    }

    void stop() {
        running = false;
    }

    void awaitStop() {
        Thread current = thread;
        if (current == null) {
            return;
        }
        try {
            current.join(Duration.ofSeconds(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
