package org.mms.calendar.graph.emulator;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Graph request as it arrived, for assertions on what a client sent. The Authorization header is left out: a test
 * has no business with the token, and it should never end up in a report.
 *
 * @param method  GET, POST, PATCH, DELETE
 * @param path    the raw path, from {@code /v1.0} on
 * @param query   the raw query string, empty when there was none
 * @param headers the request headers, names in lower case
 * @param status  what the emulator answered
 */
public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers, int status) {

    /** The first value of a header, by case-insensitive name. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }
}
