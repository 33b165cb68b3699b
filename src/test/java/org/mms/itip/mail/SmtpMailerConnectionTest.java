package org.mms.itip.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mms.itip.mail.SmtpMailerTest.CLOCK;
import static org.mms.itip.mail.SmtpMailerTest.SERVICE;
import static org.mms.testing.ItipRequests.aRequest;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mms.itip.Delivery;
import org.mms.itip.MailRejectedException;
import org.mms.itip.Mailbox;

/** One connection per sending round, a new one when the server dropped it, and the rate limit. */
class SmtpMailerConnectionTest {

    private final TestSmtpServer server = TestSmtpServer.plain();
    private final RateLimitTest.FakeTime time = new RateLimitTest.FakeTime();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void a_round_of_many_messages_uses_one_connection() {
        try (SmtpMailer mailer = mailer(1_000)) {
            for (int i = 0; i < 50; i++) {
                mailer.send(aRequest().uid("meeting-" + i).attendees(Mailbox.of("bo@contoso.com")).build());
            }
        }

        assertThat(server.received()).hasSize(50);
        assertThat(server.connections()).isEqualTo(1);
    }

    @Test
    void the_end_of_a_round_closes_the_connection_and_the_next_round_opens_one() {
        try (SmtpMailer mailer = mailer(1_000)) {
            mailer.send(aRequest().uid("first").build());
            mailer.send(aRequest().uid("second").build());
            mailer.endRound();
            mailer.send(aRequest().uid("third").build());
        }

        assertThat(server.connections()).isEqualTo(2);
        assertThat(server.received()).hasSize(6);
    }

    @Test
    void a_connection_the_server_dropped_is_replaced_and_the_message_arrives_once() {
        try (SmtpMailer mailer = mailer(1_000)) {
            mailer.send(aRequest().uid("before").attendees(Mailbox.of("bo@contoso.com")).build());
            server.dropConnections();

            Delivery delivery = mailer.send(aRequest().uid("after").attendees(Mailbox.of("bo@contoso.com")).build());

            assertThat(delivery).isEqualTo(Delivery.accepted());
        }
        assertThat(server.received()).hasSize(2);
        assertThat(server.connections()).isEqualTo(2);
    }

    @Test
    void a_421_to_mail_from_is_sent_again_once_on_a_new_connection() {
        server.replyToNextMailFrom("421 4.7.0 Too many messages in this connection");

        try (SmtpMailer mailer = mailer(1_000)) {
            assertThat(mailer.send(aRequest().attendees(Mailbox.of("bo@contoso.com")).build())).isEqualTo(Delivery.accepted());
        }

        assertThat(server.received()).hasSize(1);
        assertThat(server.connections()).isEqualTo(2);
    }

    @Test
    void losing_the_connection_twice_before_the_content_is_transient_and_sends_nothing() {
        server.replyToNextMailFrom("421 4.3.2 shutting down", "421 4.3.2 shutting down");

        try (SmtpMailer mailer = mailer(1_000)) {
            assertThatThrownBy(() -> mailer.send(aRequest().build()))
                    .isInstanceOfSatisfying(MailRejectedException.class, e -> {
                        assertThat(e.permanent()).isFalse();
                        assertThat(e.getMessage()).contains("lost the connection twice", "421 4.3.2 shutting down");
                    });
        }
        assertThat(server.received()).isEmpty();
    }

    @Test
    void messages_are_spaced_by_the_rate_limit_on_the_injected_time() {
        try (SmtpMailer mailer = mailer(2)) {
            for (int i = 0; i < 5; i++) {
                mailer.send(aRequest().uid("meeting-" + i).build());
            }
        }

        assertThat(time.sleeps).containsExactly(Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofMillis(500),
                Duration.ofMillis(500));
        assertThat(server.received()).hasSize(10);
    }

    @Test
    void an_interrupted_wait_sends_nothing_and_is_transient() {
        RateLimit interrupted = new RateLimit(1, time::now, duration -> {
            throw new InterruptedException("stopping");
        });
        try (SmtpMailer mailer = new SmtpMailer(server.settings("127.0.0.1"), new ComposeImipMessage(CLOCK, Optional.of(SERVICE)),
                Optional.empty(), interrupted)) {
            mailer.send(aRequest().uid("first").build());

            assertThatThrownBy(() -> mailer.send(aRequest().uid("second").build()))
                    .isInstanceOfSatisfying(MailRejectedException.class, e -> assertThat(e.permanent()).isFalse());
            assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();
        }
        assertThat(server.received()).hasSize(2);
    }

    private SmtpMailer mailer(double perSecond) {
        return new SmtpMailer(server.settings("127.0.0.1"), new ComposeImipMessage(CLOCK, Optional.of(SERVICE)), Optional.empty(),
                new RateLimit(perSecond, time::now, time));
    }
}
