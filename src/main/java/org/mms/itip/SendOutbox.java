package org.mms.itip;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One round of sending: claim the due messages, hand each to the mailer, record the result. A
 * message is marked sent only after the mailer took it; a failure is retried with growing delays, and
 * given up after {@link #MAX_ATTEMPTS}.
 */
public final class SendOutbox {

    static final int MAX_ATTEMPTS = 10;
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(SendOutbox.class);

    private final MessageOutbox outbox;
    private final Mailer mailer;
    private final Clock clock;

    public SendOutbox(MessageOutbox outbox, Mailer mailer, Clock clock) {
        this.outbox = outbox;
        this.mailer = mailer;
        this.clock = clock;
    }

    /** Sends what is due; returns how many messages were sent. */
    public int runOnce(int max) {
        Instant now = clock.instant();
        int sent = 0;
        for (MessageOutbox.Queued message : outbox.claim(now, now.plus(LEASE), max)) {
            try {
                mailer.send(message.request());
                outbox.sent(message.id(), clock.instant());
                sent++;
            } catch (RuntimeException e) {
                int attempts = message.attempts() + 1;
                boolean giveUp = attempts >= MAX_ATTEMPTS;
                Duration delay = Duration.ofSeconds(Math.min(3600, 5L << Math.min(attempts, 10)));
                LOG.warn("sending the update for {} failed (attempt {}): {}", message.request().uid(), attempts, e.getMessage());
                outbox.failed(message.id(), String.valueOf(e.getMessage()), clock.instant().plus(delay), giveUp);
            }
        }
        return sent;
    }
}
