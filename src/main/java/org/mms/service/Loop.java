package org.mms.service;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one step over and over on its own thread: again at once while the step finds work, after the
 * poll interval when it does not. A step that throws is logged and retried after the interval, so one
 * bad moment does not stop a worker. Stopping lets the current step finish.
 */
final class Loop {

    private static final Logger LOG = LoggerFactory.getLogger(Loop.class);

    private final String name;
    private final Duration idle;
    private final BooleanSupplier step;
    private volatile boolean running;
    private Thread thread;

    Loop(String name, Duration idle, BooleanSupplier step) {
        this.name = name;
        this.idle = idle;
        this.step = step;
    }

    void start() {
        running = true;
        thread = Thread.ofPlatform().name(name).daemon(true).start(this::run);
    }

    private void run() {
        while (running) {
            boolean didWork;
            try {
                didWork = step.getAsBoolean();
            } catch (RuntimeException e) {
                LOG.warn("{}: {}", name, e.toString());
                didWork = false;
            }
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

    void stop() {
        running = false;
    }

    void awaitStop() {
        if (thread == null) {
            return;
        }
        try {
            thread.join(Duration.ofSeconds(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
