package org.mms.itip.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mms.itip.mail.SmtpMailerTest.SERVICE;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mms.admin.Requests;
import org.mms.admin.Views;
import org.mms.itip.SendOutbox;
import org.mms.sample.SampleOrganization;
import org.mms.testing.ServiceHarness;

/**
 * The notice to an organizer through a real SMTP server (GreenMail): the organizer receives exactly one plain-text message,
 * from them on the service's behalf, naming every meeting the migration then updates; the attendees' updates follow after
 * the wait, without a second notice.
 */
class NoticeOverSmtpTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @TempDir
    Path dir;

    private final TestSmtpServer server = TestSmtpServer.plain();
    private final SampleOrganization org = new SampleOrganization(2);
    private ServiceHarness service;
    private SampleOrganization.Organizer alice;
    private SmtpMailer mailer;
    private SendOutbox sender;

    @BeforeEach
    void start() {
        service = new ServiceHarness(dir.resolve("pickup"), NOW);
        service.admin.importDirectory(ServiceHarness.TENANT, org.directoryJson());
        alice = org.organizers().stream().filter(o -> !o.onPremises()).findFirst().orElseThrow();
        service.admin.importCalendar(ServiceHarness.TENANT, alice.upn(), org.calendar(alice, NOW, 30, 11));
        Optional<Boolean> same = Optional.empty();
        service.admin.setMigrationConfiguration(ServiceHarness.TENANT, new Requests.MigrationConfigurationChange(same, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), same, same, same, Optional.empty(), Optional.empty(),
                new Requests.PacingChange(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(30))));
        mailer = new SmtpMailer(server.settings("127.0.0.1"), new ComposeImipMessage(service.clock, Optional.of(SERVICE)));
        sender = new SendOutbox(service.outbox, mailer, service.clock);
    }

    @AfterEach
    void stop() {
        mailer.close();
        server.close();
        service.close();
    }

    private Requests.DialInUserChange resetConferenceId() {
        return new Requests.DialInUserChange(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), true);
    }

    private List<MimeMessage> receivedBy(String address) throws MessagingException {
        List<MimeMessage> mine = new java.util.ArrayList<>();
        for (MimeMessage m : server.received()) {
            for (jakarta.mail.Address to : m.getRecipients(Message.RecipientType.TO)) {
                if (((InternetAddress) to).getAddress().equalsIgnoreCase(address)) {
                    mine.add(m);
                }
            }
        }
        return mine;
    }

    @Test
    void the_organizer_receives_one_plain_text_notice_naming_the_meetings_then_the_attendees_their_updates()
            throws MessagingException, IOException {
        List<String> subjects = service.admin.whatIf().setDialInConferencingUser(ServiceHarness.TENANT, alice.upn(), resetConferenceId())
                .WhatIf().getFirst().Meetings().stream().filter(m -> m.Outcome().equals("MIGRATED")).map(Views.MeetingPreview::Subject)
                .distinct().toList();
        assertThat(subjects).hasSizeGreaterThan(1);
        service.admin.setDialInConferencingUser(ServiceHarness.TENANT, alice.upn(), resetConferenceId());
        service.clock.advance(Duration.ofMinutes(10));
        service.runDueMigrations();

        assertThat(sender.runOnce(100)).isEqualTo(1);

        assertThat(server.received()).hasSize(1);
        MimeMessage notice = receivedBy(alice.upn()).getFirst();
        assertThat(notice.getSubject()).isEqualTo("Your meetings will be updated: new online meeting details");
        assertThat(((InternetAddress) notice.getFrom()[0]).getAddress()).isEqualTo(alice.upn());
        assertThat(((InternetAddress) notice.getSender()).getAddress()).isEqualTo(SERVICE.address());
        assertThat(notice.getContentType()).startsWith("text/plain").contains("UTF-8");
        String body = ((String) notice.getContent()).replace("\r\n", "\n");
        assertThat(subjects).allSatisfy(subject -> assertThat(body).contains("\n- " + subject + "\n"));

        service.clock.advance(Duration.ofMinutes(30));
        service.runDueMigrations();
        int updates = sender.runOnce(100);

        assertThat(updates).isPositive();
        assertThat(receivedBy(alice.upn())).as("no second notice").hasSize(1);
        assertThat(server.received()).hasSizeGreaterThan(updates);
    }
}
