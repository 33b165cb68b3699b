package org.mms.service;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.mms.checkpoint.Checkpoint;

/**
 * For the crash test: at each named checkpoint, with its probability, the process stops dead, as if
 * killed with SIGKILL (no shutdown hooks, no finally blocks, no flushing). Never configured in
 * production; the service warns loudly when it is.
 */
final class HaltAtCheckpoints implements Checkpoint {

    /** The exit status of a process killed by SIGKILL, so the crash test counts both kinds alike. */
    static final int STATUS = 137;

    private final Map<String, Double> probabilities;

    HaltAtCheckpoints(Map<String, Double> probabilities) {
        this.probabilities = Map.copyOf(probabilities);
    }

    static Checkpoint of(Map<String, Double> probabilities) {
        return probabilities.isEmpty() ? Checkpoint.NONE : new HaltAtCheckpoints(probabilities);
    }

    @Override
    public void reached(String name) {
        Double p = probabilities.get(name);
        if (p != null && ThreadLocalRandom.current().nextDouble() < p) {
            System.err.println("mms: halting at checkpoint " + name + " (MMS_HALT_AT)");
            System.err.flush();
            Runtime.getRuntime().halt(STATUS);
        }
    }
}
