package org.mms.itip;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 *
 * <p>A {@link StagingMailer} (the pickup directory) gets the round in two steps: staged, recorded as
 * staged, released, recorded as sent, so that a sender killed anywhere in between never makes a message
 * go out twice, and the round shares its disk flushes and its two records. Any other mailer (SMTP) gets
 * one message at a time, each recorded as soon as the mail system took it: there, a sender killed
 * between the two can deliver that one message twice.
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
        try {
            List<MessageOutbox.Queued> claimed = outbox.claim(now, now.plus(lease), max);
            if (claimed.isEmpty()) {
                return 0;
            }
            checkpoint.reached(Checkpoint.MESSAGES_CLAIMED);
            return mailer instanceof StagingMailer staging ? sendStaged(staging, claimed) : sendEach(claimed);
        } finally {
            mailer.endRound();
        }
    }

    private int sendEach(List<MessageOutbox.Queued> claimed) {
        int sent = 0;
        for (MessageOutbox.Queued message : claimed) {
            if (send(message)) {
                sent++;
            }
        }
        return sent;
    }

    private int sendStaged(StagingMailer staging, List<MessageOutbox.Queued> claimed) {
        Map<Long, MessageOutbox.Queued> byId = new LinkedHashMap<>();
        List<MessageOutbox.Queued> fresh = new ArrayList<>();
        for (MessageOutbox.Queued message : claimed) {
            byId.put(message.id(), message);
            if (!message.staged()) {
                fresh.add(message);
            }
        }
        // 1. Stage the new ones: on disk, out of the mail system's sight. A message staged by a sender
        //    that died is only released (3.), never written again.
        List<Long> stagedNow = fresh.isEmpty() ? List.of() : succeeded(fresh, staging.stage(fresh), byId);
        if (!stagedNow.isEmpty()) {
            checkpoint.reached(Checkpoint.MESSAGES_STAGED);
        }
        // 2. Record them as staged, all in one go.
        List<Long> recorded = stagedNow.isEmpty() ? List.of() : outbox.staged(stagedNow);

        // 3. Release those staged by a sender that died, and those this one still holds.
        List<MessageOutbox.Queued> toRelease = new ArrayList<>();
        for (MessageOutbox.Queued message : claimed) {
            if (message.staged() || recorded.contains(message.id())) {
                toRelease.add(message);
            }
        }
        if (toRelease.isEmpty()) {
            return 0;
        }
        List<Long> released = succeeded(toRelease, staging.release(toRelease), byId);
        if (released.isEmpty()) {
            return 0;
        }
        // 4. Record them as sent, all in one go.
        checkpoint.reached(Checkpoint.MESSAGE_HANDED_OVER);
        record(released.size() + " updates", () -> outbox.sent(released, clock.instant()));
        return released.size();
    }

    /** Records each failure of a step (to be tried again later) and returns the ids of the rest, in order. */
    private List<Long> succeeded(List<MessageOutbox.Queued> step, Map<Long, RuntimeException> failures, Map<Long, MessageOutbox.Queued> byId) {
        failures.forEach((id, e) -> failed(byId.get(id), String.valueOf(e.getMessage()), false));
        List<Long> rest = new ArrayList<>();
        step.forEach(message -> rest.add(message.id()));
        rest.removeAll(failures.keySet());
        return rest;
    }

    private boolean send(MessageOutbox.Queued message) {
        Delivery delivery;
        try {
            delivery = mailer.send(java.util.Optional.of(message.tenant()), message.request());
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
        String what = "the update for " + message.request().uid();
        switch (delivery) {
            case Delivery.Accepted accepted -> record(what, () -> outbox.sent(message.id(), clock.instant()));
            case Delivery.PartlyRejected partly -> {
                LOG.warn("the update for {} was sent, but {}", message.request().uid(), partly.note());
                record(what, () -> outbox.partlySent(message.id(), clock.instant(), partly.note()));
            }
        }
        return true;
    }

    /** Records that messages were sent, trying again a few times, with short pauses, before giving up. */
    private void record(String what, Runnable recording) {
        for (int attempt = 1; ; attempt++) {
            try {
                recording.run();
                return;
            } catch (RuntimeException e) {
                if (attempt >= RECORD_ATTEMPTS) {
                    throw e;
                }
                LOG.warn("recording that {} went out failed (attempt {}), trying again: {}", what, attempt, e.toString());
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
