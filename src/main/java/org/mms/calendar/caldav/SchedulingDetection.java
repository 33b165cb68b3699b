package org.mms.calendar.caldav;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether a server does RFC 6638 server-side scheduling: it then lists {@code calendar-auto-schedule}
 * in the {@code DAV} header of its OPTIONS answers (§2). Compared token by token, not as a substring:
 * Xandikos 0.2.8 lists {@code calendar-auto-scheduling}, which is not the RFC's token, and schedules
 * nothing. Asked once per server (scheme, host and port) and remembered, since the answer does not
 * change while the service runs; a failed OPTIONS is not remembered.
 */
final class SchedulingDetection {

    static final String AUTO_SCHEDULE = "calendar-auto-schedule";

    private final DavHttp http;
    private final Map<String, Boolean> byServer = new ConcurrentHashMap<>();

    SchedulingDetection(DavHttp http) {
        this.http = http;
    }

    boolean serverSchedules(URI calendarUrl) {
        String server = calendarUrl.getScheme().toLowerCase(Locale.ROOT) + "://" + calendarUrl.getHost().toLowerCase(Locale.ROOT)
                + ":" + calendarUrl.getPort();
        Boolean known = byServer.get(server);
        if (known != null) {
            return known;
        }
        DavResponse response = http.send(DavRequest.options(calendarUrl));
        if (!response.isSuccess()) {
            throw response.failure();
        }
        boolean schedules = advertisesAutoSchedule(String.join(",", response.headers().allValues("DAV")));
        byServer.putIfAbsent(server, schedules);
        return schedules;
    }

    /** Whether a {@code DAV} header value (comma-separated compliance classes) holds the token. */
    static boolean advertisesAutoSchedule(String davHeader) {
        for (String token : davHeader.split(",")) {
            if (token.strip().equalsIgnoreCase(AUTO_SCHEDULE)) {
                return true;
            }
        }
        return false;
    }
}
