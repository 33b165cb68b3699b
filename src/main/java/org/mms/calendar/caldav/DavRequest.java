package org.mms.calendar.caldav;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One request to the server: the method, the URL, the headers of its own and the body. Built by the
 * factories below, which set what each kind needs (Xandikos answers 415 to a PROPFIND or REPORT body
 * without {@code Content-Type: application/xml}).
 */
record DavRequest(String method, URI uri, Map<String, String> headers, byte[] body) {

    static final String XML = "application/xml; charset=utf-8";
    static final String CALENDAR = "text/calendar; charset=utf-8";

    DavRequest {
        headers = Map.copyOf(headers);
    }

    static DavRequest get(URI uri) {
        return new DavRequest("GET", uri, Map.of("Accept", "text/calendar"), new byte[0]);
    }

    static DavRequest options(URI uri) {
        return new DavRequest("OPTIONS", uri, Map.of(), new byte[0]);
    }

    static DavRequest propfind(URI uri, int depth, String xml) {
        return new DavRequest("PROPFIND", uri, Map.of("Depth", String.valueOf(depth), "Content-Type", XML),
                xml.getBytes(StandardCharsets.UTF_8));
    }

    static DavRequest report(URI uri, int depth, String xml) {
        return new DavRequest("REPORT", uri, Map.of("Depth", String.valueOf(depth), "Content-Type", XML),
                xml.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A PUT of calendar data.
     *
     * @param ifMatch     the ETag the resource must still have
     * @param ifNoneMatch whether the resource must not exist yet ({@code If-None-Match: *})
     */
    static DavRequest put(URI uri, byte[] data, Optional<String> ifMatch, boolean ifNoneMatch) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", CALENDAR);
        ifMatch.ifPresent(etag -> headers.put("If-Match", etag));
        if (ifNoneMatch) {
            headers.put("If-None-Match", "*");
        }
        return new DavRequest("PUT", uri, headers, data.clone());
    }

    @Override
    public String toString() {
        return method + " " + DavUris.shown(uri);
    }
}
