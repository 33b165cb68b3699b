package org.mms.itip;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.mms.checkpoint.Checkpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One round of sending: claim the due messages, hand each to the mailer, record the result, and tell
 * the mailer the round is over (so an SMTP connection is used for the whole round, then closed).
 *
 * <p>A message the mail system took is marked sent exactly once, whether it went to every recipient
 * or to all but some it refused for good ({@link Delivery.PartlyRejected}, recorded with a note). A
 * message refused for good ({@link MailRejectedException#permanent()}) is failed at once. Any other
 * failure is retried with growing delays and given up after {@link #MAX_ATTEMPTS}.
 */
public final class SendOutbox {

    static final int MAX_ATTEMPTS = 10;
    /**
     * Tries at recording that the mail system took a message. A message taken but not recorded goes out
     * again when its claim runs out, so a passing failure (a lock wait that timed out under load) is tried
     * again at once rather than left to do that.
     */
    static final int RECORD_ATTEMPTS = 5;
    /** How long a claimed round is this sender's before another may take it (a sender that died). */
    static final Duration DEFAULT_LEASE = Duration.ofMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(SendOutbox.class);

    private final MessageOutbox outbox;
    private final Mailer mailer;
    private final Clock clock;

    private final Checkpoint checkpoint;

    private final Duration lease;

    public SendOutbox(MessageOutbox outbox, Mailer mailer, Clock clock) {
        this(outbox, mailer, clock, DEFAULT_LEASE, Checkpoint.NONE);
    }

    public SendOutbox(MessageOutbox outbox, Mailer mailer, Clock clock, Duration lease, Checkpoint checkpoint) {
        this.lease = lease;
        this.checkpoint = checkpoint;
        this.outbox = outbox;
        this.mailer = mailer;
        this.clock = clock;
    }

    /** Sends what is due; returns how many messages the mail system took. */
    public int runOnce(int max) {
        Instant now = clock.instant();
        int sent = 0;
        try {
            List<MessageOutbox.Queued> claimed = outbox.claim(now, now.plus(lease), max);
            if (!claimed.isEmpty()) {
                checkpoint.reached(Checkpoint.MESSAGES_CLAIMED);
            }
            for (MessageOutbox.Queued message : claimed) {
                if (send(message)) {
                    sent++;
                }
            }
        } finally {
            mailer.endRound();
        }
        return sent;
    }

    private boolean send(MessageOutbox.Queued message) {
        Delivery delivery;
        try {
            delivery = mailer.send(message.request());
        } catch (MailRejectedException e) {
            failed(message, e.getMessage(), e.permanent());
            return false;
        } catch (RuntimeException e) {
            failed(message, String.valueOf(e.getMessage()), false);
            return false;
        }
        checkpoint.reached(Checkpoint.MESSAGE_HANDED_OVER);
        // Outside the try on purpose: the mail system has the message now, so a failure to record that
        // must not be recorded as a failed send (which would send it again). It propagates instead, and
        // the claim's lease runs out; only then can the message go out a second time, with the same
        // Message-ID.
        switch (delivery) {
            case Delivery.Accepted accepted -> record(message, () -> outbox.sent(message.id(), clock.instant()));
            case Delivery.PartlyRejected partly -> {
                LOG.warn("the update for {} was sent, but {}", message.request().uid(), partly.note());
                record(message, () -> outbox.partlySent(message.id(), clock.instant(), partly.note()));
            }
        }
        return true;
    }

    /** Records a message as sent, trying again a few times, with short pauses, before giving up. */
    private void record(MessageOutbox.Queued message, Runnable recording) {
        for (int attempt = 1; ; attempt++) {
            try {
                recording.run();
                return;
            } catch (RuntimeException e) {
                if (attempt >= RECORD_ATTEMPTS) {
                    throw e;
                }
                LOG.warn("recording that the update for {} was sent failed (attempt {}), trying again: {}", message.request().uid(),
                        attempt, e.toString());
                try {
                    Thread.sleep(50L << attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private void failed(MessageOutbox.Queued message, String error, boolean permanent) {
        int attempts = message.attempts() + 1;
        boolean giveUp = permanent || attempts >= MAX_ATTEMPTS;
        Duration delay = Duration.ofSeconds(Math.min(3600, 5L << Math.min(attempts, 10)));
        if (giveUp) {
            LOG.error("gave up sending the update for {} (attempt {}{}): {}", message.request().uid(), attempts,
                    permanent ? ", refused for good" : "", error);
        } else {
            LOG.warn("sending the update for {} failed (attempt {}), trying again in {}: {}",
                    message.request().uid(), attempts, delay, error);
        }
        Instant now = clock.instant();
        outbox.failed(message.id(), error, giveUp ? now : now.plus(delay), giveUp);
    }
}
