package org.mms.calendar.caldav;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import org.mms.calendar.CalendarStoreException;

/**
 * Whether a CalDAV server works with the given settings, asked before they are saved
 * ({@code Set-CsCalendarStore}): a PROPFIND of the base URL with the credentials (a wrong password is
 * refused there), then OPTIONS, whose {@code DAV} header must list {@code calendar-access} (RFC 4791
 * §5.1), there or at the account's principal. Redirects are not followed: the answer says where the server points instead.
 */
public final class CheckConnection {

    /** What the check found; every message is one line an admin can act on, without the password. */
    public sealed interface Outcome {
        /** What to tell the admin. */
        String describe();
    }

    /** The server answered as a CalDAV server to the account. */
    public record Works() implements Outcome {
        @Override
        public String describe() {
            return "the CalDAV server answered";
        }
    }

    /** No answer at all: the name does not resolve, the connection is refused or times out, TLS fails. */
    public record Unreachable(String detail) implements Outcome {
        @Override
        public String describe() {
            return "the CalDAV server cannot be reached: " + detail;
        }
    }

    /** 401 or 403 to the account. */
    public record LoginRefused(int status) implements Outcome {
        @Override
        public String describe() {
            return "the CalDAV server refused the user name and password (HTTP " + status + ")";
        }
    }

    /** An answer, but not a CalDAV server's at that URL. */
    public record NotCalDav(String detail) implements Outcome {
        @Override
        public String describe() {
            return "the URL is not a CalDAV server: " + detail;
        }
    }

    private CheckConnection() {
    }

    /** Whether OPTIONS of {@code url} lists {@code calendar-access} in the {@code DAV} header. */
    private static boolean offersCalDav(DavHttp http, URI url) {
        DavResponse options = http.send(DavRequest.options(url));
        for (String token : String.join(",", options.headers().allValues("DAV")).split(",")) {
            if (token.strip().equalsIgnoreCase("calendar-access")) {
                return true;
            }
        }
        return false;
    }

    /** Asks the server at the settings' base URL. */
    public static Outcome check(CalDavSettings settings) {
        Objects.requireNonNull(settings, "settings");
        try (DavHttp http = new DavHttp(settings, DavHttp.newClient(settings))) {
            return check(http, settings);
        }
    }

    static Outcome check(DavHttp http, CalDavSettings settings) {
        String shown = DavUris.shown(settings.baseUrl());
        try {
            DavResponse found = http.send(DavRequest.propfind(settings.baseUrl(), 0,
                    DavXml.propfind(Multistatus.RESOURCETYPE, Multistatus.CURRENT_USER_PRINCIPAL)));
            int status = found.status();
            if (status == 401 || status == 403) {
                return new LoginRefused(status);
            }
            if (status >= 300 && status < 400) {
                return new NotCalDav("PROPFIND " + shown + " was redirected (HTTP " + status + ")"
                        + found.headers().firstValue("Location").map(l -> " to " + l).orElse("")
                        + "; give the URL it points to (redirects are not followed: they would carry the credentials elsewhere)");
            }
            if (status != 207) {
                return new NotCalDav("PROPFIND " + shown + " answered HTTP " + status + " instead of 207 Multi-Status");
            }
            if (offersCalDav(http, settings.baseUrl())) {
                return new Works();
            }
            // Cyrus offers CalDAV under /dav/ only, not at its root: ask the account's principal, which
            // the PROPFIND named, if it is on the same origin (the credentials go nowhere else).
            Optional<URI> principal = found.multistatus().responses().stream()
                    .flatMap(r -> r.property(Multistatus.CURRENT_USER_PRINCIPAL).stream())
                    .flatMap(p -> p.hrefs().stream())
                    .map(href -> DavUris.resolve(settings.baseUrl(), href))
                    .filter(http::mayAuthenticate)
                    .findFirst();
            if (principal.isPresent() && offersCalDav(http, principal.get())) {
                return new Works();
            }
            return new NotCalDav(shown + " does not offer calendar-access in its DAV header (a WebDAV server without CalDAV?)");
        } catch (CalendarStoreException e) {
            return new Unreachable(e.getMessage());
        }
    }
}
