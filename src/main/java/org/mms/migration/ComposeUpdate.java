package org.mms.migration;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mms.ical.Component;
import org.mms.ical.ContentLine;
import org.mms.ical.Property;
import org.mms.ical.TextEscaping;
import org.mms.ical.TextValue;
import org.mms.itip.ComposeRequestCalendar;
import org.mms.itip.ItipRequest;
import org.mms.itip.Mailbox;

/**
 * The update attendees receive for a changed meeting: one iTIP REQUEST carrying the whole meeting as
 * stored after the migration (the series and all its changed occurrences together, so no client
 * drops an exception it was not sent), addressed from the organizer to every attendee of the
 * migrated components.
 */
public final class ComposeUpdate {

    /** The request, plus the addresses that could not be used (and were left out), for the report. */
    public record Update(ItipRequest request, List<String> unusableAddresses) {
    }

    private ComposeUpdate() {
    }

    /**
     * The update for {@code meeting}, or empty when nobody is to be told (no attendee besides the
     * organizer), or no organizer whose address can be written in a message.
     */
    public static Optional<Update> of(MeetingPlan meeting, List<byte[]> calendarProperties, Map<String, byte[]> timezones) {
        if (meeting.components().stream().noneMatch(ComponentPlan::migrated)) {
            return Optional.empty();
        }
        List<Component> migrated = new ArrayList<>();
        List<byte[]> events = new ArrayList<>();
        Set<String> tzids = new LinkedHashSet<>();
        for (ComponentPlan c : meeting.components()) {
            events.add(c.result());
            Component event = Component.parse(c.result());
            collectTzids(event, tzids);
            if (c.migrated()) {
                migrated.add(event);
            }
        }
        Component lead = migrated.getFirst();
        List<String> unusable = new ArrayList<>();
        Optional<Mailbox> organizer = lead.first("ORGANIZER").flatMap(line -> mailbox(line, unusable));
        Map<String, Mailbox> attendees = new LinkedHashMap<>();
        for (Component c : migrated) {
            for (ContentLine line : c.all("ATTENDEE")) {
                mailbox(line, unusable).ifPresent(m -> attendees.putIfAbsent(m.address().toLowerCase(Locale.ROOT), m));
            }
        }
        organizer.ifPresent(o -> attendees.remove(o.address().toLowerCase(Locale.ROOT)));
        if (organizer.isEmpty() || attendees.isEmpty()) {
            return Optional.empty();
        }
        byte[] calendar = ComposeRequestCalendar.compose(concat(calendarProperties), referencedTimezones(tzids, timezones),
                events, lineEnding(lead));
        int sequence = lead.value("SEQUENCE").map(Integer::parseInt).orElse(0);
        String subject = lead.value("SUMMARY").map(TextEscaping::unescape).map(ComposeUpdate::oneLine).orElse("");
        String text = text(lead, "DESCRIPTION").orElse("");
        Optional<String> html = htmlBody(lead);
        return Optional.of(new Update(new ItipRequest(meeting.uid(), sequence, organizer.get(), List.copyOf(attendees.values()),
                subject, text, html, calendar), unusable));
    }

    /**
     * The summary as a mail subject: a summary may hold line breaks (an escaped {@code \n}) or control
     * characters (a calendar damaged on its way through a server), and a header may not; each run of
     * them becomes one space.
     */
    static String oneLine(String summary) {
        StringBuilder out = new StringBuilder(summary.length());
        boolean inRun = false;
        for (int i = 0; i < summary.length(); i++) {
            char c = summary.charAt(i);
            boolean breaks = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
            if (!breaks) {
                out.append(c);
            } else if (!inRun) {
                out.append(' ');
            }
            inRun = breaks;
        }
        return out.toString().strip();
    }

    private static Optional<Mailbox> mailbox(ContentLine line, List<String> unusable) {
        Property p = line.property();
        String address = Organizer.normalize(p.value());
        try {
            return Optional.of(new Mailbox(address, p.parameter("CN").map(String::strip).filter(s -> !s.isEmpty())));
        } catch (IllegalArgumentException e) {
            unusable.add(p.value().strip());
            return Optional.empty();
        }
    }

    private static List<byte[]> referencedTimezones(Set<String> ids, Map<String, byte[]> timezones) {
        List<byte[]> found = new ArrayList<>();
        for (String id : ids) {
            byte[] tz = timezones.get(id);
            if (tz != null) {
                found.add(tz);
            }
        }
        return found;
    }

    /** Every TZID the component and its nested components name; a queue, not recursion, whatever the nesting. */
    private static void collectTzids(Component root, Set<String> ids) {
        ArrayDeque<Component> pending = new ArrayDeque<>(List.of(root));
        while (!pending.isEmpty()) {
            Component c = pending.poll();
            for (ContentLine line : c.properties()) {
                line.head().parameter("TZID").ifPresent(ids::add);
            }
            pending.addAll(c.children());
        }
    }

    private static Optional<String> text(Component c, String name) {
        return c.first(name).map(l -> TextValue.of(l, l.head().valueOffset()).text());
    }

    private static Optional<String> htmlBody(Component c) {
        for (ContentLine line : c.all("X-ALT-DESC")) {
            if (line.head().parameter("FMTTYPE").filter(f -> f.equalsIgnoreCase("text/html")).isPresent()) {
                return Optional.of(TextValue.of(line, line.head().valueOffset()).text());
            }
        }
        return Optional.empty();
    }

    private static String lineEnding(Component c) {
        return c.beginLine().usesBareLf() ? "\n" : "\r\n";
    }

    private static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }
}
