package org.mms.calendar.graph;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON Graph creates an event from ({@code POST /users/{upn}/events}), or turns an occurrence into an exception
 * with (PATCH): subject, times in the event's own zone, body, attendees, recurrence, the add-in's properties, and the
 * name and UID the calendar gave ({@link ImportedNames}). The organizer is the mailbox's owner; Graph takes no other.
 * Pure.
 */
final class ComposeNewEvent {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);

    private ComposeNewEvent() {
    }

    /**
     * @throws IllegalArgumentException naming what of the event Graph cannot be given
     */
    static ObjectNode event(IcalEvent e, String resourceName, JsonMapper json) {
        if (!e.unsupported().isEmpty()) {
            throw new IllegalArgumentException("creating this meeting on Graph would lose its " + String.join(" and ", e.unsupported())
                    + " (UID " + e.uid() + ")");
        }
        ObjectNode event = fields(e, json);
        e.rrule().ifPresent(rule -> event.set("recurrence",
                TranslateRecurrence.toGraph(rule, e.start().atZone(e.zone()).toLocalDate(), e.zone(), e.zoneName(), json)));
        ArrayNode attendees = event.putArray("attendees");
        for (Map.Entry<String, IcalEvent.Attendee> a : e.attendees().entrySet()) {
            ObjectNode attendee = attendees.addObject();
            attendee.put("type", switch (a.getValue().role().toUpperCase(Locale.ROOT)) {
                case "OPT-PARTICIPANT" -> "optional";
                case "NON-PARTICIPANT" -> "resource";
                default -> "required";
            });
            ObjectNode address = attendee.putObject("emailAddress");
            address.put("address", a.getKey());
            address.put("name", a.getValue().name());
        }
        ArrayNode properties = (ArrayNode) event.get("singleValueExtendedProperties");
        properties.addObject().put("id", ImportedNames.RESOURCE_NAME).put("value", resourceName);
        properties.addObject().put("id", ImportedNames.UID).put("value", e.uid());
        return event;
    }

    /** What an override changes of its occurrence: times, subject, body, the add-in's properties. */
    static ObjectNode override(IcalEvent e, JsonMapper json) {
        return fields(e, json);
    }

    private static ObjectNode fields(IcalEvent e, JsonMapper json) {
        ObjectNode event = json.createObjectNode();
        event.put("subject", e.summary());
        event.put("isAllDay", e.allDay());
        event.set("start", time(e.start(), e.allDay() ? ZoneOffset.UTC : e.zone(), e.allDay() ? "UTC" : e.zoneName(), json));
        event.set("end", time(e.end(), e.allDay() ? ZoneOffset.UTC : e.zone(), e.allDay() ? "UTC" : e.zoneName(), json));
        if (e.htmlBody().isPresent() || e.textBody().isPresent()) {
            ObjectNode body = event.putObject("body");
            body.put("contentType", e.htmlBody().isPresent() ? "html" : "text");
            body.put("content", e.htmlBody().orElseGet(() -> e.textBody().orElse("")));
        }
        ArrayNode properties = event.putArray("singleValueExtendedProperties");
        for (Map.Entry<String, String> p : e.addIn().entrySet()) {
            AddInProperties.forIcal(p.getKey()).ifPresent(known -> properties.addObject().put("id", known.graphId()).put("value", p.getValue()));
        }
        return event;
    }

    private static ObjectNode time(Instant instant, ZoneId zone, String zoneName, JsonMapper json) {
        ObjectNode time = json.createObjectNode();
        time.put("dateTime", LOCAL.format(instant.atZone(zone)));
        time.put("timeZone", zoneName);
        return time;
    }
}
