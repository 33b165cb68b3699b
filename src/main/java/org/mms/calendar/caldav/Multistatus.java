package org.mms.calendar.caldav;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import javax.xml.namespace.QName;

/**
 * A WebDAV multistatus (RFC 4918 §13) as the adapter needs it: per response, its href, its own status
 * when it has one (a multiget's missing resource: 404), and the properties the server found (those of
 * propstats with a 2xx status; the ones it did not find are left out).
 */
record Multistatus(List<Response> responses) {

    static final String DAV = "DAV:";
    static final String CALDAV = "urn:ietf:params:xml:ns:caldav";

    static final QName GETETAG = new QName(DAV, "getetag");
    static final QName RESOURCETYPE = new QName(DAV, "resourcetype");
    static final QName DISPLAYNAME = new QName(DAV, "displayname");
    static final QName CURRENT_USER_PRINCIPAL = new QName(DAV, "current-user-principal");
    static final QName COLLECTION = new QName(DAV, "collection");
    static final QName CALENDAR_HOME_SET = new QName(CALDAV, "calendar-home-set");
    static final QName CALENDAR_DATA = new QName(CALDAV, "calendar-data");
    static final QName CALENDAR = new QName(CALDAV, "calendar");

    Multistatus {
        responses = List.copyOf(responses);
    }

    /**
     * One {@code DAV:response}.
     *
     * @param href   as the server wrote it (absolute URL or path, maybe percent-encoded)
     * @param status the response's own status, when it has one instead of propstats
     */
    record Response(String href, OptionalInt status, Map<QName, Property> found) {

        Response {
            found = Map.copyOf(found);
        }

        Optional<Property> property(QName name) {
            return Optional.ofNullable(found.get(name));
        }

        Optional<String> text(QName name) {
            return property(name).map(Property::text).map(String::strip).filter(t -> !t.isEmpty());
        }

        /** Whether the server answered for the resource itself (no 4xx/5xx status of the response). */
        boolean exists() {
            return status.isEmpty() || (status.getAsInt() >= 200 && status.getAsInt() < 300);
        }
    }

    /**
     * One property's value, read three ways since properties are of three shapes: text
     * ({@code getetag}, {@code calendar-data}, {@code displayname}), hrefs ({@code current-user-principal},
     * {@code calendar-home-set}) or marker elements ({@code resourcetype}).
     *
     * @param text     all its character data, unstripped (calendar data keeps its line structure)
     * @param hrefs    the text of each {@code DAV:href} inside it
     * @param children the names of its child elements
     */
    record Property(String text, List<String> hrefs, Set<QName> children) {

        Property {
            hrefs = List.copyOf(hrefs);
            children = Set.copyOf(children);
        }
    }
}
