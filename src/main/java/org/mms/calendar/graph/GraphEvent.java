package org.mms.calendar.graph;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One Graph event as the store reads it: only what a meeting's calendar resource is made of. Times are UTC (the
 * store asks for {@code Prefer: outlook.timezone="UTC"}).
 *
 * @param id             its immutable id
 * @param etag           its {@code @odata.etag}, the version a PATCH is conditional on
 * @param type           {@code singleInstance}, {@code occurrence}, {@code exception} or {@code seriesMaster}
 * @param body           the HTML body, exactly as Graph gave it
 * @param properties     the extended properties asked for, by id as Graph gave it
 * @param recurrence     the series' pattern and range, for a series master
 * @param originalStart  where an exception's occurrence would have been
 */
record GraphEvent(String id, String etag, String type, Optional<String> seriesMasterId, String iCalUId, boolean isOrganizer,
        boolean isCancelled, boolean isAllDay, String subject, String body, Instant start, Instant end, Optional<Person> organizer,
        List<Attendee> attendees, Optional<JsonNode> recurrence, Optional<Instant> originalStart, Map<String, String> properties) {

    /** Someone named by an address. */
    record Person(String name, String address) {
    }

    /** An attendee: {@code required}, {@code optional} or {@code resource}. */
    record Attendee(Person person, String type) {
    }

    GraphEvent {
        Objects.requireNonNull(id, "id");
        properties = Map.copyOf(properties);
        attendees = List.copyOf(attendees);
    }

    boolean isSeriesMaster() {
        return type.equals("seriesMaster");
    }

    boolean isException() {
        return type.equals("exception");
    }

    /** The value of an extended property, blank ones counting as absent (Graph cannot remove one; MMS empties it). */
    Optional<String> property(String graphId) {
        for (Map.Entry<String, String> e : properties.entrySet()) {
            if (e.getKey().equalsIgnoreCase(graphId)) {
                return Optional.ofNullable(e.getValue()).filter(v -> !v.isBlank());
            }
        }
        return Optional.empty();
    }

    /** Reads an event from Graph's JSON; fields it does not carry read as absent or empty. */
    static GraphEvent of(JsonNode e) {
        String id = text(e, "id").orElseThrow(() -> new IllegalArgumentException("a Graph event without an id"));
        Map<String, String> properties = new LinkedHashMap<>();
        for (JsonNode p : e.path("singleValueExtendedProperties")) {
            text(p, "id").ifPresent(pid -> properties.put(pid, text(p, "value").orElse("")));
        }
        List<Attendee> attendees = new ArrayList<>();
        for (JsonNode a : e.path("attendees")) {
            person(a.path("emailAddress")).ifPresent(p -> attendees.add(new Attendee(p, text(a, "type").orElse("required"))));
        }
        JsonNode recurrence = e.path("recurrence");
        return new GraphEvent(id, text(e, "@odata.etag").orElse(""), text(e, "type").orElse("singleInstance"),
                text(e, "seriesMasterId"), text(e, "iCalUId").orElse(id), e.path("isOrganizer").asBoolean(true),
                e.path("isCancelled").asBoolean(false), e.path("isAllDay").asBoolean(false), text(e, "subject").orElse(""),
                text(e.path("body"), "content").orElse(""), time(e.path("start")).orElse(Instant.EPOCH),
                time(e.path("end")).orElse(Instant.EPOCH), person(e.path("organizer").path("emailAddress")), attendees,
                recurrence.isObject() ? Optional.of(recurrence) : Optional.empty(), originalStart(e), properties);
    }

    private static Optional<Instant> originalStart(JsonNode e) {
        // An exception's originalStart is an instant with its offset (DateTimeOffset), not a dateTimeTimeZone.
        return text(e, "originalStart").map(s -> java.time.OffsetDateTime.parse(s).toInstant());
    }

    private static Optional<Person> person(JsonNode emailAddress) {
        return text(emailAddress, "address").map(a -> new Person(text(emailAddress, "name").orElse(""), a));
    }

    /**
     * A {@code dateTimeTimeZone} in UTC, as the store asks for them: {@code 2027-01-05T10:00:00.0000000}. Graph writes
     * seven fractional digits, which {@link LocalDateTime#parse} reads.
     */
    static Optional<Instant> time(JsonNode dateTimeTimeZone) {
        Optional<String> text = text(dateTimeTimeZone, "dateTime");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String zone = text(dateTimeTimeZone, "timeZone").orElse("UTC");
        if (!zone.equalsIgnoreCase("UTC") && !zone.equalsIgnoreCase("Etc/GMT") && !zone.equalsIgnoreCase("GMT")) {
            throw new IllegalArgumentException("Graph gave a time in " + zone + " although UTC was asked for");
        }
        return Optional.of(LocalDateTime.parse(text.get()).toInstant(ZoneOffset.UTC));
    }

    static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? Optional.of(value.asString()) : Optional.empty();
    }
}
