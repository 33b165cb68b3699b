package org.mms.calendar;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.mms.ical.CalendarReader;
import org.mms.ical.ContentLine;
import org.mms.ical.ContentLines;
import org.mms.ical.IcalFormatException;
import org.mms.ical.TextEscaping;

/**
 * Turns a calendar export (one file, one or more VCALENDARs) into the resources a CalDAV collection
 * would hold: one per UID, each a VCALENDAR with
 * <ol>
 *   <li>the BEGIN and END lines and the calendar properties of the VCALENDAR where the UID first
 *       appears, METHOD left out (RFC 4791 §4.1: stored resources carry none; an export's
 *       {@code METHOD:PUBLISH} is about the file, not the meeting);</li>
 *   <li>the VTIMEZONEs the resource refers to by TZID parameter, from that same VCALENDAR when it
 *       defines them, else from wherever the export first does, in export order;</li>
 *   <li>every VEVENT with that UID, master and overrides, in export order, wherever they lie (Outlook
 *       puts overrides far from their master).</li>
 * </ol>
 * Every piece is copied byte for byte, line endings and folds included: nothing is parsed and written
 * back. Only a UTF-8 byte order mark before the first BEGIN:VCALENDAR is dropped, since it marks the
 * file's encoding and would sit in the middle of no resource.
 *
 * <p>Components other than VEVENT (VTODO, VJOURNAL, VFREEBUSY…) and VEVENTs without a UID become no
 * resource; they are listed in {@link #notImported()} with the reason. A VTIMEZONE that no resource
 * refers to is left out without a word: it is a definition, not content.
 *
 * <p>The export is read once when the split is made, keeping only where each piece lies; a resource's
 * bytes are put together when it is asked for, so {@link #forEachResource} holds one at a time.
 */
public final class SplitCalendar {

    private final byte[] export;
    private final List<Meeting> meetings;
    private final Map<String, Span> firstTimezones;
    private final List<NotImported> notImported;
    private final Calendar firstCalendar;

    private SplitCalendar(byte[] export, List<Meeting> meetings, Map<String, Span> firstTimezones,
            List<NotImported> notImported, Calendar firstCalendar) {
        this.export = export;
        this.meetings = meetings;
        this.firstTimezones = firstTimezones;
        this.notImported = notImported;
        this.firstCalendar = firstCalendar;
    }

    /**
     * Reads the export.
     *
     * @throws IcalFormatException if it is not iCalendar that can be read whole (not a calendar,
     *                             broken folding, cut off): then nothing of it is split
     */
    public static SplitCalendar of(byte[] export) {
        return new Reading(export.clone()).read();
    }

    /** How many resources the export gives: one per distinct UID of its VEVENTs. */
    public int resourceCount() {
        return meetings.size();
    }

    /** The resources, in the order their UIDs first appear in the export, one at a time. */
    public void forEachResource(Consumer<CalendarObject> action) {
        for (Meeting meeting : meetings) {
            action.accept(assemble(meeting));
        }
    }

    /** All resources at once, in the order their UIDs first appear in the export. */
    public List<CalendarObject> resources() {
        List<CalendarObject> all = new ArrayList<>(meetings.size());
        forEachResource(all::add);
        return all;
    }

    /**
     * The export's frame: the opening and calendar properties (METHOD included) and the closing line of
     * its first VCALENDAR, and the UIDs in the order of {@link #forEachResource}.
     */
    public CalendarFrame frame() {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.write(export, firstCalendar.begin.from, firstCalendar.begin.to - firstCalendar.begin.from);
        for (Span property : firstCalendar.allProperties) {
            head.write(export, property.from, property.to - property.from);
        }
        byte[] tail = Arrays.copyOfRange(export, firstCalendar.end.from, firstCalendar.end.to);
        return new CalendarFrame(head.toByteArray(), tail, meetings.stream().map(m -> m.uid).toList());
    }

    /** The components that became no resource, in export order. */
    public List<NotImported> notImported() {
        return notImported;
    }

    private CalendarObject assemble(Meeting meeting) {
        Calendar home = meeting.home;
        Set<String> tzids = new LinkedHashSet<>(home.propertyTzids);
        tzids.addAll(meeting.tzids);
        List<Span> timezones = new ArrayList<>(tzids.size());
        for (String tzid : tzids) {
            Span definition = home.timezones.getOrDefault(tzid, firstTimezones.get(tzid));
            if (definition != null && !timezones.contains(definition)) {
                timezones.add(definition);
            }
        }
        timezones.sort(Comparator.comparingInt(Span::from));

        List<Span> pieces = new ArrayList<>(timezones.size() + meeting.events.size() + home.properties.size() + 2);
        pieces.add(home.begin);
        pieces.addAll(home.properties);
        pieces.addAll(timezones);
        pieces.addAll(meeting.events);
        pieces.add(home.end);

        int length = 0;
        for (Span piece : pieces) {
            length += piece.to - piece.from;
        }
        byte[] data = new byte[length];
        int at = 0;
        for (Span piece : pieces) {
            System.arraycopy(export, piece.from, data, at, piece.to - piece.from);
            at += piece.to - piece.from;
        }
        return new CalendarObject(meeting.uid, ResourceRef.forUid(meeting.uid), data);
    }

    /** The VTIMEZONE's own TZID, unescaped as a TZID parameter would hold it. */
    static Optional<String> tzidDefinedBy(byte[] vtimezone) {
        int depth = 0;
        for (ContentLine line : ContentLines.scan(vtimezone)) {
            if (line.hasName("BEGIN")) {
                depth++;
            } else if (line.hasName("END")) {
                depth--;
            } else if (depth == 1 && line.hasName("TZID")) {
                try {
                    return Optional.of(TextEscaping.unescape(line.property().value()).strip()).filter(t -> !t.isEmpty());
                } catch (IcalFormatException unreadable) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** Where a piece lies in the export: bytes {@code [from, to)}. */
    private record Span(int from, int to) {
    }

    /** One VCALENDAR of the export. */
    private static final class Calendar {
        Span begin;
        Span end;
        final List<Span> properties = new ArrayList<>();
        /** Every calendar property, METHOD included, for the export's frame. */
        final List<Span> allProperties = new ArrayList<>();
        final Set<String> propertyTzids = new LinkedHashSet<>();
        final Map<String, Span> timezones = new HashMap<>();
    }

    /** The VEVENTs of one UID, and the calendar whose wrapping the resource takes. */
    private static final class Meeting {
        final String uid;
        final Calendar home;
        final List<Span> events = new ArrayList<>(1);
        final Set<String> tzids = new LinkedHashSet<>(2);

        Meeting(String uid, Calendar home) {
            this.uid = uid;
            this.home = home;
        }
    }

    /** The one pass over the export. */
    private static final class Reading {
        private final byte[] export;
        private final Map<String, Meeting> meetings = new LinkedHashMap<>();
        private final Map<String, Span> firstTimezones = new HashMap<>();
        private final List<NotImported> notImported = new ArrayList<>();
        private Calendar calendar;
        private Calendar first;

        Reading(byte[] export) {
            this.export = export;
        }

        SplitCalendar read() {
            CalendarReader reader = CalendarReader.of(export);
            int offset = 0;
            for (CalendarReader.Item item = reader.next(); item != null; item = reader.next()) {
                // The items' bytes, one after the other, are the export: that is where each one lies.
                Span span = new Span(offset, offset + item.bytes().length);
                offset = span.to;
                switch (item) {
                    case CalendarReader.CalendarBegin begin -> {
                        calendar = new Calendar();
                        if (first == null) {
                            first = calendar;
                        }
                        calendar.begin = startsWithByteOrderMark(begin.bytes()) ? new Span(span.from + 3, span.to) : span;
                    }
                    case CalendarReader.CalendarProperty property -> calendarProperty(property.bytes(), span);
                    case CalendarReader.TopComponent c when c.name().equals("VTIMEZONE") -> timezone(c, span);
                    case CalendarReader.TopComponent c when c.name().equals("VEVENT") -> event(c, span);
                    case CalendarReader.TopComponent c -> notImported.add(new NotImported(c.name(),
                            ComponentFacts.read(c.bytes()).uid(), c.firstLine(), NotImported.Reason.NOT_A_MEETING));
                    case CalendarReader.CalendarEnd end -> calendar.end = span;
                    case CalendarReader.Blank blank -> {
                    }
                }
            }
            return new SplitCalendar(export, List.copyOf(meetings.values()), firstTimezones, List.copyOf(notImported), first);
        }

        private void calendarProperty(byte[] bytes, Span span) {
            if (isBlank(bytes)) {
                return;
            }
            calendar.allProperties.add(span);
            ContentLine line = ContentLines.scan(bytes).getFirst();
            if (line.hasName("METHOD")) {
                return;
            }
            calendar.properties.add(span);
            // Outlook writes TZIDs on calendar properties too (X-MS-OLK-WKHRSTART): the resource
            // carries those properties, so it needs their definitions as well.
            ComponentFacts.tzidOf(line).ifPresent(calendar.propertyTzids::add);
        }

        private void timezone(CalendarReader.TopComponent c, Span span) {
            tzidDefinedBy(c.bytes()).ifPresent(tzid -> {
                calendar.timezones.putIfAbsent(tzid, span);
                firstTimezones.putIfAbsent(tzid, span);
            });
        }

        private void event(CalendarReader.TopComponent c, Span span) {
            ComponentFacts facts = ComponentFacts.read(c.bytes());
            if (facts.uid().isEmpty()) {
                notImported.add(new NotImported(c.name(), Optional.empty(), c.firstLine(), NotImported.Reason.NO_UID));
                return;
            }
            Meeting meeting = meetings.computeIfAbsent(facts.uid().get(), uid -> new Meeting(uid, calendar));
            meeting.events.add(span);
            meeting.tzids.addAll(facts.tzids());
        }

        private static boolean startsWithByteOrderMark(byte[] bytes) {
            return bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf;
        }

        /** CalendarReader hands blank lines inside a VCALENDAR over as properties; they are none. */
        private static boolean isBlank(byte[] bytes) {
            for (byte b : bytes) {
                if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                    return false;
                }
            }
            return true;
        }
    }
}
