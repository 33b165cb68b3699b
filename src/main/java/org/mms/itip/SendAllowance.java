package org.mms.itip;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.mms.directory.OutgoingPacing;

/**
 * How many of a tenant's messages may be claimed now, and from when it may send again when none may.
 *
 * <p>The limit holds over a sliding hour: a message counts from the moment it was recorded as sent until
 * an hour later, and a message claimed but not yet recorded counts as well (it is about to go), so that
 * several senders taking turns never exceed it together.
 *
 * @param messages     how many may be claimed now (0 or more); {@link Integer#MAX_VALUE} when nothing limits it
 * @param nextSendTime when a message may go: {@code now} when {@code messages > 0}
 */
public record SendAllowance(int messages, Instant nextSendTime) {

    /** The span the rate limit counts over. */
    public static final Duration WINDOW = Duration.ofHours(1);

    public SendAllowance {
        Objects.requireNonNull(nextSendTime, "nextSendTime");
        if (messages < 0) {
            throw new IllegalArgumentException("a negative allowance: " + messages);
        }
    }

    /**
     * @param sentInWindow the times the tenant's messages were recorded as sent after {@code now - WINDOW}, earliest first
     * @param inFlight     how many of its messages are claimed and not yet recorded as sent
     */
    public static SendAllowance of(OutgoingPacing pacing, Instant now, List<Instant> sentInWindow, long inFlight) {
        Instant from = now;
        int messages = Integer.MAX_VALUE;
        if (pacing.maxUpdatesPerHour().isPresent()) {
            int max = pacing.maxUpdatesPerHour().getAsInt();
            long used = sentInWindow.size() + inFlight;
            if (used < max) {
                messages = (int) (max - used);
            } else {
                // One slot frees when the (used - max + 1)-th oldest sent message leaves the window; messages
                // in flight leave it only once sent, an hour after that at the earliest.
                long mustLeave = used - max + 1;
                from = mustLeave <= sentInWindow.size() ? sentInWindow.get((int) mustLeave - 1).plus(WINDOW) : now.plus(WINDOW);
                messages = 0;
            }
        }
        if (pacing.quietHours().isPresent() && pacing.quietHours().get().contains(from)) {
            from = pacing.quietHours().get().endAfter(from);
            messages = 0;
        }
        return messages == 0 ? new SendAllowance(0, from) : new SendAllowance(messages, now);
    }
}
