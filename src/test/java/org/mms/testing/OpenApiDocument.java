package org.mms.testing;

import tools.jackson.databind.JsonNode;

/** Reading the API's OpenAPI document in tests. */
public final class OpenApiDocument {

    private OpenApiDocument() {
    }

    /** The node a {@code $ref} points to within {@code doc}, or the node itself when it is no reference. */
    public static JsonNode resolve(JsonNode doc, JsonNode node) {
        if (!node.has("$ref")) {
            return node;
        }
        JsonNode target = doc;
        for (String part : node.path("$ref").asString().substring(2).split("/")) {
            target = target.path(part);
        }
        return target;
    }
}
