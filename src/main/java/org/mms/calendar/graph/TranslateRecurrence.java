package org.mms.calendar.graph;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.mms.ical.TimeZones;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Graph's {@code patternedRecurrence} and RFC 5545's RRULE, both ways. Reading covers every pattern Graph has
 * (daily, weekly, absolute and relative monthly and yearly) and every range (endDate, noEnd, numbered), so that the
 * engine can tell whether a series still has an occurrence ahead. Writing (for {@code create}) covers the series
 * people import: daily, weekly, and monthly on one day of the month; anything else is refused by name.
 */
final class TranslateRecurrence {

    private static final DateTimeFormatter UTC_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final Map<String, Integer> WEEK_INDEX = Map.of("first", 1, "second", 2, "third", 3, "fourth", 4, "last", -1);

    private TranslateRecurrence() {
    }

    /**
     * The RRULE value for a series.
     *
     * @param zone where the series' dates are read: the range's time zone when it is known, else UTC; an
     *             endDate range ends with the last second of its day there
     */
    static String toRrule(JsonNode recurrence, ZoneId zone) {
        JsonNode pattern = recurrence.path("pattern");
        JsonNode range = recurrence.path("range");
        String type = pattern.path("type").asString("");
        StringJoiner rule = new StringJoiner(";");
        int interval = Math.max(1, pattern.path("interval").asInt(1));
        switch (type) {
            case "daily" -> rule.add("FREQ=DAILY");
            case "weekly" -> {
                rule.add("FREQ=WEEKLY");
                rule.add("BYDAY=" + days(pattern));
                GraphEvent.text(pattern, "firstDayOfWeek").ifPresent(d -> rule.add("WKST=" + day(d)));
            }
            case "absoluteMonthly" -> {
                rule.add("FREQ=MONTHLY");
                rule.add("BYMONTHDAY=" + pattern.path("dayOfMonth").asInt());
            }
            case "relativeMonthly" -> {
                rule.add("FREQ=MONTHLY");
                rule.add("BYDAY=" + days(pattern));
                rule.add("BYSETPOS=" + index(pattern));
            }
            case "absoluteYearly" -> {
                rule.add("FREQ=YEARLY");
                rule.add("BYMONTH=" + pattern.path("month").asInt());
                rule.add("BYMONTHDAY=" + pattern.path("dayOfMonth").asInt());
            }
            case "relativeYearly" -> {
                rule.add("FREQ=YEARLY");
                rule.add("BYMONTH=" + pattern.path("month").asInt());
                rule.add("BYDAY=" + days(pattern));
                rule.add("BYSETPOS=" + index(pattern));
            }
            default -> throw new IllegalArgumentException("a Graph recurrence pattern of an unknown type: " + type);
        }
        if (interval != 1) {
            rule.add("INTERVAL=" + interval);
        }
        switch (range.path("type").asString("noEnd")) {
            case "numbered" -> rule.add("COUNT=" + range.path("numberOfOccurrences").asInt());
            case "endDate" -> {
                // The last occurrence may start at any time of the end date, in the zone the range is read in.
                LocalDate end = LocalDate.parse(range.path("endDate").asString());
                Instant until = end.atTime(LocalTime.MAX.withNano(0)).atZone(zone).toInstant();
                rule.add("UNTIL=" + UTC_STAMP.format(until));
            }
            default -> {
            }
        }
        return rule.toString();
    }

    /**
     * Where a series' dates are read: the range's {@code recurrenceTimeZone} (a Windows or IANA name) when it is one
     * the engine knows.
     */
    static Optional<ZoneId> zoneOf(JsonNode recurrence) {
        return GraphEvent.text(recurrence.path("range"), "recurrenceTimeZone").flatMap(z -> TimeZones.standard().zoneId(z));
    }

    private static String days(JsonNode pattern) {
        StringJoiner days = new StringJoiner(",");
        for (JsonNode d : pattern.path("daysOfWeek")) {
            days.add(day(d.asString()));
        }
        if (days.length() == 0) {
            throw new IllegalArgumentException("a Graph " + pattern.path("type").asString() + " recurrence without daysOfWeek");
        }
        return days.toString();
    }

    private static String day(String graphDay) {
        return DayOfWeek.valueOf(graphDay.toUpperCase(Locale.ROOT)).name().substring(0, 2);
    }

    private static int index(JsonNode pattern) {
        return WEEK_INDEX.getOrDefault(pattern.path("index").asString("first"), 1);
    }

    // ---- RRULE to Graph, for create ----

    /**
     * The {@code patternedRecurrence} of an RRULE whose series starts on {@code startDate} in {@code zoneName}.
     *
     * @throws IllegalArgumentException naming the part of the rule Graph's recurrences cannot carry here
     */
    static ObjectNode toGraph(String rrule, LocalDate startDate, ZoneId zone, String zoneName, JsonMapper json) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : rrule.strip().split(";")) {
            int equals = part.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("an RRULE part without a value: " + part);
            }
            parts.put(part.substring(0, equals).toUpperCase(Locale.ROOT), part.substring(equals + 1).toUpperCase(Locale.ROOT));
        }
        ObjectNode recurrence = json.createObjectNode();
        ObjectNode pattern = recurrence.putObject("pattern");
        String frequency = parts.getOrDefault("FREQ", "");
        pattern.put("interval", Integer.parseInt(parts.getOrDefault("INTERVAL", "1")));
        List<String> used = new ArrayList<>(List.of("FREQ", "INTERVAL", "COUNT", "UNTIL", "WKST"));
        switch (frequency) {
            case "DAILY" -> pattern.put("type", "daily");
            case "WEEKLY" -> {
                pattern.put("type", "weekly");
                ArrayNode days = pattern.putArray("daysOfWeek");
                String byDay = parts.getOrDefault("BYDAY", startDate.getDayOfWeek().name().substring(0, 2));
                for (String d : byDay.split(",")) {
                    days.add(graphDay(d));
                }
                pattern.put("firstDayOfWeek", graphDay(parts.getOrDefault("WKST", "SU")));
                used.add("BYDAY");
            }
            case "MONTHLY" -> {
                String monthDay = parts.getOrDefault("BYMONTHDAY", Integer.toString(startDate.getDayOfMonth()));
                if (!monthDay.matches("[0-9]{1,2}")) {
                    throw new IllegalArgumentException("Graph cannot take a monthly RRULE on BYMONTHDAY=" + monthDay + " here");
                }
                pattern.put("type", "absoluteMonthly");
                pattern.put("dayOfMonth", Integer.parseInt(monthDay));
                used.add("BYMONTHDAY");
            }
            default -> throw new IllegalArgumentException("creating a series on Graph takes a DAILY, WEEKLY or MONTHLY RRULE, not FREQ="
                    + frequency);
        }
        for (String name : parts.keySet()) {
            if (!used.contains(name)) {
                throw new IllegalArgumentException("creating a series on Graph cannot carry the RRULE part " + name + "=" + parts.get(name));
            }
        }
        ObjectNode range = recurrence.putObject("range");
        range.put("startDate", startDate.toString());
        range.put("recurrenceTimeZone", zoneName);
        if (parts.containsKey("COUNT")) {
            range.put("type", "numbered");
            range.put("numberOfOccurrences", Integer.parseInt(parts.get("COUNT")));
        } else if (parts.containsKey("UNTIL")) {
            range.put("type", "endDate");
            range.put("endDate", untilDate(parts.get("UNTIL"), zone).toString());
        } else {
            range.put("type", "noEnd");
        }
        return recurrence;
    }

    private static LocalDate untilDate(String until, ZoneId zone) {
        LocalDate date = LocalDate.of(Integer.parseInt(until.substring(0, 4)), Integer.parseInt(until.substring(4, 6)),
                Integer.parseInt(until.substring(6, 8)));
        if (until.endsWith("Z") && until.length() == 16) {
            LocalTime time = LocalTime.of(Integer.parseInt(until.substring(9, 11)), Integer.parseInt(until.substring(11, 13)));
            return date.atTime(time).atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).toLocalDate();
        }
        return date;
    }

    private static String graphDay(String icalDay) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().startsWith(icalDay.strip())) {
                return d.name().toLowerCase(Locale.ROOT);
            }
        }
        throw new IllegalArgumentException("creating a series on Graph takes plain weekdays in BYDAY, not " + icalDay);
    }
}
