package org.mms.api;

import java.util.Objects;

/**
 * Whether the service can take work now (database reachable, schema migrated…), for {@code GET /ready}.
 * Liveness ({@code GET /health}) needs no check: answering at all is the answer.
 */
@FunctionalInterface
public interface ReadinessCheck {

    Readiness check();

    /** Ready, or not with a reason an operator can act on. */
    record Readiness(boolean ready, String detail) {
        public Readiness {
            Objects.requireNonNull(detail, "detail");
        }

        public static Readiness ok() {
            return new Readiness(true, "ready");
        }

        public static Readiness notReady(String why) {
            return new Readiness(false, why);
        }
    }

    static ReadinessCheck alwaysReady() {
        return Readiness::ok;
    }
}
