package org.mms.api;

import io.javalin.http.Context;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Optional;
import org.mms.admin.FieldLimits;
import org.mms.admin.InputRules;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads request bodies into the records of {@link Bodies}. Every way a body can be wrong becomes an
 * {@link InvalidRequest} whose message names the field in the API's terms, never a Java type.
 */
final class JsonBody {

    private final JsonMapper json;
    private final long limit;

    JsonBody(JsonMapper json, long limit) {
        // No guessing on input: a number is not a string or a flag, "12" is not a number, 1.5 is not a whole number.
        this.json = json.rebuild()
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                // Instants only as ISO-8601 text: Jackson would also take a number as seconds since 1970.
                .addModule(new SimpleModule().addDeserializer(Instant.class, new IsoInstant()))
                .build();
        this.limit = limit;
    }

    /**
     * The body as {@code type}, read as UTF-8 JSON (RFC 8259) up to the limit for commands; an empty body
     * reads as {@code {}}, so actions whose fields are all optional need none. Anything but an object is refused.
     */
    <T> T read(Context ctx, Class<T> type) {
        RequestBody.requireType(ctx, "application/json");
        byte[] body = RequestBody.bytes(ctx, limit);
        T value;
        try {
            value = json.readValue(isBlank(body) ? new byte[] {'{', '}'} : body, type);
        } catch (JacksonException e) {
            throw new InvalidRequest(explain(e));
        }
        if (value == null) {
            throw new InvalidRequest("the body must be a JSON object, not null");
        }
        checkLengths(value);
        return value;
    }

    /** Every text field of a body record within the width of where it is kept (FieldLimits), refused by name if not. */
    private static void checkLengths(Object body) {
        if (!body.getClass().isRecord()) {
            return;
        }
        for (RecordComponent c : body.getClass().getRecordComponents()) {
            Object v;
            try {
                v = c.getAccessor().invoke(body);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            Object value = v instanceof Optional<?> o ? o.orElse(null) : v;
            if (value instanceof String s) {
                FieldLimits.checkLength(c.getName(), s);
                InputRules.check(c.getName(), s);
            } else if (value instanceof List<?> list) {
                list.stream().filter(String.class::isInstance).forEach(s -> FieldLimits.checkLength(c.getName(), (String) s));
            }
        }
    }

    private static final class IsoInstant extends ValueDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
            }
            try {
                return OffsetDateTime.parse(p.getString()).toInstant();
            } catch (DateTimeParseException e) {
                return (Instant) ctxt.handleWeirdStringValue(Instant.class, p.getString(), "not an ISO-8601 instant");
            }
        }
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
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
            case InputCoercionException c -> (field.isEmpty() ? "a number" : field) + " is out of range";
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
