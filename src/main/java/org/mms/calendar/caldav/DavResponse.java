package org.mms.calendar.caldav;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Optional;
import org.mms.calendar.CalendarStoreException;

/** A response as the adapter reads it: the status, the headers and the whole body (bounded by the request). */
record DavResponse(String method, URI uri, int status, HttpHeaders headers, byte[] body) {

    /**
     * What became of the request: the status, except for a 207 to a request that asked for no
     * multistatus. Xandikos answers a PUT it refuses (a UID already in the calendar) with a 207 whose
     * one response holds the real status (412); that is a refusal, not a success.
     */
    int outcome() {
        if (status != 207 || method.equals("PROPFIND") || method.equals("REPORT")) {
            return status;
        }
        try {
            List<Multistatus.Response> responses = MultistatusParser.parse(body).responses();
            return responses.stream()
                    .filter(r -> !r.exists())
                    .mapToInt(r -> r.status().getAsInt())
                    .findFirst()
                    .orElse(responses.isEmpty() ? 500 : 200);
        } catch (IllegalArgumentException unreadable) {
            // A 207 whose body cannot be read says nothing about the write: the server is at fault.
            return 500;
        }
    }

    boolean isSuccess() {
        int outcome = outcome();
        return outcome >= 200 && outcome < 300;
    }

    /** The conditions an error body names ({@code no-uid-conflict}); empty for most answers. */
    List<String> conditions() {
        return isSuccess() && status != 207 ? List.of() : MultistatusParser.errorConditions(body);
    }

    Optional<String> header(String name) {
        return headers.firstValue(name).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** The {@code ETag} header, when the server sent one. */
    Optional<String> etag() {
        return header("ETag");
    }

    /** The exception to throw when this response is not what the caller needed. */
    CalendarStoreException failure() {
        return ClassifyHttpFailure.ofStatus(method, uri, outcome(), header("Location"), conditions());
    }

    /** The multistatus of a 207, or the right exception for any other answer. */
    Multistatus multistatus() {
        if (status != 207) {
            throw isSuccess()
                    ? ClassifyHttpFailure.unreadable(method, uri, "HTTP " + status + " where a multistatus (207) was expected")
                    : failure();
        }
        try {
            return MultistatusParser.parse(body);
        } catch (IllegalArgumentException e) {
            throw ClassifyHttpFailure.unreadable(method, uri, "the multistatus cannot be read (" + e.getMessage() + ")");
        }
    }
}
