package org.mms.api;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A route's query parameters. Names the route does not know are refused: a misspelt filter would
 * otherwise widen the answer without a word ({@code ?stat=Failed} listing every migration).
 */
final class Query {

    private final Context ctx;

    private Query(Context ctx) {
        this.ctx = ctx;
    }

    static Query of(Context ctx, String... known) {
        wellEncoded(ctx.queryString());
        Set<String> names = Set.of(known);
        for (String name : ctx.queryParamMap().keySet()) {
            if (!names.contains(name)) {
                throw new InvalidRequest("unknown query parameter '" + name + "'"
                        + (known.length == 0 ? "; this route takes none" : "; this route takes " + String.join(", ", known)));
            }
        }
        return new Query(ctx);
    }

    /**
     * The query string's percent-encoding must be valid UTF-8: the decoder would otherwise drop or replace
     * what it cannot read, and the filter would mean something else than the caller wrote.
     */
    private static void wellEncoded(String query) {
        if (query == null) {
            return;
        }
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c != '%') {
                raw.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            } else if (i + 2 < query.length() && HexFormat.isHexDigit(query.charAt(i + 1)) && HexFormat.isHexDigit(query.charAt(i + 2))) {
                raw.write(HexFormat.fromHexDigits(query, i + 1, i + 3));
                i += 2;
            } else {
                throw new InvalidRequest("the query string has a % that is not followed by two hex digits");
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(raw.toByteArray()));
        } catch (CharacterCodingException e) {
            throw new InvalidRequest("the query string is not percent-encoded UTF-8");
        }
    }

    Optional<String> text(String name) {
        List<String> values = ctx.queryParams(name);
        if (values.size() > 1) {
            throw new InvalidRequest("query parameter '" + name + "' is given " + values.size() + " times");
        }
        return values.stream().map(String::strip).filter(v -> !v.isEmpty()).findFirst();
    }

    /** An instant as ISO-8601 with {@code Z} or an offset, e.g. {@code 2026-10-01T00:00:00Z}. */
    Optional<Instant> instant(String name) {
        return text(name).map(value -> {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidRequest(name + " must be an ISO-8601 instant with an offset, such as 2026-10-01T00:00:00Z, not '" + value + "'");
            }
        });
    }
}
