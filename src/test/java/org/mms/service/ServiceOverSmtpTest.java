package org.mms.service;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mms.admin.Requests;
import org.mms.admin.Views;
import org.mms.calendar.Mailbox;
import org.mms.config.ServiceConfig;
import org.mms.directory.UserId;
import org.mms.itip.mail.SmtpSettings;
import org.mms.sample.SampleOrganization;

/**
 * The service configured with an SMTP server (GreenMail, a real one in this JVM): a change migrates the
 * meetings, and every update arrives once, from the organizer, sent by the service, with a calendar
 * part whose meetings are the ones now stored (with the service named as SENT-BY).
 */
class ServiceOverSmtpTest {

    private static final String SERVICE_ADDRESS = "mms@contoso.com";

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @TempDir
    Path dir;

    @Test
    void every_update_arrives_once_by_smtp_with_the_meetings_as_stored() throws Exception {
        ServiceConfig defaults = ServiceConfig.defaults(dir);
        SmtpSettings smtp = new SmtpSettings("127.0.0.1", SMTP.getSmtp().getPort(), SmtpSettings.Security.NONE, Optional.empty(),
                Duration.ofSeconds(5), Duration.ofSeconds(10), 1000);
        ServiceConfig config = defaults.withHttp(new ServiceConfig.Http("127.0.0.1", 0))
                .withWorkers(new ServiceConfig.Workers(2, Duration.ofMillis(20), Duration.ofMinutes(2)))
                .withMail(new ServiceConfig.Mail(defaults.mail().pickupDirectory(), Optional.of(SERVICE_ADDRESS), Optional.of(smtp),
                        defaults.mail().senders()));
        SampleOrganization org = new SampleOrganization(3);
        Instant now = Instant.now();
        try (MmsService service = MmsService.start(config, Clock.systemUTC())) {
            var admin = service.admin();
            admin.importDirectory(MmsService.FIRST_TENANT, org.directoryJson());
            for (SampleOrganization.Organizer o : org.organizers()) {
                admin.importCalendar(MmsService.FIRST_TENANT, o.upn(), org.calendar(o, now, 12, o.upn().hashCode()));
            }
            admin.setMigrationConfiguration(MmsService.FIRST_TENANT, new Requests.MigrationConfigurationChange(Optional.empty(),
                    Optional.of(0L), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));

            admin.unregisterServiceNumber(MmsService.FIRST_TENANT, SampleOrganization.TOLL_FREE, SampleOrganization.BRIDGE, false);
            int invites = waitForMigrations(service);
            assertThat(invites).isPositive();
            waitForSent(service, invites);

            Map<String, List<MimeMessage>> byMessageId = new HashMap<>();
            for (MimeMessage m : SMTP.getReceivedMessages()) {
                byMessageId.computeIfAbsent(m.getMessageID(), k -> new java.util.ArrayList<>()).add(m);
            }
            assertThat(byMessageId).as("one message per update").hasSize(invites);

            Set<String> stored = storedEvents(service, org, now);
            for (List<MimeMessage> copies : byMessageId.values()) {
                MimeMessage message = copies.getFirst();
                int recipients = message.getAllRecipients().length;
                assertThat(copies).as("one copy per recipient, no more").hasSize(recipients);
                assertThat(message.getSender().toString()).contains(SERVICE_ADDRESS);
                assertThat(message.getFrom()[0].toString()).doesNotContain(SERVICE_ADDRESS).contains("@contoso.com");
                String calendar = calendarPart(message).orElseThrow(() -> new AssertionError("no text/calendar part"));
                assertThat(calendar).contains("METHOD:REQUEST");
                List<String> events = events(calendar);
                assertThat(events).isNotEmpty();
                for (String event : events) {
                    assertThat(event.replace("\r\n ", "")).contains("SENT-BY=\"mailto:" + SERVICE_ADDRESS + "\"");
                    String withoutSentBy = event.replace("\r\n ", "").replaceAll(";SENT-BY=\"mailto:[^\"]+\"", "");
                    assertThat(stored).as("the mailed meeting is the stored one").contains(withoutSentBy);
                }
            }
        }
    }

    private static int waitForMigrations(MmsService service) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            List<Views.MigrationStatus> all = service.admin().migrationStatus(MmsService.FIRST_TENANT, Requests.StatusQuery.all());
            if (!all.isEmpty() && all.stream().allMatch(s -> s.State().equals("Succeeded") || s.State().equals("Failed"))) {
                assertThat(all).allSatisfy(s -> assertThat(s.State()).isEqualTo("Succeeded"));
                return all.stream().mapToInt(Views.MigrationStatus::InvitesUpdate).sum();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the migrations did not finish within a minute");
    }

    private static void waitForSent(MmsService service, int expected) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (service.outbox().counts().getOrDefault("SENT", 0L) < expected) {
            assertThat(Instant.now()).as("all messages sent within a minute").isBefore(deadline);
            Thread.sleep(50);
        }
        assertThat(service.outbox().counts()).containsEntry("SENT", (long) expected).containsEntry("FAILED", 0L);
    }

    /** Every VEVENT of every organizer's stored meetings, unfolded. */
    private static Set<String> storedEvents(MmsService service, SampleOrganization org, Instant now) {
        Set<String> events = new HashSet<>();
        for (SampleOrganization.Organizer o : org.organizers()) {
            UserId id = new UserId(service.admin().users(MmsService.FIRST_TENANT, Optional.of(o.upn())).getFirst().UserId());
            service.store().forEachCandidate(new Mailbox(MmsService.FIRST_TENANT, id), now, now.plus(Duration.ofDays(3650)), 100,
                    r -> events.addAll(events(new String(r.data(), UTF_8).replace("\r\n ", ""))));
        }
        return events;
    }

    private static final Pattern VEVENT = Pattern.compile("BEGIN:VEVENT\r\n.*?END:VEVENT\r\n", Pattern.DOTALL);

    private static List<String> events(String calendar) {
        List<String> found = new java.util.ArrayList<>();
        Matcher m = VEVENT.matcher(calendar);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    private static Optional<String> calendarPart(Part part) throws Exception {
        if (part.isMimeType("text/calendar")) {
            return Optional.of(new String(part.getInputStream().readAllBytes(), UTF_8));
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                Optional<String> found = calendarPart(child);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }
}
