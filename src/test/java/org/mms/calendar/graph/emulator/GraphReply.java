package org.mms.calendar.graph.emulator;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** What the emulator answers to one request: a status, extra headers, and a JSON body or none (204). */
record GraphReply(int status, Map<String, String> headers, JsonNode body) {

    static GraphReply json(int status, JsonNode body) {
        return new GraphReply(status, Map.of(), body);
    }

    static GraphReply noContent() {
        return new GraphReply(204, Map.of(), null);
    }

    /** Graph's error shape: {@code {"error":{"code":…,"message":…,"innerError":{…}}}}. */
    static GraphReply error(int status, String code, String message) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode error = root.putObject("error");
        error.put("code", code);
        error.put("message", message);
        return new GraphReply(status, Map.of(), root);
    }

    /** An error that tells the client when to come back, as Graph's throttling answers do (whole seconds). */
    static GraphReply retryLater(int status, String code, String message, long retryAfterSeconds) {
        GraphReply reply = error(status, code, message);
        return reply.withHeader("Retry-After", Long.toString(retryAfterSeconds));
    }

    GraphReply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new GraphReply(status, Map.copyOf(more), body);
    }
}
