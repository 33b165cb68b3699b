package org.mms.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.mms.block.Coordinates;
import org.mms.calendar.CalendarStore;
import org.mms.calendar.ResourceRef;
import org.mms.calendar.WriteResult;
import org.mms.directory.Bridge;
import org.mms.directory.Directory;
import org.mms.directory.Spelling;
import org.mms.directory.Tenant;
import org.mms.directory.User;
import org.mms.ical.CalendarReader;
import org.mms.itip.ComposeRequestCalendar;
import org.mms.itip.ItipRequest;
import org.mms.itip.Mailbox;
import org.mms.itip.MessageOutbox;
import org.mms.migration.ComposeNewMeeting;
import org.mms.migration.CoordinatesTemplate;
import org.mms.migration.OrganizerTargets;

/**
 * What the scheduling add-in does for "Add online meeting": registers a meeting with the organizer's
 * current coordinates, puts the invitation (block included) in their calendar, and queues the
 * invitation for the attendees.
 */
final class AddOnlineMeeting {

    private final Directory directory;
    private final CalendarStore store;
    private final MessageOutbox outbox;
    private final Clock clock;
    private final RandomGenerator random;

    AddOnlineMeeting(Directory directory, CalendarStore store, MessageOutbox outbox, Clock clock, RandomGenerator random) {
        this.directory = directory;
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
        this.random = random;
    }

    Views.OnlineMeeting apply(Tenant tenant, User user, Requests.NewOnlineMeeting request) {
        if (request.subject() == null || request.subject().isBlank()) {
            throw new AdminException.BadRequest("a meeting needs a subject");
        }
        if (request.start() == null || request.end() == null || !request.end().isAfter(request.start())) {
            throw new AdminException.BadRequest("a meeting needs a start and an end after it");
        }
        List<String> attendees = new ArrayList<>();
        for (String a : request.attendees()) {
            String address = a.strip().replaceFirst("(?i)^mailto:", "");
            if (!address.matches("[^@\\s,;<>\"]+@[^@\\s,;<>\"]+")) {
                throw new AdminException.BadRequest("not an e-mail address: " + a);
            }
            attendees.add(address);
        }
        try {
            // What the invitation's mail headers carry, checked before anything is stored: failing later would
            // leave a meeting in the calendar whose invitation never goes out.
            Mailbox.requireHeaderSafe("Subject", request.subject());
            attendees.forEach(Mailbox::of);
        } catch (IllegalArgumentException e) {
            throw new AdminException.BadRequest(e.getMessage());
        }
        Instant now = clock.instant();
        String uid = "040000008200E00074C5B7101A82E008" + HexFormat.of().withUpperCase().formatHex(randomBytes(24));
        Coordinates coordinates = coordinates(tenant, user, uid);
        byte[] resource = ComposeNewMeeting.compose(new ComposeNewMeeting.Meeting(uid, request.subject(), request.start(), request.end(),
                request.recurrenceRule(), user.upn(), user.displayName(), attendees, request.body()), coordinates, now);
        ResourceRef ref = ResourceRef.forUid(uid);
        if (!(store.create(new org.mms.calendar.Mailbox(tenant.id(), user.id()), ref, resource) instanceof WriteResult.Written)) {
            throw new AdminException.Conflict("a meeting with this identifier exists already; try again");
        }
        if (!attendees.isEmpty()) {
            byte[] calendarProperties = "PRODID:-//MMS//Meeting Migration Service//EN\r\nVERSION:2.0\r\n"
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            byte[] calendar = ComposeRequestCalendar.compose(calendarProperties, List.of(), List.of(eventOf(resource)), "\r\n");
            ItipRequest invitation = new ItipRequest(uid, 0, new Mailbox(user.upn(), Optional.of(user.displayName())),
                    attendees.stream().map(a -> new Mailbox(a, Optional.empty())).toList(), request.subject(),
                    request.body().orElse(""), Optional.empty(), calendar);
            outbox.enqueue(tenant.id(), user.id(), "new-meeting", ref.href(), invitation, now);
        }
        return new Views.OnlineMeeting(uid, user.upn(), coordinates.joinUrl().toString(), Spelling.of(coordinates.type()),
                coordinates.conferenceId(), attendees.size());
    }

    private Coordinates coordinates(Tenant tenant, User user, String uid) {
        Optional<Bridge> bridge = user.audio().bridgeId().flatMap(directory::bridge);
        CoordinatesTemplate template = OrganizerTargets.forNewMeeting(tenant, user, bridge, newKey());
        return switch (template.forMeeting(new CoordinatesTemplate.Meeting(uid, user.meetingType(), Optional.empty(), user.sipAddress()))) {
            case CoordinatesTemplate.Resolution.Resolved r -> r.coordinates();
            case CoordinatesTemplate.Resolution.Missing m -> throw new AdminException.BadRequest(m.why());
        };
    }

    /** A Skype conference key: eight letters and digits, as the service issues them. */
    private String newKey() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder sb = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /** The VEVENT of a resource, byte for byte. */
    private static byte[] eventOf(byte[] resource) {
        CalendarReader reader = CalendarReader.of(resource);
        for (CalendarReader.Item item = reader.next(); item != null; item = reader.next()) {
            if (item instanceof CalendarReader.TopComponent c && c.name().equals("VEVENT")) {
                return c.bytes();
            }
        }
        throw new IllegalStateException("a composed meeting without VEVENT");
    }
}
