package org.mms.calendar.caldav;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A calendar-query REPORT (RFC 4791 §7.8) for VEVENTs that may have an occurrence in a time range,
 * asking only for the href and ETag of each match: the data comes later, a batch at a time, by
 * {@link CalendarMultiget}, so the query's answer stays small however big the calendar is.
 *
 * @param start              inclusive, always sent: servers mishandle open-ended ranges (Radicale)
 * @param end                exclusive, always sent
 * @param requiredProperty   a property the VEVENT must have ({@code RRULE}), when the query is for series
 */
record CalendarQuery(Instant start, Instant end, Optional<String> requiredProperty) {

    /**
     * Where the queries for series start. Some servers (Xandikos) ignore RRULE in time-range queries
     * and test only the master's own DTSTART/DTEND, so a weekly series that began years ago is not
     * found by a query for the coming years; asking for every series that starts before the end of the
     * range finds it. A series that ended long ago is then among the candidates as well, which callers
     * drop by their own rules, as they drop everything else a server hands over too generously.
     */
    static final Instant SERIES_EPOCH = Instant.parse("1970-01-01T00:00:00Z");

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    CalendarQuery {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(requiredProperty, "requiredProperty");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("the time range is empty: " + start + " is not before " + end);
        }
    }

    /**
     * The queries whose matches together are the candidates for {@code [from, to)}: the VEVENTs in the
     * range (on a server that expands recurrences, which includes every series with an occurrence in
     * it), and the VEVENTs with an RRULE or an RDATE that start before {@code from} (on a server that
     * does not, a series that began before the range is found by its master alone). The series queries
     * end where the range starts: a server that expands recurrences (Radicale) then expands each series
     * only up to now, not over the coming years, which makes them several times cheaper there. The
     * range is widened to whole seconds outwards, the precision of iCalendar times.
     */
    static List<CalendarQuery> candidatesFor(Instant from, Instant to) {
        Instant start = from.truncatedTo(ChronoUnit.SECONDS);
        Instant end = to.truncatedTo(ChronoUnit.SECONDS).equals(to) ? to : to.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        CalendarQuery range = new CalendarQuery(start, end, Optional.empty());
        if (!SERIES_EPOCH.isBefore(start)) {
            return List.of(range); // the range itself reaches back to the epoch
        }
        return List.of(range,
                new CalendarQuery(SERIES_EPOCH, start, Optional.of("RRULE")),
                new CalendarQuery(SERIES_EPOCH, start, Optional.of("RDATE")));
    }

    /** The REPORT body. */
    String body() {
        return DavXml.document(DavXml.caldav("calendar-query"), out -> {
            out.start(DavXml.dav("prop")).empty(DavXml.dav("getetag")).end();
            out.start(DavXml.caldav("filter"));
            out.start(DavXml.caldav("comp-filter")).attribute("name", "VCALENDAR");
            out.start(DavXml.caldav("comp-filter")).attribute("name", "VEVENT");
            out.empty(DavXml.caldav("time-range")).attribute("start", UTC.format(start)).attribute("end", UTC.format(end));
            if (requiredProperty.isPresent()) {
                // An empty prop-filter matches when the property is there (RFC 4791 §9.7.2).
                out.empty(DavXml.caldav("prop-filter")).attribute("name", requiredProperty.get());
            }
            out.end().end().end();
        });
    }
}
