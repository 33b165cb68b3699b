package org.mms.calendar.caldav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CalendarQueryTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00.250Z");
    private static final Instant LATER = Instant.parse("2031-11-23T12:00:00.500Z");

    @Test
    void the_candidates_are_the_range_and_every_series_that_starts_before_it() {
        List<CalendarQuery> queries = CalendarQuery.candidatesFor(NOW, LATER);

        assertThat(queries).containsExactly(
                new CalendarQuery(Instant.parse("2026-11-23T12:00:00Z"), Instant.parse("2031-11-23T12:00:01Z"), Optional.empty()),
                new CalendarQuery(CalendarQuery.SERIES_EPOCH, Instant.parse("2026-11-23T12:00:00Z"), Optional.of("RRULE")),
                new CalendarQuery(CalendarQuery.SERIES_EPOCH, Instant.parse("2026-11-23T12:00:00Z"), Optional.of("RDATE")));
    }

    @Test
    void a_range_that_reaches_back_to_the_epoch_needs_no_queries_for_series() {
        List<CalendarQuery> queries = CalendarQuery.candidatesFor(CalendarQuery.SERIES_EPOCH, LATER);

        assertThat(queries).containsExactly(
                new CalendarQuery(CalendarQuery.SERIES_EPOCH, Instant.parse("2031-11-23T12:00:01Z"), Optional.empty()));
    }

    @Test
    void a_query_asks_for_etags_only_with_both_bounds_of_the_range() {
        String body = CalendarQuery.candidatesFor(NOW, LATER).get(1).body();

        assertThat(body)
                .contains("<C:calendar-query xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\">")
                .contains("<D:prop><D:getetag/></D:prop>")
                .contains("<C:comp-filter name=\"VCALENDAR\"><C:comp-filter name=\"VEVENT\">")
                .contains("<C:time-range start=\"19700101T000000Z\" end=\"20261123T120000Z\"/>")
                .contains("<C:prop-filter name=\"RRULE\"/>")
                .doesNotContain("calendar-data");
    }

    @Test
    void an_empty_range_is_refused() {
        assertThatThrownBy(() -> new CalendarQuery(NOW, NOW, Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_multiget_escapes_its_hrefs() {
        assertThat(CalendarMultiget.body(List.of("/c/a&b.ics", "/c/x.ics")))
                .contains("<D:prop><D:getetag/><C:calendar-data/></D:prop>")
                .contains("<D:href>/c/a&amp;b.ics</D:href><D:href>/c/x.ics</D:href>");
    }
}
