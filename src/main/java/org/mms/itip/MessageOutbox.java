package org.mms.itip;

import java.time.Instant;
import java.util.List;
import org.mms.directory.TenantId;
import org.mms.directory.UserId;

/**
 * The durable queue of update messages a migration owes attendees. Messages are claimed for sending
 * with a lease, so several senders (several processes) never send one twice, and a sender that dies
 * leaves its claims to expire and be taken again.
 */
public interface MessageOutbox {

    /** A message ready to send, as claimed. */
    record Queued(long id, ItipRequest request, int attempts) {
    }

    /** Queues a message to send as soon as possible (an invitation to a new meeting). */
    void enqueue(TenantId tenant, UserId user, String correlationId, String href, ItipRequest request, Instant now);

    /** Claims up to {@code max} messages due at {@code now}, until {@code leaseUntil}. */
    List<Queued> claim(Instant now, Instant leaseUntil, int max);

    /** The mail system accepted it: it is never sent again. */
    void sent(long id, Instant now);

    /**
     * The mail system accepted it for some recipients and refused the others for good: it is never sent
     * again (those who got it must not get it twice), and {@code note} says who did not get it and why.
     */
    void partlySent(long id, Instant now, String note);

    /** Sending failed; try again at {@code nextAttempt}, or never when {@code permanent}. */
    void failed(long id, String error, Instant nextAttempt, boolean permanent);

    /** Counts by state (PENDING, SENDING, SENT, FAILED), for status and tests. */
    java.util.Map<String, Long> counts();
}
