package org.mms.calendar;

import java.util.Objects;
import java.util.Optional;

/**
 * What became of a write. Losing a race is an expected outcome, not an error: the caller re-reads,
 * plans again and retries with the new ETag.
 */
public sealed interface WriteResult {

    /** The bytes are stored; {@code etag} names this version, for the next conditional write. */
    record Written(String etag) implements WriteResult {
        public Written {
            Objects.requireNonNull(etag, "etag");
        }
    }

    /**
     * Nothing was written: the resource changed since the caller read it (its ETag is no longer the
     * {@code If-Match}), or a create found the name taken. {@code currentEtag} is what the store now
     * holds, when it said so (a CalDAV 412 need not).
     */
    record PreconditionFailed(Optional<String> currentEtag) implements WriteResult {
        public PreconditionFailed {
            Objects.requireNonNull(currentEtag, "currentEtag");
        }
    }

    /** Nothing was written: a conditional write named a resource that does not exist (any more). */
    record NotFound() implements WriteResult {
    }

    /**
     * Nothing was written, and writing it again will not help: the store refused this resource for
     * good (a CalDAV server answering 403 or 415 to this one PUT). {@code reason} says what the store
     * said, for the admin; the other meetings of the run go on.
     */
    record Refused(String reason) implements WriteResult {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
