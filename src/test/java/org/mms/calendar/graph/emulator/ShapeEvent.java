package org.mms.calendar.graph.emulator;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a stored event into what Graph sends for one request: start and end in the preferred zone, the body as HTML
 * or text, extended properties only when expanded and only those asked for (left out when none match, as Graph does),
 * and only the selected properties ({@code id} and {@code @odata.etag} are always there).
 */
final class ShapeEvent {

    private static final Set<String> ALWAYS = Set.of("id", "@odata.etag");

    private ShapeEvent() {
    }

    static ObjectNode shape(ObjectNode stored, ODataQuery query, Preferences preferences) {
        ObjectNode event = stored.deepCopy();
        ZoneId zone = GraphTime.zone(preferences.timeZone());
        for (String field : List.of("start", "end")) {
            if (event.hasNonNull(field)) {
                event.set(field, GraphTime.of(GraphTime.instant(event.get(field)), zone, preferences.timeZone()));
            }
        }
        if (preferences.textBody() && event.path("body").isObject()) {
            String html = event.path("body").path("content").asString("");
            event.putObject("body").put("contentType", "text").put("content", ExchangeBody.asText(html));
        }
        JsonNode properties = event.remove("singleValueExtendedProperties");
        if (query.select().isPresent()) {
            Set<String> keep = query.select().get();
            List<String> dropped = event.propertyNames().stream()
                    .filter(name -> !ALWAYS.contains(name) && keep.stream().noneMatch(name::equalsIgnoreCase))
                    .toList();
            event.remove(dropped);
        }
        if (query.extendedPropertyIds().isPresent() && properties != null) {
            ArrayNode chosen = event.arrayNode();
            for (JsonNode property : properties) {
                String id = property.path("id").asString("");
                if (query.extendedPropertyIds().get().stream().anyMatch(wanted -> ExtendedPropertyId.same(id, wanted))) {
                    chosen.add(property.deepCopy());
                }
            }
            if (!chosen.isEmpty()) {
                event.set("singleValueExtendedProperties", chosen);
            }
        }
        return event;
    }
}
