package org.mms.calendar.graph;

import java.net.http.HttpHeaders;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What Graph answered: the status, the headers and the body, read as JSON when there is one.
 *
 * @param what the request, as messages show it ({@code GET /users/…/events/…}, no query, no token)
 */
record GraphResponse(String what, int status, HttpHeaders headers, byte[] body) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    JsonNode json() {
        if (body.length == 0) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(body);
        } catch (RuntimeException e) {
            throw ClassifyGraphFailure.unreadable(what, "the answer is not JSON");
        }
    }

    /** Graph's {@code error.code} ({@code ErrorItemNotFound}, {@code ErrorAccessDenied}…), if the body has one. */
    Optional<String> errorCode() {
        try {
            return GraphEvent.text(json().path("error"), "code");
        } catch (RuntimeException notJson) {
            return Optional.empty();
        }
    }

    Optional<String> errorMessage() {
        try {
            return GraphEvent.text(json().path("error"), "message");
        } catch (RuntimeException notJson) {
            return Optional.empty();
        }
    }
}
