package org.mms.itip.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The classification table, one row at a time, on the exceptions Angus Mail throws for each case. */
class ClassifySmtpFailureTest {

    // --- reply codes to the message's own commands ---

    @ParameterizedTest
    @ValueSource(ints = {500, 550, 552, 553, 554, 571})
    void a_5xx_reply_to_mail_from_or_the_content_is_permanent(int code) {
        for (String command : List.of("MAIL FROM:<mms@service.contoso.com>", "DATA", ".")) {
            SmtpFailure failure = sending(new SMTPSendFailedException(command, code, code + " 5.7.1 refused", null, null, null, null));

            assertThat(failure).isInstanceOfSatisfying(SmtpFailure.NotSent.class, notSent -> {
                assertThat(notSent.permanent()).isTrue();
                assertThat(notSent.reply()).isEqualTo(code + " 5.7.1 refused");
            });
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {450, 451, 452, 454})
    void a_4xx_reply_is_transient(int code) {
        SmtpFailure failure = sending(new SMTPSendFailedException(".", code, code + " 4.3.0 try later", null, null, null, null));

        assertThat(failure).isInstanceOfSatisfying(SmtpFailure.NotSent.class, notSent -> assertThat(notSent.permanent()).isFalse());
    }

    @ParameterizedTest
    @ValueSource(ints = {530, 534, 535, 538})
    void a_login_reply_is_transient_and_says_to_check_the_login(int code) {
        SmtpFailure failure = sending(new SMTPSendFailedException("MAIL FROM:<a@b.c>", code, code + " 5.7.0 Authentication required",
                null, null, null, null));

        assertThat(failure).isInstanceOfSatisfying(SmtpFailure.NotSent.class, notSent -> {
            assertThat(notSent.permanent()).isFalse();
            assertThat(notSent.what()).contains("username and password");
        });
    }

    @Test
    void the_mail_from_stage_is_named() {
        SmtpFailure failure = sending(new SMTPSendFailedException("MAIL FROM:<a@b.c>", 550, "550 no", null, null, null, null));

        assertThat(((SmtpFailure.NotSent) failure).what()).isEqualTo("refused the message for good at MAIL FROM");
    }

    // --- a connection that is gone ---

    @Test
    void a_421_or_end_of_stream_before_the_content_is_a_lost_connection() {
        assertThat(sending(new SMTPSendFailedException("MAIL FROM:<a@b.c>", 421, "421 4.7.0 too many messages", null, null, null, null)))
                .isInstanceOf(SmtpFailure.ConnectionLost.class);
        assertThat(sending(new SMTPSendFailedException("MAIL FROM:<a@b.c>", -1, "[EOF]", null, null, null, null)))
                .isInstanceOf(SmtpFailure.ConnectionLost.class);
    }

    @Test
    void an_io_error_or_timeout_before_the_content_is_a_lost_connection() {
        assertThat(sending(new MessagingException("Can't send command to SMTP host", new IOException("Broken pipe"))))
                .isInstanceOf(SmtpFailure.ConnectionLost.class);
        assertThat(sending(new MessagingException("Exception reading response", new SocketTimeoutException("Read timed out"))))
                .isInstanceOf(SmtpFailure.ConnectionLost.class);
        assertThat(sending(new IllegalStateException("Not connected"))).isInstanceOf(SmtpFailure.ConnectionLost.class);
    }

    @Test
    void the_same_after_the_content_started_is_transient_because_the_server_may_have_the_message() {
        SmtpFailure afterContent = ClassifySmtpFailure.sending(
                new SMTPSendFailedException(".", -1, "[EOF]", null, null, null, null), true, 2);
        SmtpFailure timedOut = ClassifySmtpFailure.sending(
                new MessagingException("Exception reading response", new SocketTimeoutException("Read timed out")), true, 2);

        for (SmtpFailure failure : List.of(afterContent, timedOut)) {
            assertThat(failure).isInstanceOfSatisfying(SmtpFailure.NotSent.class, notSent -> {
                assertThat(notSent.permanent()).isFalse();
                assertThat(notSent.what()).contains("may have the message");
            });
        }
    }

    // --- recipients ---

    @Test
    void some_recipients_refused_with_5xx_and_the_others_accepted_is_partial() throws Exception {
        SmtpFailure failure = ClassifySmtpFailure.sending(
                refusedRecipients(refusal("gone@contoso.com", 550, "550 5.1.1 mailbox unavailable"),
                        refusal("bad@contoso.com", 553, "553 5.1.3 bad address")), false, 3);

        assertThat(failure).isEqualTo(new SmtpFailure.RecipientsRejected(
                List.of("gone@contoso.com", "bad@contoso.com"), "550 5.1.1 mailbox unavailable"));
    }

    @Test
    void every_recipient_refused_with_5xx_is_permanent_and_names_them() throws Exception {
        SmtpFailure failure = ClassifySmtpFailure.sending(
                refusedRecipients(refusal("gone@contoso.com", 550, "550 5.1.1 mailbox unavailable"),
                        refusal("bad@contoso.com", 553, "553 5.1.3 bad address")), false, 2);

        assertThat(failure).isInstanceOfSatisfying(SmtpFailure.NotSent.class, notSent -> {
            assertThat(notSent.permanent()).isTrue();
            assertThat(notSent.rejected()).containsExactly("gone@contoso.com", "bad@contoso.com");
        });
    }

    @Test
    void one_recipient_refused_for_now_makes_the_whole_message_wait() throws Exception {
        SmtpFailure failure = ClassifySmtpFailure.sending(
                refusedRecipients(refusal("gone@contoso.com", 550, "550 5.1.1 mailbox unavailable"),
                        refusal("full@contoso.com", 452, "452 4.2.2 mailbox full")), false, 3);

        assertThat(failure).isInstanceOfSatisfying(SmtpFailure.NotSent.class, notSent -> {
            assertThat(notSent.permanent()).isFalse();
            assertThat(notSent.what()).contains("full@contoso.com");
            assertThat(notSent.reply()).isEqualTo("452 4.2.2 mailbox full");
        });
    }

    @Test
    void a_421_to_rcpt_to_is_a_lost_connection() throws Exception {
        assertThat(ClassifySmtpFailure.sending(refusedRecipients(refusal("a@contoso.com", 421, "421 closing")), false, 2))
                .isInstanceOf(SmtpFailure.ConnectionLost.class);
    }

    // --- opening a session: never permanent ---

    @Test
    void a_refused_login_is_transient_and_says_to_check_the_username_and_password() {
        SmtpFailure.NotSent failure = ClassifySmtpFailure.connecting(
                new AuthenticationFailedException("535 5.7.8  Authentication credentials invalid\n"));

        assertThat(failure.permanent()).isFalse();
        assertThat(failure.what()).contains("refused the login", "username and password");
        assertThat(failure.reply()).isEqualTo("535 5.7.8  Authentication credentials invalid");
    }

    @Test
    void an_untrusted_or_misnamed_certificate_is_transient_and_says_so() {
        SmtpFailure.NotSent failure = ClassifySmtpFailure.connecting(new MessagingException("Could not connect to SMTP host",
                new SSLHandshakeException("PKIX path building failed")));

        assertThat(failure.permanent()).isFalse();
        assertThat(failure.what()).contains("TLS", "certificate");
        assertThat(failure.reply()).contains("PKIX path building failed");
    }

    @Test
    void a_server_without_starttls_when_it_is_required_is_transient_and_says_nothing_went_in_clear() {
        SmtpFailure.NotSent failure = ClassifySmtpFailure.connecting(
                new MessagingException("STARTTLS is required but host does not support STARTTLS"));

        assertThat(failure.permanent()).isFalse();
        assertThat(failure.what()).contains("STARTTLS", "nothing was sent in clear");
    }

    @Test
    void a_server_that_cannot_be_reached_is_transient() {
        SmtpFailure.NotSent failure = ClassifySmtpFailure.connecting(
                new MessagingException("Could not connect to SMTP host: smtp.contoso.com, port: 587", new ConnectException("Connection refused")));

        assertThat(failure.permanent()).isFalse();
        assertThat(failure.what()).isEqualTo("could not be reached");
        assertThat(failure.reply()).endsWith("Connection refused");
    }

    @Test
    void a_bad_greeting_is_transient_even_with_a_5xx_code() {
        SmtpFailure.NotSent failure = ClassifySmtpFailure.connecting(
                new MessagingException("Got bad greeting from SMTP host: smtp.contoso.com, port: 25, response: 554 go away"));

        assertThat(failure.permanent()).isFalse();
    }

    @Test
    void a_multi_line_reply_is_kept_on_one_line() {
        SmtpFailure failure = sending(new SMTPSendFailedException(".", 554, "554-5.7.1 first\n554 5.7.1 second\n", null, null, null, null));

        assertThat(((SmtpFailure.NotSent) failure).reply()).isEqualTo("554-5.7.1 first / 554 5.7.1 second");
    }

    private static SmtpFailure sending(Exception e) {
        return ClassifySmtpFailure.sending(e, false, 2);
    }

    private static SMTPAddressFailedException refusal(String address, int code, String reply) throws Exception {
        return new SMTPAddressFailedException(new InternetAddress(address), "RCPT TO:<" + address + ">", code, reply);
    }

    /** As Angus throws it: "Invalid Addresses" with one chained SMTPAddressFailedException per refused recipient. */
    private static SendFailedException refusedRecipients(SMTPAddressFailedException... refusals) {
        for (int i = 1; i < refusals.length; i++) {
            refusals[0].setNextException(refusals[i]);
        }
        return new SendFailedException("Invalid Addresses", refusals[0], new Address[0], new Address[0], new Address[0]);
    }
}
