package org.mms.itip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mms.testing.ItipRequests.aRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.mms.testing.MutableClock;
import org.mms.testing.RecordingOutbox;

class SendOutboxTest {

    private static final Instant NOW = Instant.parse("2026-12-07T08:30:00Z");

    private final MutableClock clock = MutableClock.at(NOW);
    private final RecordingOutbox outbox = new RecordingOutbox();
    private final ScriptedMailer mailer = new ScriptedMailer();
    private final SendOutbox sender = new SendOutbox(outbox, mailer, clock);

    @Test
    void a_message_the_mail_system_took_is_marked_sent_once() {
        outbox.add(aRequest().build());
        mailer.then(Delivery::accepted);

        assertThat(sender.runOnce(10)).isEqualTo(1);

        assertThat(outbox.calls()).containsExactly(new RecordingOutbox.Call.Sent(1, NOW));
    }

    @Test
    void a_message_taken_for_all_but_some_recipients_is_sent_with_a_note_naming_them() {
        outbox.add(aRequest().build());
        mailer.then(() -> new Delivery.PartlyRejected(List.of("gone@contoso.com"), "550 5.1.1 mailbox unavailable"));

        assertThat(sender.runOnce(10)).isEqualTo(1);

        assertThat(outbox.calls()).containsExactly(new RecordingOutbox.Call.PartlySent(1, NOW,
                "not delivered to gone@contoso.com: 550 5.1.1 mailbox unavailable"));
    }

    @Test
    void a_message_refused_for_good_fails_at_once_without_a_retry() {
        outbox.add(aRequest().build());
        mailer.then(() -> {
            throw rejected(true, "SMTP server x refused the message for good at MAIL FROM: 550 no");
        });

        assertThat(sender.runOnce(10)).isZero();

        assertThat(outbox.calls()).containsExactly(new RecordingOutbox.Call.Failed(1,
                "SMTP server x refused the message for good at MAIL FROM: 550 no", NOW, true));
    }

    @Test
    void a_transient_rejection_is_retried_later_with_the_reason_recorded() {
        outbox.add(aRequest().build());
        mailer.then(() -> {
            throw rejected(false, "SMTP server x did not take the message at MAIL FROM: 451 busy");
        });

        sender.runOnce(10);

        assertThat(outbox.calls()).containsExactly(new RecordingOutbox.Call.Failed(1,
                "SMTP server x did not take the message at MAIL FROM: 451 busy", NOW.plusSeconds(10), false));
    }

    @Test
    void any_other_failure_is_retried_with_growing_delays() {
        outbox.add(aRequest().uid("a").build(), 0).add(aRequest().uid("b").build(), 3);
        mailer.then(() -> {
            throw new UncheckedIOException(new IOException("disk full"));
        }).then(() -> {
            throw new UncheckedIOException(new IOException("disk full"));
        });

        sender.runOnce(10);

        assertThat(outbox.calls()).containsExactly(
                new RecordingOutbox.Call.Failed(1, "java.io.IOException: disk full", NOW.plus(Duration.ofSeconds(10)), false),
                new RecordingOutbox.Call.Failed(2, "java.io.IOException: disk full", NOW.plus(Duration.ofSeconds(80)), false));
    }

    @Test
    void a_transient_failure_is_given_up_after_the_last_attempt() {
        outbox.add(aRequest().build(), SendOutbox.MAX_ATTEMPTS - 1);
        mailer.then(() -> {
            throw rejected(false, "451 still busy");
        });

        sender.runOnce(10);

        assertThat(outbox.calls()).containsExactly(new RecordingOutbox.Call.Failed(1, "451 still busy", NOW, true));
    }

    @Test
    void one_failure_does_not_stop_the_round_and_the_round_ends_once_after_the_last_message() {
        outbox.add(aRequest().uid("a").build()).add(aRequest().uid("b").build()).add(aRequest().uid("c").build());
        mailer.then(Delivery::accepted).then(() -> {
            throw rejected(true, "550 no");
        }).then(Delivery::accepted);

        assertThat(sender.runOnce(10)).isEqualTo(2);

        assertThat(outbox.calls()).extracting(call -> call.getClass().getSimpleName()).containsExactly("Sent", "Failed", "Sent");
        assertThat(mailer.events).containsExactly("send a", "send b", "send c", "end of round");
    }

    @Test
    void recording_a_sent_message_is_tried_again_when_it_fails_for_a_moment_and_the_message_goes_out_once() {
        outbox.add(aRequest().uid("a").build());
        outbox.failNextSent(new IllegalStateException("Timeout trying to lock table"), SendOutbox.RECORD_ATTEMPTS - 1);
        mailer.then(Delivery::accepted);

        assertThat(sender.runOnce(10)).isEqualTo(1);

        assertThat(outbox.calls()).containsExactly(new RecordingOutbox.Call.Sent(1, NOW));
        assertThat(mailer.events).containsExactly("send a", "end of round");
    }

    @Test
    void a_message_the_mail_system_took_is_never_recorded_as_failed_even_when_recording_it_fails() {
        outbox.add(aRequest().uid("a").build()).add(aRequest().uid("b").build());
        outbox.failNextSent(new IllegalStateException("database is down"), SendOutbox.RECORD_ATTEMPTS);
        mailer.then(Delivery::accepted).then(Delivery::accepted);

        assertThatThrownBy(() -> sender.runOnce(10)).hasMessage("database is down");

        assertThat(outbox.calls()).isEmpty();
        assertThat(mailer.events).as("the round stops there, and still ends").containsExactly("send a", "end of round");
    }

    @Test
    void claims_at_most_the_given_number_of_messages() {
        for (int i = 0; i < 5; i++) {
            outbox.add(aRequest().uid("m" + i).build());
            mailer.then(Delivery::accepted);
        }

        assertThat(sender.runOnce(3)).isEqualTo(3);
        assertThat(sender.runOnce(3)).isEqualTo(2);
        assertThat(mailer.events).containsExactly("send m0", "send m1", "send m2", "end of round", "send m3", "send m4",
                "end of round");
    }

    private static MailRejectedException rejected(boolean permanent, String message) {
        return new MailRejectedException(permanent, List.of(), "reply", message, null);
    }

    /** A Mailer test double: answers each send with the next scripted outcome, and records sends and round ends. */
    private static final class ScriptedMailer implements Mailer {
        final Deque<Supplier<Delivery>> script = new ArrayDeque<>();
        final List<String> events = new ArrayList<>();

        ScriptedMailer then(Supplier<Delivery> outcome) {
            script.add(outcome);
            return this;
        }

        @Override
        public Delivery send(OutgoingMessage request) {
            events.add("send " + request.uid());
            return script.remove().get();
        }

        @Override
        public void endRound() {
            events.add("end of round");
        }
    }
}
