package org.mms.ical;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Just enough iCalendar reading for tests: unfolds a fixture, finds its VTIMEZONEs and VEVENTs and
 * hands their properties over as the values the recurrence code takes.
 */
final class IcsFixture {

    record Property(String name, Map<String, String> parameters, String value) {

        Optional<String> parameter(String name) {
            return Optional.ofNullable(parameters.get(name));
        }

        DateTimeValue dateTime() {
            return new DateTimeValue(value, parameter("TZID"), parameter("VALUE"));
        }
    }

    record Event(List<Property> properties) {

        Optional<Property> first(String name) {
            return properties.stream().filter(p -> p.name().equals(name)).findFirst();
        }

        List<Property> all(String name) {
            return properties.stream().filter(p -> p.name().equals(name)).toList();
        }

        boolean isOverride() {
            return first("RECURRENCE-ID").isPresent();
        }

        RecurrenceSet recurrence(TimeContext time) {
            return RecurrenceSet.of(first("DTSTART").orElseThrow().dateTime(),
                    all("RRULE").stream().map(Property::value).toList(),
                    all("RDATE").stream().map(Property::dateTime).toList(),
                    all("EXDATE").stream().map(Property::dateTime).toList(),
                    time);
        }
    }

    private final Map<String, String> vtimezones = new LinkedHashMap<>();
    private final List<Event> events = new ArrayList<>();

    private IcsFixture(String text) {
        List<String> lines = List.of(text.replaceAll("\r?\n[ \t]", "").split("\r?\n"));
        StringBuilder vtimezone = null;
        String tzid = null;
        List<Property> event = null;
        for (String line : lines) {
            if (line.equals("BEGIN:VTIMEZONE")) {
                vtimezone = new StringBuilder();
            }
            if (vtimezone != null) {
                vtimezone.append(line).append("\r\n");
                if (line.startsWith("TZID:")) {
                    tzid = unescapeText(line.substring("TZID:".length()));
                }
                if (line.equals("END:VTIMEZONE")) {
                    vtimezones.put(tzid, vtimezone.toString());
                    vtimezone = null;
                }
            } else if (line.equals("BEGIN:VEVENT")) {
                event = new ArrayList<>();
            } else if (line.equals("END:VEVENT")) {
                events.add(new Event(List.copyOf(event)));
                event = null;
            } else if (event != null) {
                event.add(property(line));
            }
        }
    }

    static IcsFixture load(String name) {
        String resource = "/fixtures/ics/" + name;
        try (InputStream in = IcsFixture.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            return new IcsFixture(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** TZID (unescaped) to the unfolded VTIMEZONE text, as {@link TimeZones#withDefinitions} takes it. */
    Map<String, String> vtimezones() {
        return vtimezones;
    }

    TimeZones zones() {
        return TimeZones.standard().withDefinitions(vtimezones);
    }

    Event master() {
        return events.stream().filter(e -> !e.isOverride()).findFirst().orElseThrow();
    }

    List<Event> overrides() {
        return events.stream().filter(Event::isOverride).toList();
    }

    private static Property property(String line) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        boolean quoted = false;
        int colon = -1;
        for (int i = 0; i < line.length() && colon < 0; i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == ';' || c == ':')) {
                parts.add(line.substring(start, i));
                start = i + 1;
                if (c == ':') {
                    colon = i;
                }
            }
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String parameter : parts.subList(1, parts.size())) {
            int equals = parameter.indexOf('=');
            parameters.put(parameter.substring(0, equals).toUpperCase(Locale.ROOT), unquote(parameter.substring(equals + 1)));
        }
        return new Property(parts.getFirst().toUpperCase(Locale.ROOT), parameters, line.substring(colon + 1));
    }

    private static String unquote(String value) {
        return value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }

    private static String unescapeText(String value) {
        return value.replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\");
    }
}
