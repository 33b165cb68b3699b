package org.mms.itip;

import java.time.Instant;
import java.util.List;
import org.mms.directory.TenantId;
import org.mms.directory.UserId;

/**
 * The durable queue of update messages a migration owes attendees, and of the notices organizers get before them. Messages are claimed for sending
 * with a lease, so several senders (several processes) never send one twice, and a sender that dies
 * leaves its claims to expire and be taken again.
 */
public interface MessageOutbox {

    /**
     * A message ready to send, as claimed.
     *
     * @param tenant whose message it is: mailers name messages by it, so two tenants' never share a name
     * @param staged whether an earlier attempt staged it (a sender that died before recording it as sent,
     *               or a release that failed): it is only to be released now (see {@link StagingMailer}),
     *               never written again
     */
    record Queued(long id, TenantId tenant, OutgoingMessage request, int attempts, boolean staged) {
        /** A message not staged yet. */
        public Queued(long id, TenantId tenant, OutgoingMessage request, int attempts) {
            this(id, tenant, request, attempts, false);
        }
    }

    /** Queues a message to send as soon as possible (an invitation to a new meeting). */
    void enqueue(TenantId tenant, UserId user, String correlationId, String href, ItipRequest request, Instant now);

    /**
     * Claims up to {@code max} messages due at {@code now}, until {@code leaseUntil}: of a tenant's new messages no more
     * than its {@link org.mms.directory.OutgoingPacing pacing} allows at {@code now}.
     */
    List<Queued> claim(Instant now, Instant leaseUntil, int max);

    /**
     * The messages are staged ({@link StagingMailer#stage}): if this sender dies now, whoever claims them
     * next only releases them. Only messages still being sent are recorded: one that another sender took
     * over after this one's lease ran out, and has staged or sent since, is not, and this sender must not
     * release it.
     *
     * @return the ids recorded as staged, in the given order
     */
    List<Long> staged(List<Long> ids);

    /** The mail system accepted them: they are never sent again. */
    void sent(List<Long> ids, Instant now);

    /** The mail system accepted it: it is never sent again. */
    default void sent(long id, Instant now) {
        sent(List.of(id), now);
    }

    /**
     * The mail system accepted it for some recipients and refused the others for good: it is never sent
     * again (those who got it must not get it twice), and {@code note} says who did not get it and why.
     */
    void partlySent(long id, Instant now, String note);

    /**
     * Sending failed; try again at {@code nextAttempt}, or never when {@code permanent}. A staged message
     * stays staged, so that the next try releases it and does not write it again.
     */
    void failed(long id, String error, Instant nextAttempt, boolean permanent);

    /**
     * A tenant's messages waiting to go, and when the next may go.
     *
     * @param waiting            update messages not sent yet and not being sent (held for their meeting's write, or due);
     *                           notices to organizers are not updates and not counted
     * @param nextSendTime       when the tenant may send next: {@code now} unless its quiet hours or hourly limit hold messages back
     * @param waitingByMigration the waiting messages by the correlation id of the migration that queued them
     */
    record Pacing(long waiting, Instant nextSendTime, java.util.Map<String, Long> waitingByMigration) {
        public Pacing {
            waitingByMigration = java.util.Map.copyOf(waitingByMigration);
        }
    }

    /** How many of the tenant's messages wait, and until when its pacing holds them back. */
    Pacing pacing(TenantId tenant, Instant now);

    /** Counts by state (HELD, PENDING, SENDING, STAGED, SENT, FAILED), for status and tests. */
    java.util.Map<String, Long> counts();
}
