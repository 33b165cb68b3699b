package org.mms.calendar.caldav;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.xml.namespace.QName;
import org.mms.calendar.PermanentStoreException;

/**
 * For admins setting up a CalDAV store: which calendars the configured account sees. Follows RFC 4791
 * §6.2.1 and RFC 5397: the {@code current-user-principal} of the base URL, that principal's
 * {@code calendar-home-set}, and the calendar collections directly under the home. The URLs found are
 * what a {@link MailboxLocator} should give.
 */
public final class CalDavDiscovery implements AutoCloseable {

    /** What the account sees. */
    public record Discovered(URI principal, URI calendarHome, List<CalendarCollection> calendars) {
        public Discovered {
            Objects.requireNonNull(principal, "principal");
            Objects.requireNonNull(calendarHome, "calendarHome");
            calendars = List.copyOf(calendars);
        }
    }

    /** A calendar collection: its absolute URL and the name the server shows for it, if any. */
    public record CalendarCollection(URI url, Optional<String> displayName) {
        public CalendarCollection {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(displayName, "displayName");
        }
    }

    private final CalDavSettings settings;
    private final DavHttp http;

    public CalDavDiscovery(CalDavSettings settings) {
        this(settings, DavHttp.newClient(settings));
    }

    CalDavDiscovery(CalDavSettings settings, HttpClient client) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = new DavHttp(settings, client);
    }

    /**
     * Asks the server, starting at the base URL of the settings.
     *
     * @throws PermanentStoreException when the server names no principal or no calendar home
     * @throws org.mms.calendar.TransientStoreException when it cannot be reached or fails
     */
    public Discovered discover() {
        URI start = settings.baseUrl();
        URI principal = firstHref(start, Multistatus.CURRENT_USER_PRINCIPAL).orElseThrow(() -> new PermanentStoreException(
                "CalDAV PROPFIND " + DavUris.shown(start) + ": the server names no current-user-principal; "
                        + "give the URL of the account's principal or calendar home as the base URL"));
        URI home = firstHref(principal, Multistatus.CALENDAR_HOME_SET).orElseThrow(() -> new PermanentStoreException(
                "CalDAV PROPFIND " + DavUris.shown(principal) + ": the principal names no calendar-home-set"));
        home = DavUris.asCollection(home);
        List<CalendarCollection> calendars = new ArrayList<>();
        DavResponse listing = http.send(DavRequest.propfind(home, 1,
                DavXml.propfind(Multistatus.RESOURCETYPE, Multistatus.DISPLAYNAME)));
        for (Multistatus.Response member : listing.multistatus().responses()) {
            URI url = DavUris.asCollection(DavUris.resolve(home, member.href()));
            boolean isCalendar = member.property(Multistatus.RESOURCETYPE)
                    .map(type -> type.children().contains(Multistatus.CALENDAR))
                    .orElse(false);
            if (member.exists() && isCalendar && !DavUris.pathKey(url).equals(DavUris.pathKey(home))) {
                calendars.add(new CalendarCollection(url, member.text(Multistatus.DISPLAYNAME)));
            }
        }
        return new Discovered(principal, home, calendars);
    }

    @Override
    public void close() {
        http.close();
    }

    /** The first href of a property of the resource at {@code url} (PROPFIND, Depth 0), resolved. */
    private Optional<URI> firstHref(URI url, QName property) {
        DavResponse response = http.send(DavRequest.propfind(url, 0, DavXml.propfind(property)));
        for (Multistatus.Response r : response.multistatus().responses()) {
            Optional<String> href = r.property(property).flatMap(p -> p.hrefs().stream().findFirst());
            if (href.isPresent()) {
                return Optional.of(DavUris.resolve(url, href.get()));
            }
        }
        return Optional.empty();
    }
}
