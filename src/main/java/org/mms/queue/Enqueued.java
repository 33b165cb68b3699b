package org.mms.queue;

import java.util.Objects;

/** What {@link MigrationQueue#enqueue} did with a change for a user. */
public sealed interface Enqueued {

    /** The request that now carries the change. */
    MigrationRequest request();

    /** The user had no active request: a new one, due when the settle window has passed. */
    record New(MigrationRequest request) implements Enqueued {
        public New {
            Objects.requireNonNull(request, "request");
        }
    }

    /**
     * The user's request was still waiting (pending, or awaiting approval): the change joined it and the settle
     * window started again.
     */
    record CoalescedIntoPending(MigrationRequest request) implements Enqueued {
        public CoalescedIntoPending {
            Objects.requireNonNull(request, "request");
        }
    }

    /**
     * The user's request was running: the change is noted as its one follow-up and becomes a request of
     * its own (with its own correlation id) when the running one ends. {@code request} is the running one.
     */
    record FollowUpQueued(MigrationRequest request) implements Enqueued {
        public FollowUpQueued {
            Objects.requireNonNull(request, "request");
        }
    }
}
