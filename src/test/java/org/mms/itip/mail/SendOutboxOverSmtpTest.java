package org.mms.itip.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mms.itip.mail.SmtpMailerTest.SERVICE;
import static org.mms.testing.ItipRequests.aRequest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mms.itip.Mailbox;
import org.mms.itip.SendOutbox;
import org.mms.testing.MutableClock;
import org.mms.testing.RecordingOutbox;
import org.mms.testing.RecordingOutbox.Call;

/** A sending round end to end: outbox (an in-memory double of the port) → SendOutbox → SmtpMailer → GreenMail. */
class SendOutboxOverSmtpTest {

    private static final Instant NOW = Instant.parse("2026-12-07T08:30:00Z");
    private static final Mailbox BO = Mailbox.of("bo@contoso.com");
    private static final Mailbox GONE = Mailbox.of("gone@contoso.com");
    private static final Mailbox NOBODY = Mailbox.of("nobody@contoso.com");

    private final MutableClock clock = MutableClock.at(NOW);
    private final TestSmtpServer server = TestSmtpServer.plain()
            .replyToRecipient("gone@contoso.com", "550 5.1.1 mailbox unavailable")
            .replyToRecipient("nobody@contoso.com", "550 5.1.1 mailbox unavailable");
    private final RecordingOutbox outbox = new RecordingOutbox();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void each_message_is_recorded_once_as_sent_partly_sent_or_failed_for_good_over_one_connection() {
        outbox.add(aRequest().uid("fine").attendees(BO).build())
                .add(aRequest().uid("partly").attendees(BO, GONE).build())
                .add(aRequest().uid("nobody").attendees(GONE, NOBODY).build())
                .add(aRequest().uid("fine-too").attendees(BO).build());

        try (SmtpMailer mailer = new SmtpMailer(server.settings("127.0.0.1"), new ComposeImipMessage(clock, Optional.of(SERVICE)))) {
            int sent = new SendOutbox(outbox, mailer, clock).runOnce(10);

            assertThat(sent).isEqualTo(3);
        }

        List<Call> calls = outbox.calls();
        assertThat(calls).hasSize(4);
        assertThat(calls.get(0)).isEqualTo(new Call.Sent(1, NOW));
        assertThat(calls.get(1)).isEqualTo(new Call.PartlySent(2, NOW, "not delivered to gone@contoso.com: 550 5.1.1 mailbox unavailable"));
        assertThat(calls.get(2)).isInstanceOfSatisfying(Call.Failed.class, failed -> {
            assertThat(failed.id()).isEqualTo(3);
            assertThat(failed.permanent()).isTrue();
            assertThat(failed.error()).contains("refused every recipient for good", "550 5.1.1");
        });
        assertThat(calls.get(3)).isEqualTo(new Call.Sent(4, NOW));
        assertThat(server.copiesFor("bo@contoso.com")).isEqualTo(3);
        assertThat(server.copiesFor("gone@contoso.com")).isZero();
        assertThat(server.connections()).isEqualTo(1);
    }

    @Test
    void the_next_round_opens_a_new_connection_because_the_last_one_was_closed() {
        try (SmtpMailer mailer = new SmtpMailer(server.settings("127.0.0.1"), new ComposeImipMessage(clock, Optional.of(SERVICE)))) {
            SendOutbox sender = new SendOutbox(outbox, mailer, clock);
            outbox.add(aRequest().uid("first").attendees(BO).build());
            sender.runOnce(10);
            outbox.add(aRequest().uid("second").attendees(BO).build());
            sender.runOnce(10);
        }

        assertThat(outbox.calls()).containsExactly(new Call.Sent(1, NOW), new Call.Sent(2, NOW));
        assertThat(server.connections()).isEqualTo(2);
    }
}
