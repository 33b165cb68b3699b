package org.mms.ical;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * An Outlook weekly series as selection will see it: Monday 10:00 "W. Europe Standard Time" from
 * 2 March 2026 until 1 June, across the 29 March DST change, two EXDATEs (16 March, 6 April) and the
 * 13 April instance moved to Tuesday 14 April 11:00 by an override.
 */
class OutlookSeriesTest {

    private static final IcsFixture CALENDAR = IcsFixture.load("outlook-weekly-dst-exdates-override.ics");
    private static final TimeContext TIME = TimeContext.of(CALENDAR.zones(), ZoneId.of("America/New_York"));
    private static final RecurrenceSet SERIES = CALENDAR.master().recurrence(TIME);
    private static final Set<Instant> OVERRIDDEN = CALENDAR.overrides().stream()
            .map(o -> o.first("RECURRENCE-ID").orElseThrow().dateTime().instant(TIME))
            .collect(Collectors.toSet());

    private static Instant next(String now) {
        return SERIES.firstStartAfter(Instant.parse(now), OVERRIDDEN).orElseThrow();
    }

    @Test
    void the_override_replaces_the_13_april_instance() {
        assertThat(OVERRIDDEN).containsExactly(Instant.parse("2026-04-13T08:00:00Z"));
        assertThat(CALENDAR.overrides().getFirst().first("DTSTART").orElseThrow().dateTime().instant(TIME))
                .isEqualTo(Instant.parse("2026-04-14T09:00:00Z"));
    }

    @Test
    void series_is_recurring_and_starts_at_its_dtstart() {
        assertThat(SERIES.isRecurring()).isTrue();
        assertThat(SERIES.firstStartAfter(Instant.parse("2026-03-01T00:00:00Z"), OVERRIDDEN)).contains(Instant.parse("2026-03-02T09:00:00Z"));
    }

    @Test
    void an_exdate_in_winter_time_is_skipped() {
        assertThat(next("2026-03-10T00:00:00Z")).isEqualTo(Instant.parse("2026-03-23T09:00:00Z"));
    }

    @Test
    void the_first_monday_of_summer_time_is_still_at_ten_local() {
        assertThat(next("2026-03-24T00:00:00Z")).isEqualTo(Instant.parse("2026-03-30T08:00:00Z"));
    }

    @Test
    void an_exdate_and_the_overridden_instance_are_both_skipped() {
        assertThat(next("2026-03-31T00:00:00Z")).isEqualTo(Instant.parse("2026-04-20T08:00:00Z"));
    }

    @Test
    void the_last_instance_falls_on_until_and_counts() {
        assertThat(next("2026-05-26T00:00:00Z")).isEqualTo(Instant.parse("2026-06-01T08:00:00Z"));
    }

    @Test
    void once_the_last_instance_has_started_the_series_has_no_future_start() {
        assertThat(SERIES.firstStartAfter(Instant.parse("2026-06-01T08:00:00Z"), OVERRIDDEN)).isEmpty();
        assertThat(SERIES.firstStartAfter(Instant.parse("2026-11-23T12:00:00Z"), OVERRIDDEN)).isEmpty();
    }
}
