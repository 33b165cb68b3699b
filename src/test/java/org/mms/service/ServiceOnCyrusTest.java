package org.mms.service;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mms.calendar.CalendarObject;
import org.mms.calendar.SplitCalendar;
import org.mms.config.ServiceConfig;
import org.mms.ical.ContentLine;
import org.mms.ical.ContentLines;
import org.mms.testing.CalendarResources;
import org.mms.testing.CyrusServer;
import org.mms.testing.PlainCalDavClient;
import tools.jackson.databind.JsonNode;

/**
 * The service on a real Cyrus 3.6, a server that schedules (RFC 6638): when the organizer's copy of a
 * meeting changes, Cyrus itself sends every attendee the update, by iMIP, here to the SMTP server the
 * test runs. Alice is a Cyrus account and the organizer of three migrating fixture meetings with 3 to
 * 4 attendees each. What each attendee receives is counted per meeting, at the SMTP server (Cyrus's
 * messages) and in the pickup directory (MMS's). Each test has a Cyrus of its own, since an account
 * holds a scheduled meeting's UID once.
 */
class ServiceOnCyrusTest {

    private static final List<String> FIXTURES = List.of("teams-t2-de.ics", "skype-sv-dialin.ics", "teams-t3-en.ics");
    private static final String ALICE = ServiceOnCalDavServerContract.ALICE;

    @TempDir
    Path dir;

    @Test
    void with_scheduling_auto_mms_finds_that_cyrus_schedules_sends_nothing_and_each_attendee_gets_one_update_from_cyrus()
            throws Exception {
        try (CyrusServer cyrus = CyrusServer.start("alice")) {
            Map<String, List<String>> meetings = seed(cyrus, false);
            assertThat(cyrus.awaitMail(attendeeCount(meetings))).as("Cyrus invites the attendees of what is seeded").isTrue();
            cyrus.forgetMail();

            try (MmsService service = startService()) {
                JsonNode status = migrate(service, cyrus, "Auto");

                assertThat(status.path("InvitesUpdate").asInt()).as("the updates the server was asked to send, one per meeting: %s",
                        status).isEqualTo(meetings.size());
                assertThat(emlFiles(service)).as("MMS sends nothing of its own").isEmpty();
            }
            for (Map.Entry<String, List<String>> meeting : meetings.entrySet()) {
                for (String attendee : meeting.getValue()) {
                    List<String> received = calendarsAbout(meeting.getKey(), cyrus.mailTo(attendee));
                    assertThat(received).as("Cyrus's messages to %s about %s", attendee, meeting.getKey()).singleElement()
                            .satisfies(update -> assertThat(update).contains("METHOD:REQUEST")
                                    .contains(ServiceOnCalDavServerContract.NEW_TOLL_SHOWN));
                }
            }
            assertThat(cyrus.mailSent()).hasSize(attendeeCount(meetings));
        }
    }

    /**
     * Meetings whose organizer's client schedules them (attendees marked {@code SCHEDULE-AGENT=CLIENT}),
     * which is what MmsSends is for on a server that schedules: Cyrus sends nothing, MMS one update per
     * meeting, and its writes keep every attendee marked.
     */
    @Test
    void with_mms_sends_each_attendee_gets_one_update_from_mms_and_none_from_cyrus() throws Exception {
        try (CyrusServer cyrus = CyrusServer.start("alice")) {
            Map<String, List<String>> meetings = seed(cyrus, true);
            assertThat(cyrus.mailSent()).as("Cyrus leaves attendees marked CLIENT alone").isEmpty();

            try (MmsService service = startService()) {
                JsonNode status = migrate(service, cyrus, "MmsSends");

                assertThat(status.path("InvitesUpdate").asInt()).as(status.toString()).isEqualTo(meetings.size());
                List<String> sent = calendarsIn(ServiceOnCalDavServerContract.waitForMessages(
                        service.config().mail().pickupDirectory(), meetings.size()));
                assertEachAttendeeGotOneUpdate(meetings, sent);
            }
            assertThat(cyrus.mailSent()).as("Cyrus sent nothing").isEmpty();
            try (PlainCalDavClient client = new PlainCalDavClient(cyrus)) {
                for (String uid : meetings.keySet()) {
                    String stored = unfolded(client.get(resourceUrl(cyrus, uid)).data());
                    assertThat(stored).contains(ServiceOnCalDavServerContract.NEW_TOLL_SHOWN);
                    assertThat(stored.lines().filter(l -> l.startsWith("ATTENDEE"))).isNotEmpty()
                            .allSatisfy(line -> assertThat(line).contains("SCHEDULE-AGENT=CLIENT"));
                }
            }
        }
    }

    /**
     * Cyrus takes an attendee that goes from its own scheduling to the client's as one leaving its
     * meeting, and sends that attendee a CANCEL. So MmsSends on meetings Cyrus scheduled gives every
     * attendee MMS's update and, from Cyrus, a cancellation: on such a server, Auto (the default) is
     * the setting to use. Pinned here, said in the README.
     */
    @Test
    void mms_sends_on_meetings_cyrus_scheduled_makes_cyrus_send_each_attendee_a_cancel_beside_mmss_update() throws Exception {
        try (CyrusServer cyrus = CyrusServer.start("alice")) {
            Map<String, List<String>> meetings = seed(cyrus, false);
            assertThat(cyrus.awaitMail(attendeeCount(meetings))).isTrue();
            cyrus.forgetMail();

            try (MmsService service = startService()) {
                migrate(service, cyrus, "MmsSends");
                List<String> sent = calendarsIn(ServiceOnCalDavServerContract.waitForMessages(
                        service.config().mail().pickupDirectory(), meetings.size()));
                assertEachAttendeeGotOneUpdate(meetings, sent);
            }
            for (Map.Entry<String, List<String>> meeting : meetings.entrySet()) {
                for (String attendee : meeting.getValue()) {
                    assertThat(calendarsAbout(meeting.getKey(), cyrus.mailTo(attendee))).singleElement()
                            .satisfies(fromCyrus -> assertThat(fromCyrus).contains("METHOD:CANCEL").doesNotContain("METHOD:REQUEST"));
                }
            }
        }
    }

    // ---- helpers ----

    /**
     * Alice's calendar on Cyrus filled with the fixtures, as another client would write them (with every
     * attendee marked for client scheduling when {@code clientScheduled}); their UIDs and attendees.
     */
    private static Map<String, List<String>> seed(CyrusServer cyrus, boolean clientScheduled) {
        cyrus.makeCalendar("alice");
        Map<String, List<String>> meetings = new LinkedHashMap<>();
        try (PlainCalDavClient client = new PlainCalDavClient(cyrus)) {
            for (String fixture : FIXTURES) {
                CalendarObject resource = SplitCalendar.of(CalendarResources.icsFixture(fixture)).resources().getFirst();
                byte[] data = clientScheduled
                        ? new String(resource.data(), UTF_8).replace("\nATTENDEE;", "\nATTENDEE;SCHEDULE-AGENT=CLIENT;").getBytes(UTF_8)
                        : resource.data();
                assertThat(client.create(resourceUrl(cyrus, resource.uid()), data)).as("seeding %s", fixture).isEqualTo(201);
                meetings.put(resource.uid(), attendeesOf(data));
            }
        }
        return meetings;
    }

    private static URI resourceUrl(CyrusServer cyrus, String uid) {
        return cyrus.calendarUrl("alice").resolve(uid + ".ics");
    }

    private static List<String> attendeesOf(byte[] data) {
        List<String> attendees = new ArrayList<>();
        for (ContentLine line : ContentLines.scan(data)) {
            if (line.hasName("ATTENDEE")) {
                attendees.add(line.property().value().replaceFirst("(?i)^mailto:", "").toLowerCase(Locale.ROOT));
            }
        }
        return attendees;
    }

    private static int attendeeCount(Map<String, List<String>> meetings) {
        return meetings.values().stream().mapToInt(List::size).sum();
    }

    private MmsService startService() throws IOException {
        ServiceConfig config = ServiceConfig.defaults(dir.resolve("data")).withHttp(new ServiceConfig.Http("127.0.0.1", 0))
                .withWorkers(new ServiceConfig.Workers(1, Duration.ofMillis(50), Duration.ofMinutes(2)));
        return MmsService.start(config, Clock.fixed(ServiceOnCalDavServerContract.NOW, ZoneOffset.UTC));
    }

    /** Alice's directory, the store on Cyrus with {@code scheduling}, her dial-in number changed: the finished migration. */
    private JsonNode migrate(MmsService service, CyrusServer cyrus, String scheduling) throws Exception {
        AdminShell admin = new AdminShell(service, service.config().dataDir());
        Path directory = dir.resolve("directory.json");
        Files.writeString(directory, ServiceOnCalDavServerContract.directoryJson());
        admin.run("Import-CsDirectory", "-Path", directory.toString());
        admin.run("Set-CsTenantMigrationConfiguration", "-SettleWindowSeconds", "0");
        List<String> store = new ArrayList<>(List.of(ServiceOnCalDavServerContract.storeCommand(cyrus, cyrus.password())));
        store.addAll(List.of("-Scheduling", scheduling));
        admin.run(store.toArray(String[]::new));
        admin.run("Set-CsOnlineDialInConferencingUser", "-Identity", ALICE, "-ServiceNumber", ServiceOnCalDavServerContract.NEW_TOLL);
        JsonNode statuses = admin.waitForMigrations(Duration.ofSeconds(120));
        assertThat(statuses).hasSize(1);
        JsonNode status = statuses.get(0);
        assertThat(status.path("State").asString()).as(status.toString()).isEqualTo("Succeeded");
        assertThat(status.path("SucceededMeeting").asInt()).as(status.toString()).isEqualTo(FIXTURES.size());
        return status;
    }

    private static void assertEachAttendeeGotOneUpdate(Map<String, List<String>> meetings, List<String> sent) {
        for (Map.Entry<String, List<String>> meeting : meetings.entrySet()) {
            assertThat(calendarsAbout(meeting.getKey(), sent)).as("MMS's messages about %s", meeting.getKey()).singleElement()
                    .satisfies(update -> {
                        assertThat(update).contains("METHOD:REQUEST").contains(ServiceOnCalDavServerContract.NEW_TOLL_SHOWN);
                        assertThat(attendeesOf(update.getBytes(UTF_8))).containsExactlyInAnyOrderElementsOf(meeting.getValue());
                    });
        }
    }

    private static List<Path> emlFiles(MmsService service) throws IOException {
        Path pickup = service.config().mail().pickupDirectory();
        if (!Files.exists(pickup)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(pickup)) {
            return files.filter(p -> p.toString().endsWith(".eml")).toList();
        }
    }

    /** The text/calendar part of each {@code .eml} file, unfolded. */
    private static List<String> calendarsIn(List<Path> emlFiles) throws Exception {
        List<MimeMessage> messages = new ArrayList<>();
        for (Path eml : emlFiles) {
            try (InputStream in = Files.newInputStream(eml)) {
                messages.add(new MimeMessage(Session.getInstance(new Properties()), in));
            }
        }
        return calendarsAbout(null, messages.stream().map(ServiceOnCyrusTest::calendarOf).toList());
    }

    private static List<String> calendarsAbout(String uid, List<?> messagesOrCalendars) {
        return messagesOrCalendars.stream()
                .map(m -> m instanceof MimeMessage message ? calendarOf(message) : (String) m)
                .filter(calendar -> uid == null || calendar.contains("UID:" + uid))
                .toList();
    }

    private static String calendarOf(MimeMessage message) {
        try {
            return unfolded(calendarPart(message).getBytes(UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException("unreadable message", e);
        }
    }

    private static String calendarPart(Part part) throws Exception {
        if (part.isMimeType("text/calendar")) {
            Object content = part.getContent();
            return content instanceof String text ? text : new String(((InputStream) content).readAllBytes(), UTF_8);
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = calendarPart(multipart.getBodyPart(i));
                if (!found.isEmpty()) {
                    return found;
                }
            }
        }
        return "";
    }

    private static String unfolded(byte[] data) {
        return new String(data, UTF_8).replace("\r\n ", "").replace("\n ", "");
    }
}
