package org.mms.calendar.graph;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mms.ical.Folding;
import org.mms.ical.TextEscaping;

/**
 * Writes one meeting read from Graph as the calendar object resource the engine plans: a VCALENDAR with a VEVENT for
 * the master (or single event) and one per exception, CRLF line endings, every line folded at 75 octets, TEXT values
 * escaped (RFC 5545 §3.1, §3.3.11). Pure.
 *
 * <p>Graph gives one body, in HTML; it becomes X-ALT-DESC with {@code FMTTYPE=text/html}, and there is no
 * DESCRIPTION, since there is no plain text to show. The add-in's named properties become their {@code X-MICROSOFT-*}
 * lines ({@link AddInProperties}); the lines MMS keeps on the event because Exchange has no place for them follow
 * ({@link KeptLines}). Times are UTC, except a series master's: RRULE is expanded in its DTSTART's zone, so a series
 * is written in the zone its range names (an IANA id, which needs no VTIMEZONE, RFC 7809), or in UTC when that zone
 * is unknown. Exceptions carry the master's UID (Graph gives each occurrence an iCalUId of its own) and a
 * RECURRENCE-ID from their {@code originalStart}.
 */
final class RenderEventAsCalendar {

    private static final byte[] CRLF = {'\r', '\n'};
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss", Locale.ROOT);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT).withZone(ZoneOffset.UTC);

    private RenderEventAsCalendar() {
    }

    static byte[] render(GraphMeeting meeting) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        line(out, "BEGIN:VCALENDAR");
        line(out, "PRODID:-//MMS//Microsoft Graph//EN");
        line(out, "VERSION:2.0");
        String uid = meeting.uid();
        GraphEvent first = meeting.first();
        Optional<ZoneId> seriesZone = first.recurrence().flatMap(TranslateRecurrence::zoneOf);
        event(out, first, uid, seriesZone);
        for (GraphEvent exception : meeting.exceptions()) {
            event(out, exception, uid, Optional.empty());
        }
        line(out, "END:VCALENDAR");
        return out.toByteArray();
    }

    private static void event(ByteArrayOutputStream out, GraphEvent e, String uid, Optional<ZoneId> zone) {
        line(out, "BEGIN:VEVENT");
        line(out, "UID:" + TextEscaping.escape(uid));
        line(out, "DTSTART" + time(e.start(), e.isAllDay(), zone));
        line(out, "DTEND" + time(e.end(), e.isAllDay(), zone));
        e.recurrence().ifPresent(r -> line(out, "RRULE:" + TranslateRecurrence.toRrule(r, zone.orElse(ZoneOffset.UTC))));
        e.originalStart().ifPresent(original -> line(out, "RECURRENCE-ID" + time(original, e.isAllDay(), Optional.empty())));
        line(out, "SUMMARY:" + TextEscaping.escape(e.subject()));
        e.organizer().ifPresent(o -> line(out, "ORGANIZER" + cn(o.name()) + ":mailto:" + o.address()));
        for (GraphEvent.Attendee a : e.attendees()) {
            String role = switch (a.type()) {
                case "optional" -> ";ROLE=OPT-PARTICIPANT";
                case "resource" -> ";CUTYPE=RESOURCE;ROLE=NON-PARTICIPANT";
                default -> ";ROLE=REQ-PARTICIPANT";
            };
            line(out, "ATTENDEE" + cn(a.person().name()) + role + ":mailto:" + a.person().address());
        }
        if (e.isCancelled()) {
            line(out, "STATUS:CANCELLED");
        }
        if (!e.body().isEmpty()) {
            line(out, "X-ALT-DESC;FMTTYPE=text/html:" + TextEscaping.escape(e.body()));
        }
        for (AddInProperties p : AddInProperties.ALL) {
            e.property(p.graphId()).ifPresent(v -> line(out, p.icalName() + ":" + TextEscaping.escape(v)));
        }
        e.property(KeptLines.PROPERTY).map(KeptLines::shown).orElse(List.of()).forEach(kept -> line(out, kept));
        line(out, "END:VEVENT");
    }

    private static String time(Instant instant, boolean allDay, Optional<ZoneId> zone) {
        if (allDay) {
            return ";VALUE=DATE:" + DATE.format(instant);
        }
        if (zone.isPresent()) {
            return ";TZID=" + zone.get().getId() + ":" + LOCAL.format(instant.atZone(zone.get()));
        }
        return ":" + UTC.format(instant);
    }

    /** A CN parameter, quoted since names hold commas and colons; a name's own quotes cannot be written in one (RFC 5545 §3.1). */
    private static String cn(String name) {
        String clean = name.replace('"', '\'').replaceAll("[\\r\\n\\t]", " ").strip();
        return clean.isEmpty() ? "" : ";CN=\"" + clean + "\"";
    }

    private static void line(ByteArrayOutputStream out, String content) {
        out.writeBytes(Folding.foldLine(content.getBytes(StandardCharsets.UTF_8), CRLF));
    }
}
