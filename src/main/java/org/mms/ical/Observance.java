package org.mms.ical;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One STANDARD or DAYLIGHT block of a VTIMEZONE, read from its unfolded text.
 *
 * @param kind      {@code STANDARD} or {@code DAYLIGHT}
 * @param start     DTSTART, local time before the change
 * @param from      TZOFFSETFROM, if given
 * @param to        TZOFFSETTO
 * @param rrule     the RRULE parts with upper-cased names and values, if any
 * @param lastOnset when the observance last began: its latest RDATE or UNTIL, or
 *                  {@code LocalDateTime.MAX} while its RRULE has no end
 */
record Observance(String kind, LocalDateTime start, Optional<ZoneOffset> from, ZoneOffset to,
                  Optional<Map<String, String>> rrule, LocalDateTime lastOnset) {

    boolean isOpenEnded() {
        return rrule.isPresent() && !rrule.get().containsKey("UNTIL") && !rrule.get().containsKey("COUNT");
    }

    boolean changesOffset() {
        return from.isPresent() && !from.get().equals(to);
    }

    /**
     * Every STANDARD and DAYLIGHT block of one unfolded VTIMEZONE (CRLF or LF); other lines are skipped.
     *
     * @throws IcalFormatException naming the TZID if a block or one of its values is unreadable
     */
    static List<Observance> readAll(String tzid, String text) {
        List<Observance> observances = new ArrayList<>();
        Map<String, String> current = null;
        String kind = null;
        for (String line : text.split("\r\n|\r|\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] property = nameAndValue(tzid, line);
            String name = property[0];
            String value = property[1].strip();
            if (name.equals("BEGIN") && (value.equalsIgnoreCase("STANDARD") || value.equalsIgnoreCase("DAYLIGHT"))) {
                kind = value.toUpperCase(Locale.ROOT);
                current = new HashMap<>();
            } else if (name.equals("END") && current != null && value.equalsIgnoreCase(kind)) {
                observances.add(observance(tzid, kind, current));
                current = null;
            } else if (current != null) {
                // RDATE may repeat; its values only tell when the observance last began.
                current.merge(name, value, (a, b) -> name.equals("RDATE") ? a + "," + b : b);
            }
        }
        if (current != null) {
            throw VtimezoneRules.invalid(tzid, kind + " observance has no END");
        }
        return observances;
    }

    private static Observance observance(String tzid, String kind, Map<String, String> properties) {
        String start = properties.get("DTSTART");
        String to = properties.get("TZOFFSETTO");
        if (start == null || to == null) {
            throw VtimezoneRules.invalid(tzid, kind + " observance needs DTSTART and TZOFFSETTO");
        }
        LocalDateTime startTime = DateTimeText.parse(start, start).local();
        Optional<Map<String, String>> rrule = Optional.ofNullable(properties.get("RRULE")).map(Observance::ruleParts);
        LocalDateTime lastOnset = startTime;
        String rdates = properties.get("RDATE");
        if (rdates != null) {
            for (String rdate : rdates.split(",")) {
                String moment = rdate.strip().split("/")[0];
                LocalDateTime onset = DateTimeText.parse(moment, rdates).local();
                lastOnset = onset.isAfter(lastOnset) ? onset : lastOnset;
            }
        }
        if (rrule.isPresent() && !rrule.get().containsKey("UNTIL") && !rrule.get().containsKey("COUNT")) {
            lastOnset = LocalDateTime.MAX; // still happening every year
        } else if (rrule.isPresent() && rrule.get().containsKey("UNTIL")) {
            String until = rrule.get().get("UNTIL");
            LocalDateTime end = DateTimeText.parse(until, until).local();
            lastOnset = end.isAfter(lastOnset) ? end : lastOnset;
        }
        return new Observance(kind, startTime, Optional.ofNullable(properties.get("TZOFFSETFROM")).map(o -> offset(tzid, o)),
                offset(tzid, to), rrule, lastOnset);
    }

    private static Map<String, String> ruleParts(String rrule) {
        Map<String, String> parts = new HashMap<>();
        for (String part : rrule.split(";")) {
            int equals = part.indexOf('=');
            if (equals > 0) {
                parts.put(part.substring(0, equals).strip().toUpperCase(Locale.ROOT), part.substring(equals + 1).strip().toUpperCase(Locale.ROOT));
            }
        }
        return parts;
    }

    /** TZOFFSETFROM/TO are {@code +hhmm} or {@code +hhmmss}. */
    private static ZoneOffset offset(String tzid, String text) {
        String value = text.strip();
        if (!value.matches("[+-][0-9]{4}([0-9]{2})?")) {
            throw VtimezoneRules.invalid(tzid, "not a UTC offset: \"" + text + "\"");
        }
        int sign = value.charAt(0) == '-' ? -1 : 1;
        int hours = Integer.parseInt(value.substring(1, 3));
        int minutes = Integer.parseInt(value.substring(3, 5));
        int seconds = value.length() == 7 ? Integer.parseInt(value.substring(5, 7)) : 0;
        try {
            return ZoneOffset.ofHoursMinutesSeconds(sign * hours, sign * minutes, sign * seconds);
        } catch (DateTimeException e) {
            throw new IcalFormatException("VTIMEZONE \"" + tzid + "\": not a UTC offset: \"" + text + "\"", e);
        }
    }

    /** Splits {@code NAME;PARAM="a:b":value} at the first colon outside quotes. */
    private static String[] nameAndValue(String tzid, String line) {
        int nameEnd = -1;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == ';' || c == ':')) {
                if (nameEnd < 0) {
                    nameEnd = i;
                }
                if (c == ':') {
                    return new String[] {line.substring(0, nameEnd).strip().toUpperCase(Locale.ROOT), line.substring(i + 1)};
                }
            }
        }
        throw VtimezoneRules.invalid(tzid, "not a content line: \"" + line + "\"");
    }
}
