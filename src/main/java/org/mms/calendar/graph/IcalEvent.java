package org.mms.calendar.graph;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mms.calendar.CalendarObject;
import org.mms.ical.CalendarReader;
import org.mms.ical.Component;
import org.mms.ical.ContentLine;
import org.mms.ical.ContentLines;
import org.mms.ical.DateTimeValue;
import org.mms.ical.IcalFormatException;
import org.mms.ical.Property;
import org.mms.ical.TextEscaping;
import org.mms.ical.TextValue;
import org.mms.ical.TimeContext;
import org.mms.ical.TimeZones;

/**
 * One VEVENT of a calendar object resource given to the store, read for what Graph can hold of it. Times are read
 * with the resource's own VTIMEZONEs; floating times as UTC.
 *
 * @param recurrenceId the occurrence an override replaces; empty for the master or a single event
 * @param zone         the zone DTSTART is written in: its TZID's, or UTC
 * @param zoneName     the name Graph is given for {@code zone}
 * @param htmlBody     X-ALT-DESC with FMTTYPE=text/html, unescaped
 * @param textBody     DESCRIPTION, unescaped
 * @param attendees    addresses (lower case, without {@code mailto:}) with CN and ROLE
 * @param addIn        the add-in's properties present, by iCalendar name, unescaped
 * @param keptLines    the lines Exchange has no place for that the store keeps ({@link KeptLines}), unfolded
 */
record IcalEvent(String uid, Optional<Instant> recurrenceId, Instant start, Instant end, boolean allDay, ZoneId zone,
        String zoneName, String summary, Optional<String> rrule, boolean cancelled, Optional<String> htmlBody,
        Optional<String> textBody, Map<String, Attendee> attendees, Map<String, String> addIn, List<String> keptLines,
        List<String> unsupported) {

    record Attendee(String name, String role) {
    }

    /**
     * The VEVENTs of one calendar object resource.
     *
     * @throws IllegalArgumentException if {@code data} is not one calendar object resource of events
     */
    static List<IcalEvent> readAll(byte[] data) {
        CalendarObject.uidOf(data);
        List<byte[]> events = new ArrayList<>();
        Map<String, String> timezones = new HashMap<>();
        try {
            CalendarReader reader = CalendarReader.of(data);
            for (CalendarReader.Item item = reader.next(); item != null; item = reader.next()) {
                if (item instanceof CalendarReader.TopComponent c && c.name().equals("VTIMEZONE")) {
                    Component tz = Component.parse(c.bytes());
                    StringBuilder text = new StringBuilder();
                    for (ContentLine line : ContentLines.scan(c.bytes())) {
                        text.append(line.text()).append('\n');
                    }
                    tz.value("TZID").ifPresent(id -> timezones.put(id, text.toString()));
                } else if (item instanceof CalendarReader.TopComponent c && c.name().equals("VEVENT")) {
                    events.add(c.bytes());
                } else if (item instanceof CalendarReader.TopComponent c) {
                    throw new IllegalArgumentException("Graph calendars hold events, not a " + c.name());
                }
            }
            TimeContext time = TimeContext.of(TimeZones.standard().withDefinitions(timezones), ZoneOffset.UTC);
            List<IcalEvent> read = new ArrayList<>();
            for (byte[] event : events) {
                read.add(of(Component.parse(event), time));
            }
            return read;
        } catch (IcalFormatException e) {
            throw new IllegalArgumentException("not a calendar object resource: " + e.getMessage(), e);
        }
    }

    private static IcalEvent of(Component e, TimeContext time) {
        Property dtstart = e.property("DTSTART").orElseThrow(() -> new IllegalArgumentException("an event without DTSTART"));
        DateTimeValue start = value(dtstart);
        Instant startAt = start.instant(time);
        Instant endAt = e.property("DTEND").map(p -> value(p).instant(time))
                .or(() -> e.value("DURATION").map(d -> startAt.plus(duration(d))))
                .orElse(startAt);
        ZoneId zone = start.tzid().flatMap(t -> time.zones().zoneId(t)).orElse(ZoneOffset.UTC);
        String zoneName = zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
        Map<String, Attendee> attendees = new LinkedHashMap<>();
        for (ContentLine line : e.all("ATTENDEE")) {
            Property p = line.property();
            attendees.put(address(p.value()), new Attendee(p.parameter("CN").orElse(""), p.parameter("ROLE").orElse("REQ-PARTICIPANT")));
        }
        Map<String, String> addIn = new LinkedHashMap<>();
        for (AddInProperties known : AddInProperties.ALL) {
            e.value(known.icalName()).map(TextEscaping::unescape).ifPresent(v -> addIn.put(known.icalName(), v));
        }
        Optional<String> html = Optional.empty();
        for (ContentLine line : e.all("X-ALT-DESC")) {
            if (line.head().parameter("FMTTYPE").filter(f -> f.equalsIgnoreCase("text/html")).isPresent()) {
                html = Optional.of(TextValue.of(line, line.head().valueOffset()).text());
                break;
            }
        }
        Optional<String> text = e.first("DESCRIPTION").map(l -> TextValue.of(l, l.head().valueOffset()).text());
        List<String> unsupported = new ArrayList<>();
        for (String name : List.of("RDATE", "EXDATE")) {
            if (e.has(name)) {
                unsupported.add(name);
            }
        }
        if (e.all("RRULE").size() > 1) {
            unsupported.add("a second RRULE");
        }
        return new IcalEvent(e.value("UID").orElse(""), e.property("RECURRENCE-ID").map(p -> value(p).instant(time)), startAt, endAt,
                start.isDate(), zone, zoneName, e.value("SUMMARY").map(TextEscaping::unescape).orElse(""), e.value("RRULE"),
                e.value("STATUS").filter(s -> s.equalsIgnoreCase("CANCELLED")).isPresent(), html, text, attendees, addIn,
                KeptLines.of(e), unsupported);
    }

    private static DateTimeValue value(Property p) {
        return new DateTimeValue(p.value().strip(), p.parameter("TZID"), p.parameter("VALUE"));
    }

    private static Duration duration(String text) {
        try {
            return Duration.parse(text.strip());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("a DURATION Graph cannot take: " + text);
        }
    }

    /** A calendar address without its {@code mailto:}, lower case, as addresses are compared. */
    static String address(String calAddress) {
        String a = calAddress.strip();
        if (a.regionMatches(true, 0, "mailto:", 0, 7)) {
            a = a.substring(7);
        }
        return a.toLowerCase(Locale.ROOT);
    }

    Set<String> attendeeAddresses() {
        return new LinkedHashSet<>(attendees.keySet());
    }
}
