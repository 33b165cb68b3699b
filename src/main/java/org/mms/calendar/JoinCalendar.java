package org.mms.calendar;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.mms.ical.CalendarReader;

/**
 * The stored meetings of a mailbox as one calendar file, the reverse of {@link SplitCalendar}: one
 * VCALENDAR that any client imports, opened and closed as the imported calendar was (its own properties,
 * METHOD included), then every VTIMEZONE once (the first definition of each TZID), then every resource's
 * other components in the imported order (meetings the import did not bring come after, in the store's
 * order). Every piece is copied byte for byte from what is stored: nothing is parsed and written back.
 * So a mailbox whose meetings MMS never changed exports as the file it was imported from, whenever that
 * file kept each meeting's components together and defined only time zones its meetings use.
 */
public final class JoinCalendar {

    private static final byte[] CRLF = {'\r', '\n'};

    private JoinCalendar() {
    }

    /**
     * One calendar of {@code resources} (stored VCALENDARs, in the store's order), framed by {@code frame}
     * when the mailbox was imported, else by the first resource's own opening and closing; a
     * meeting listed twice (a store that hands a resource over twice) is written once.
     */
    public static byte[] of(Optional<CalendarFrame> frame, List<CalendarObject> resources) {
        List<CalendarObject> ordered = inImportOrder(frame.map(CalendarFrame::uids).orElse(List.of()), resources);
        ByteArrayOutputStream timezones = new ByteArrayOutputStream();
        ByteArrayOutputStream components = new ByteArrayOutputStream();
        Set<String> tzids = new HashSet<>();
        byte[] head = frame.map(CalendarFrame::head).orElse(null);
        byte[] tail = frame.map(CalendarFrame::tail).orElse(null);
        for (CalendarObject resource : ordered) {
            ByteArrayOutputStream ownHead = new ByteArrayOutputStream();
            CalendarReader reader = CalendarReader.of(resource.data());
            for (CalendarReader.Item item = reader.next(); item != null; item = reader.next()) {
                switch (item) {
                    case CalendarReader.CalendarBegin begin -> ownHead.writeBytes(begin.bytes());
                    case CalendarReader.CalendarProperty property -> ownHead.writeBytes(property.bytes());
                    case CalendarReader.TopComponent c when c.name().equals("VTIMEZONE") -> {
                        Optional<String> tzid = SplitCalendar.tzidDefinedBy(c.bytes());
                        if (tzid.isEmpty() || tzids.add(tzid.get())) {
                            timezones.writeBytes(c.bytes());
                        }
                    }
                    case CalendarReader.TopComponent c -> components.writeBytes(c.bytes());
                    case CalendarReader.CalendarEnd end -> {
                        if (tail == null) {
                            tail = end.bytes();
                        }
                    }
                    case CalendarReader.Blank blank -> {
                    }
                }
            }
            if (head == null) {
                head = ownHead.toByteArray();
            }
        }
        if (head == null) {
            // An empty mailbox is still a calendar.
            head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//MMS//Meeting Migration Service//EN\r\n".getBytes(US_ASCII);
            tail = "END:VCALENDAR\r\n".getBytes(US_ASCII);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length + timezones.size() + components.size() + tail.length + 2);
        out.writeBytes(head);
        endLine(out, head);
        out.writeBytes(timezones.toByteArray());
        out.writeBytes(components.toByteArray());
        out.writeBytes(tail);
        return out.toByteArray();
    }

    /** The resources whose UIDs the import listed, in its order, then the others as the store gave them. */
    private static List<CalendarObject> inImportOrder(List<String> uids, List<CalendarObject> resources) {
        Map<String, CalendarObject> byUid = new LinkedHashMap<>();
        for (CalendarObject r : resources) {
            byUid.putIfAbsent(r.uid(), r);
        }
        List<CalendarObject> ordered = new ArrayList<>(resources.size());
        uids.stream().distinct().map(byUid::remove).filter(Objects::nonNull).forEach(ordered::add);
        ordered.addAll(byUid.values());
        return ordered;
    }

    /** A frame cut off without a line break gets one, so the first component starts a line of its own. */
    private static void endLine(ByteArrayOutputStream out, byte[] head) {
        if (head.length > 0 && head[head.length - 1] != '\n') {
            out.writeBytes(CRLF);
        }
    }
}
