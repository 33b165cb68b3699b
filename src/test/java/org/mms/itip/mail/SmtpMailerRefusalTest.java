package org.mms.itip.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mms.itip.mail.SmtpMailerTest.CLOCK;
import static org.mms.itip.mail.SmtpMailerTest.SERVICE;
import static org.mms.testing.ItipRequests.aRequest;

import jakarta.mail.Message;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mms.itip.Delivery;
import org.mms.itip.ItipRequest;
import org.mms.itip.MailRejectedException;
import org.mms.itip.Mailbox;

/** The server's refusals, replied by GreenMail itself (its sender / recipient / content checks), as the mailer reports them. */
class SmtpMailerRefusalTest {

    private static final Mailbox BO = Mailbox.of("bo@contoso.com", "Bo");
    private static final Mailbox GONE = Mailbox.of("gone@contoso.com", "Gone");
    private static final Mailbox CY = Mailbox.of("cy@contoso.com", "Cy");

    private final TestSmtpServer server = TestSmtpServer.plain();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void a_recipient_refused_for_good_is_reported_and_the_others_get_the_message_once() throws Exception {
        server.replyToRecipient("gone@contoso.com", "550 5.1.1 <gone@contoso.com>: mailbox unavailable");

        Delivery delivery = send(aRequest().attendees(BO, GONE, CY).build());

        assertThat(delivery).isEqualTo(new Delivery.PartlyRejected(List.of("gone@contoso.com"),
                "550 5.1.1 <gone@contoso.com>: mailbox unavailable"));
        assertThat(server.received()).hasSize(2);
        assertThat(server.copiesFor("bo@contoso.com")).isEqualTo(1);
        assertThat(server.copiesFor("cy@contoso.com")).isEqualTo(1);
        assertThat(server.copiesFor("gone@contoso.com")).isZero();
        // The To header still lists everyone the organizer invited: only the envelope left the refused one out.
        assertThat(server.received().getFirst().getRecipients(Message.RecipientType.TO)).hasSize(3);
        assertThat(server.connections()).isEqualTo(1);
    }

    @Test
    void every_recipient_refused_for_good_is_permanent_names_them_and_sends_nothing() {
        server.replyToRecipient("bo@contoso.com", "550 5.1.1 no such user");
        server.replyToRecipient("gone@contoso.com", "553 5.1.3 bad address");

        assertThatThrownBy(() -> send(aRequest().attendees(BO, GONE).build()))
                .isInstanceOfSatisfying(MailRejectedException.class, e -> {
                    assertThat(e.permanent()).isTrue();
                    assertThat(e.rejectedRecipients()).containsExactlyInAnyOrder("bo@contoso.com", "gone@contoso.com");
                    assertThat(e.getMessage()).contains("refused every recipient for good");
                });
        assertThat(server.received()).isEmpty();
    }

    @Test
    void a_recipient_refused_for_now_holds_back_the_whole_message() {
        server.replyToRecipient("gone@contoso.com", "550 5.1.1 mailbox unavailable");
        server.replyToRecipient("cy@contoso.com", "452 4.2.2 mailbox full");

        assertThatThrownBy(() -> send(aRequest().attendees(BO, GONE, CY).build()))
                .isInstanceOfSatisfying(MailRejectedException.class, e -> {
                    assertThat(e.permanent()).isFalse();
                    assertThat(e.getMessage()).contains("cy@contoso.com", "452 4.2.2 mailbox full");
                });
        assertThat(server.received()).as("nobody got it, so everyone can get it on the next try").isEmpty();
    }

    @Test
    void a_5xx_to_the_content_is_permanent_and_the_connection_serves_the_next_message() {
        server.replyToNextContent("554 5.7.1 Message rejected as spam");

        try (SmtpMailer mailer = mailer()) {
            assertThatThrownBy(() -> mailer.send(aRequest().uid("spam").build()))
                    .isInstanceOfSatisfying(MailRejectedException.class, e -> {
                        assertThat(e.permanent()).isTrue();
                        assertThat(e.reply()).isEqualTo("554 5.7.1 Message rejected as spam");
                        assertThat(e.getMessage()).contains("refused the message for good at the end of the content");
                    });
            assertThat(mailer.send(aRequest().uid("fine").build())).isEqualTo(Delivery.accepted());
        }
        assertThat(server.connections()).isEqualTo(1);
    }

    @Test
    void a_5xx_to_mail_from_is_permanent() {
        server.replyToNextMailFrom("550 5.7.60 Client does not have permissions to send as this sender");

        assertThatThrownBy(() -> send(aRequest().build()))
                .isInstanceOfSatisfying(MailRejectedException.class, e -> {
                    assertThat(e.permanent()).isTrue();
                    assertThat(e.getMessage()).contains("at MAIL FROM", "5.7.60");
                });
        assertThat(server.received()).isEmpty();
    }

    @Test
    void a_4xx_to_mail_from_is_transient() {
        server.replyToNextMailFrom("451 4.7.500 Server busy, try again later");

        assertThatThrownBy(() -> send(aRequest().build()))
                .isInstanceOfSatisfying(MailRejectedException.class, e -> assertThat(e.permanent()).isFalse());
        assertThat(server.received()).isEmpty();
    }

    @Test
    void a_server_that_cannot_be_reached_is_transient_and_named() {
        int port = server.port();
        server.close();

        try (SmtpMailer mailer = new SmtpMailer(new SmtpSettings("127.0.0.1", port, SmtpSettings.Security.NONE, Optional.empty(),
                java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(2), 1_000), composer())) {
            assertThatThrownBy(() -> mailer.send(aRequest().build()))
                    .isInstanceOfSatisfying(MailRejectedException.class, e -> {
                        assertThat(e.permanent()).isFalse();
                        assertThat(e.getMessage()).contains("127.0.0.1:" + port, "could not be reached");
                    });
        }
    }

    private Delivery send(ItipRequest request) {
        try (SmtpMailer mailer = mailer()) {
            return mailer.send(request);
        }
    }

    private SmtpMailer mailer() {
        return new SmtpMailer(server.settings("127.0.0.1"), composer());
    }

    private static ComposeImipMessage composer() {
        return new ComposeImipMessage(CLOCK, Optional.of(SERVICE));
    }
}
