package org.mms.calendar.caldav;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
import org.mms.calendar.CalendarStoreException;
import org.mms.calendar.PermanentStoreException;
import org.mms.calendar.TransientStoreException;

/**
 * The one place that decides whether a failed request is worth trying again. Transient: timeouts,
 * connections that fail or break, 5xx, 408 and 429 (the queue retries the migration later).
 * Permanent: every other 4xx, redirects, TLS certificates the system does not trust (an admin must
 * change something). Messages name the method, the URL (never with credentials) and the status, with a
 * hint at the usual cause.
 */
final class ClassifyHttpFailure {

    private static final Map<Integer, String> HINTS = Map.ofEntries(
            Map.entry(400, "Bad Request: the server rejected the request or the calendar data"),
            Map.entry(401, "Unauthorized: the server refused the credentials; check the CalDAV username and password"),
            Map.entry(403, "Forbidden: the account may not do this here; check its rights on the calendar"),
            Map.entry(404, "Not Found: check that the calendar collection exists at this URL"),
            Map.entry(405, "Method Not Allowed: is this URL a calendar collection?"),
            Map.entry(409, "Conflict: the server refuses the change (does the calendar collection exist?)"),
            Map.entry(410, "Gone"),
            Map.entry(411, "Length Required"),
            Map.entry(413, "Content Too Large: the server refuses a resource this big"),
            Map.entry(414, "URI Too Long"),
            Map.entry(415, "Unsupported Media Type"),
            Map.entry(422, "Unprocessable Content"),
            Map.entry(423, "Locked: another client holds a WebDAV lock on the resource"),
            Map.entry(408, "Request Timeout"),
            Map.entry(425, "Too Early"),
            Map.entry(429, "Too Many Requests"),
            Map.entry(500, "Internal Server Error"),
            Map.entry(501, "Not Implemented"),
            Map.entry(502, "Bad Gateway"),
            Map.entry(503, "Service Unavailable"),
            Map.entry(504, "Gateway Timeout"),
            Map.entry(507, "Insufficient Storage"));

    private ClassifyHttpFailure() {
    }

    /** Whether a response with this status would be worth sending again later. */
    static boolean isTransient(int status) {
        return status >= 500 || status == 408 || status == 425 || status == 429;
    }

    /** What the RFC 4791 preconditions a server may name mean for the admin reading the message. */
    private static final Map<String, String> CONDITIONS = Map.of(
            "no-uid-conflict", "another resource of this calendar already holds the UID",
            "valid-calendar-data", "the server does not accept the calendar data",
            "valid-calendar-object-resource", "the server does not accept the resource as one calendar object",
            "supported-calendar-component", "the calendar does not take this kind of component",
            "supported-calendar-data", "the server does not take this media type",
            "max-resource-size", "the resource is larger than the server takes",
            "unique-scheduling-object-resource", "the account holds a scheduled meeting with this UID in another calendar");

    /**
     * A 403 that names a precondition refuses what was sent, not the account: Cyrus answers a meeting
     * it will not store with 403 and the condition, where the plain 403 hint would send an admin to
     * check rights that are fine.
     */
    private static final String REFUSED_WITH_CONDITION = "Forbidden: the server refused this meeting";

    static CalendarStoreException ofStatus(String method, URI uri, int status, Optional<String> location) {
        return ofStatus(method, uri, status, location, List.of());
    }

    /**
     * The exception for a response that the caller could not use.
     *
     * @param conditions the preconditions a {@code DAV:error} body named, if any
     */
    static CalendarStoreException ofStatus(String method, URI uri, int status, Optional<String> location, List<String> conditions) {
        StringBuilder message = new StringBuilder(what(method, uri)).append(": HTTP ").append(status);
        String hint = status == 403 && !conditions.isEmpty() ? REFUSED_WITH_CONDITION : HINTS.get(status);
        if (hint != null) {
            message.append(' ').append(hint);
        }
        for (String condition : conditions) {
            message.append(" [").append(condition).append(CONDITIONS.containsKey(condition) ? ": " + CONDITIONS.get(condition) : "")
                    .append(']');
        }
        if (status >= 300 && status < 400) {
            // Not followed: a redirect may lead to another host, and the credentials would go along.
            message.append(" redirect").append(location.map(l -> " to " + shownLocation(uri, l)).orElse(""))
                    .append(": configure the calendar URL the server points to");
            return new PermanentStoreException(message.toString());
        }
        if (isTransient(status)) {
            return new TransientStoreException(message.toString());
        }
        return new PermanentStoreException(message.toString());
    }

    /** The exception for a request that got no usable response at all. */
    static CalendarStoreException ofException(String method, URI uri, IOException e) {
        if (e instanceof SSLHandshakeException) {
            return new PermanentStoreException(what(method, uri) + ": the TLS handshake failed (" + e.getMessage()
                    + "); the server's certificate must be trusted by the system trust store", e);
        }
        if (e instanceof HttpTimeoutException) {
            return new TransientStoreException(what(method, uri) + ": timed out (" + e.getMessage() + ")", e);
        }
        return new TransientStoreException(what(method, uri) + ": " + describe(e), e);
    }

    /**
     * A success status with a body that is not what the request asks for (a proxy's page instead of a
     * multistatus, a cut-off document): worth another try later.
     */
    static CalendarStoreException unreadable(String method, URI uri, String detail) {
        return new TransientStoreException(what(method, uri) + ": " + detail);
    }

    /**
     * The server gives no ETag for a resource, neither in a header nor as {@code getetag}: without one
     * no write can be conditional, and asking again will not change that.
     */
    static CalendarStoreException noEtag(String method, URI uri) {
        return new PermanentStoreException(what(method, uri) + ": the server gives no ETag for the resource, "
                + "so it cannot be written conditionally");
    }

    static TransientStoreException interrupted(String method, URI uri, InterruptedException e) {
        return new TransientStoreException(what(method, uri) + ": interrupted while waiting for the answer", e);
    }

    /**
     * The JDK client reused a connection the server had already closed (Radicale answers in HTTP/1.0
     * and closes): the request never reached the server, so sending it again on a new connection is
     * safe, conditional or not.
     */
    static boolean isClosedBeforeAnswer(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.toLowerCase(Locale.ROOT).contains("header parser received no bytes")) {
                return true;
            }
        }
        return false;
    }

    private static String what(String method, URI uri) {
        return "CalDAV " + method + " " + DavUris.shown(uri);
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        String kind = e.getClass().getSimpleName();
        return message == null || message.isBlank() ? kind : kind + ": " + message;
    }

    private static String shownLocation(URI request, String location) {
        try {
            return DavUris.shown(DavUris.resolve(request, location));
        } catch (IllegalArgumentException unreadable) {
            return "an unreadable location";
        }
    }
}
