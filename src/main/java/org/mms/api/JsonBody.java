package org.mms.api;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads request bodies into the records of {@link Bodies}. Every way a body can be wrong becomes an
 * {@link InvalidRequest} whose message names the field in the API's terms, never a Java type.
 */
final class JsonBody {

    private final JsonMapper json;

    JsonBody(JsonMapper json) {
        this.json = json;
    }

    /** The body as {@code type}; an empty body reads as {@code {}}, so actions whose fields are all optional need none. */
    <T> T read(Context ctx, Class<T> type) {
        String body = ctx.body();
        try {
            return json.readValue(body.isBlank() ? "{}" : body, type);
        } catch (JacksonException e) {
            throw new InvalidRequest(explain(e));
        }
    }

    /** A field the operation cannot do without. */
    static <T> T required(T value, String field) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new InvalidRequest(field + " is required");
        }
        return value;
    }

    private static String explain(JacksonException e) {
        String field = path(e.getPath());
        return switch (e) {
            case UnrecognizedPropertyException u -> "unknown field '" + field + "'";
            case MismatchedInputException m when !field.isEmpty() -> field + " must be " + expected(m.getTargetType());
            case MismatchedInputException m -> "the body must be a JSON object";
            case StreamReadException r -> "the body is not valid JSON" + at(r);
            default -> "the body cannot be read" + (field.isEmpty() ? "" : " at " + field);
        };
    }

    private static String path(List<JacksonException.Reference> path) {
        return path.stream()
                .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Instant.class) {
            return "an ISO-8601 instant such as 2026-10-01T09:00:00Z";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    private static String at(StreamReadException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }
}
