package org.mms.offline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mms.ical.CalendarReader;
import org.mms.ical.Component;
import org.mms.ical.ContentLines;
import org.mms.ical.ContentLine;

/**
 * The first pass over a calendar file: checks that all of it is readable iCalendar before anything
 * is written, and gathers what the later passes need: the time zone definitions, the calendar's own
 * properties, the number of events (for progress), and which meetings are split (a UID whose
 * components are not next to each other, so it must be planned as a whole before it is written).
 */
final class CalendarScan {

    final Map<String, byte[]> timezones = new LinkedHashMap<>();
    final List<byte[]> calendarProperties = new ArrayList<>();
    long events;
    final UidHashSet split = new UidHashSet();

    static CalendarScan of(Path file, Progress progress) throws IOException {
        CalendarScan scan = new CalendarScan();
        UidHashSet seen = new UidHashSet();
        long previous = 0;
        boolean hasPrevious = false;
        boolean firstCalendar = true;
        boolean beforeFirstComponent = true;
        long size = Files.size(file);
        try (InputStream in = new CountingInputStream(Files.newInputStream(file), progress, "checking", size)) {
            CalendarReader reader = new CalendarReader(in);
            for (CalendarReader.Item item = reader.next(); item != null; item = reader.next()) {
                switch (item) {
                    case CalendarReader.TopComponent c when c.name().equals("VEVENT") -> {
                        scan.events++;
                        beforeFirstComponent = false;
                        String uid = uidOf(c.bytes());
                        if (uid.isEmpty()) {
                            hasPrevious = false;
                            continue;
                        }
                        long h = UidHashSet.hash(uid);
                        if (!hasPrevious || h != previous) {
                            if (!seen.add(h)) {
                                scan.split.add(h);
                            }
                        }
                        previous = h;
                        hasPrevious = true;
                    }
                    case CalendarReader.TopComponent c -> {
                        beforeFirstComponent = false;
                        hasPrevious = false;
                        if (c.name().equals("VTIMEZONE")) {
                            Component tz = Component.parse(c.bytes());
                            tz.value("TZID").ifPresent(id -> scan.timezones.putIfAbsent(id, c.bytes()));
                        }
                    }
                    case CalendarReader.CalendarProperty p -> {
                        if (firstCalendar && beforeFirstComponent) {
                            scan.calendarProperties.add(p.bytes());
                        }
                    }
                    case CalendarReader.CalendarEnd end -> {
                        firstCalendar = false;
                        hasPrevious = false;
                    }
                    default -> hasPrevious = false;
                }
            }
        }
        return scan;
    }

    /** The UID of a VEVENT's own UID line (not a nested component's), or "" when it has none. */
    static String uidOf(byte[] vevent) {
        int depth = 0;
        for (ContentLine line : ContentLines.scan(vevent)) {
            if (line.hasName("BEGIN")) {
                depth++;
            } else if (line.hasName("END")) {
                depth--;
            } else if (depth == 1 && line.hasName("UID")) {
                return line.property().value().strip();
            }
        }
        return "";
    }
}
