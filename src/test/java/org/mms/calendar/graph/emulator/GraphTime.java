package org.mms.calendar.graph.emulator;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Graph's {@code dateTimeTimeZone} ({@code {"dateTime":"2025-03-04T09:00:00.0000000","timeZone":"UTC"}}) to and from
 * instants. Graph accepts Windows and IANA zone names; the emulator knows IANA names and the few Windows names tests
 * use, and answers 400 for others rather than guess.
 */
final class GraphTime {

    /** Graph writes local date-times with seven fraction digits and no offset. */
    static final DateTimeFormatter GRAPH_LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS");

    private static final Map<String, String> WINDOWS_ZONES = Map.of(
            "UTC", "UTC",
            "GMT Standard Time", "Europe/London",
            "W. Europe Standard Time", "Europe/Berlin",
            "Romance Standard Time", "Europe/Paris",
            "Central Europe Standard Time", "Europe/Budapest",
            "Eastern Standard Time", "America/New_York",
            "Central Standard Time", "America/Chicago",
            "Pacific Standard Time", "America/Los_Angeles",
            "Tokyo Standard Time", "Asia/Tokyo");

    private GraphTime() {
    }

    static ZoneId zone(String name) {
        String iana = WINDOWS_ZONES.getOrDefault(name, name);
        try {
            return ZoneId.of(iana);
        } catch (DateTimeException e) {
            throw new BadRequest("ErrorTimeZoneNotSupported", "The time zone '" + name + "' is not known to the emulator.");
        }
    }

    static ZoneId zoneOf(JsonNode dateTimeTimeZone) {
        return zone(dateTimeTimeZone.path("timeZone").asString("UTC"));
    }

    static LocalDateTime local(JsonNode dateTimeTimeZone) {
        String text = dateTimeTimeZone.path("dateTime").asString("");
        try {
            return LocalDateTime.parse(text.endsWith("Z") ? text.substring(0, text.length() - 1) : text);
        } catch (DateTimeException e) {
            throw new BadRequest("ErrorInvalidRequest", "'" + text + "' is not a date and time.");
        }
    }

    static Instant instant(JsonNode dateTimeTimeZone) {
        return local(dateTimeTimeZone).atZone(zoneOf(dateTimeTimeZone)).toInstant();
    }

    static ObjectNode of(Instant instant, ZoneId zone, String zoneName) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("dateTime", GRAPH_LOCAL.format(LocalDateTime.ofInstant(instant, zone)));
        node.put("timeZone", zoneName);
        return node;
    }

    /** A query bound such as {@code 2025-03-01T00:00:00Z}, {@code 2025-03-01T00:00:00-08:00} or one without offset (UTC). */
    static Instant bound(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException withoutOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeException e) {
                throw new BadRequest("ErrorInvalidParameter", "The value '" + text + "' of a time window bound is not an ISO 8601 date and time.");
            }
        }
    }
}
