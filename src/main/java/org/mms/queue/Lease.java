package org.mms.queue;

import java.time.Instant;
import java.util.Objects;

/**
 * A worker's right to run one request, for one attempt. The attempt number fences it: once the reaper
 * has taken the request back and anyone (the same worker included) has claimed it again, this lease is
 * spent and the queue refuses what its holder reports.
 *
 * @param request the request it covers
 * @param owner   the worker holding it
 * @param attempt the request's attempt number when it was claimed
 * @param until   when it runs out unless heartbeats extend it (as granted at claim time)
 */
public record Lease(RequestId request, WorkerId owner, int attempt, Instant until) {
    public Lease {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(until, "until");
        if (attempt < 1) {
            throw new IllegalArgumentException("a lease is for attempt 1 or later, not " + attempt);
        }
    }
}
