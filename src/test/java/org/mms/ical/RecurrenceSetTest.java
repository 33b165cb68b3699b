package org.mms.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

class RecurrenceSetTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final TimeContext TIME = TimeContext.of(TimeZones.standard(), BERLIN);
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private static RecurrenceSet series(DateTimeValue dtstart, String rrule, DateTimeValue... exdates) {
        return RecurrenceSet.of(dtstart, List.of(rrule), List.of(), List.of(exdates), TIME);
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    @Test
    void single_meeting_tomorrow_starts_after_now() {
        RecurrenceSet meeting = RecurrenceSet.single(DateTimeValue.of("20261124T100000", "Europe/Berlin"), TIME);

        assertThat(meeting.isRecurring()).isFalse();
        assertThat(meeting.firstStartAfter(NOW, Set.of())).contains(at("2026-11-24T09:00:00Z"));
    }

    @Test
    void single_meeting_yesterday_has_no_future_start() {
        RecurrenceSet meeting = RecurrenceSet.single(DateTimeValue.of("20261122T100000", "Europe/Berlin"), TIME);

        assertThat(meeting.firstStartAfter(NOW, Set.of())).isEmpty();
    }

    @Test
    void single_meeting_starting_exactly_now_has_already_started() {
        RecurrenceSet meeting = RecurrenceSet.single(DateTimeValue.of("20261123T120000Z"), TIME);

        assertThat(meeting.firstStartAfter(NOW, Set.of())).isEmpty();
        assertThat(meeting.firstStartAfter(NOW.minusNanos(1), Set.of())).contains(NOW);
    }

    @Test
    void weekly_series_keeps_its_local_time_across_the_spring_dst_change() {
        RecurrenceSet weekly = series(DateTimeValue.of("20260302T100000", "Europe/Berlin"), "FREQ=WEEKLY;BYDAY=MO");

        assertThat(weekly.firstStartAfter(at("2026-03-24T00:00:00Z"), Set.of())).contains(at("2026-03-30T08:00:00Z"));
        assertThat(weekly.firstStartAfter(at("2026-03-17T00:00:00Z"), Set.of())).contains(at("2026-03-23T09:00:00Z"));
    }

    @Test
    void weekly_series_keeps_its_local_time_across_the_autumn_dst_change() {
        RecurrenceSet weekly = series(DateTimeValue.of("20260302T100000", "W. Europe Standard Time"), "FREQ=WEEKLY;BYDAY=MO");

        assertThat(weekly.firstStartAfter(at("2026-10-20T00:00:00Z"), Set.of())).contains(at("2026-10-26T09:00:00Z"));
        assertThat(weekly.firstStartAfter(NOW, Set.of())).contains(at("2026-11-30T09:00:00Z"));
    }

    @Test
    void weekly_series_skips_exdates_and_overridden_instances_across_a_dst_change() {
        RecurrenceSet weekly = series(DateTimeValue.of("20260302T100000", "Europe/Berlin"), "FREQ=WEEKLY;BYDAY=MO",
                DateTimeValue.of("20260323T100000", "Europe/Berlin"), DateTimeValue.of("20260330T100000", "Europe/Berlin"));
        Set<Instant> overridden = Set.of(DateTimeValue.of("20260406T080000Z").instant(TIME));

        assertThat(weekly.firstStartAfter(at("2026-03-17T00:00:00Z"), overridden)).contains(at("2026-04-13T08:00:00Z"));
        assertThat(weekly.firstStartAfter(at("2026-03-17T00:00:00Z"), Set.of())).contains(at("2026-04-06T08:00:00Z"));
    }

    @Test
    void weekly_series_with_all_past_instances_has_no_future_start() {
        RecurrenceSet weekly = series(DateTimeValue.of("20260105T100000", "Europe/Berlin"), "FREQ=WEEKLY;UNTIL=20260601T080000Z;BYDAY=MO");

        assertThat(weekly.isRecurring()).isTrue();
        assertThat(weekly.firstStartAfter(NOW, Set.of())).isEmpty();
        assertThat(weekly.firstStartAfter(at("2026-05-30T00:00:00Z"), Set.of())).as("UNTIL is inclusive").contains(at("2026-06-01T08:00:00Z"));
    }

    @Test
    void until_in_the_past_answers_without_expanding_the_rule() {
        // BYDAY=XX would make ical4j throw if the rule were expanded.
        RecurrenceSet ended = series(DateTimeValue.of("20200106T100000", "Europe/Berlin"), "FREQ=WEEKLY;BYDAY=XX;UNTIL=20210101T000000Z");

        assertThat(ended.firstStartAfter(NOW, Set.of())).isEmpty();
    }

    @Test
    void dtstart_after_now_answers_without_expanding_the_rule() {
        RecurrenceSet upcoming = series(DateTimeValue.of("20261201T100000", "Europe/Berlin"), "FREQ=WEEKLY;BYDAY=XX");

        assertThat(upcoming.firstStartAfter(NOW, Set.of())).contains(at("2026-12-01T09:00:00Z"));
    }

    @Test
    void an_overridden_first_instance_moves_on_to_the_second() {
        DateTimeValue dtstart = DateTimeValue.of("20261201T100000", "Europe/Berlin");
        RecurrenceSet daily = series(dtstart, "FREQ=DAILY;COUNT=3");

        assertThat(daily.firstStartAfter(NOW, Set.of(dtstart.instant(TIME)))).contains(at("2026-12-02T09:00:00Z"));
    }

    @Test
    void unreadable_rule_parts_are_reported_when_the_rule_is_expanded() {
        RecurrenceSet broken = series(DateTimeValue.of("20200106T100000", "Europe/Berlin"), "FREQ=WEEKLY;BYDAY=XX");

        assertThatThrownBy(() -> broken.firstStartAfter(NOW, Set.of()))
                .isInstanceOf(IcalFormatException.class)
                .hasMessageContaining("\"FREQ=WEEKLY;BYDAY=XX\"");
    }

    @Test
    void count_exhausted_has_no_future_start() {
        RecurrenceSet daily = series(DateTimeValue.of("20261101T090000", "Europe/Berlin"), "FREQ=DAILY;COUNT=5");

        assertThat(daily.firstStartAfter(NOW, Set.of())).isEmpty();
    }

    @Test
    void count_not_yet_exhausted_gives_the_next_instance() {
        RecurrenceSet daily = series(DateTimeValue.of("20261101T090000", "Europe/Berlin"), "FREQ=DAILY;COUNT=30");

        assertThat(daily.firstStartAfter(NOW, Set.of())).contains(at("2026-11-24T08:00:00Z"));
        assertThat(daily.firstStartAfter(at("2026-11-30T07:59:59Z"), Set.of())).as("the 30th and last").contains(at("2026-11-30T08:00:00Z"));
        assertThat(daily.firstStartAfter(at("2026-11-30T08:00:00Z"), Set.of())).isEmpty();
    }

    @Test
    void exdates_count_towards_count() {
        RecurrenceSet daily = series(DateTimeValue.of("20261120T090000", "Europe/Berlin"), "FREQ=DAILY;COUNT=5",
                DateTimeValue.of("20261124T090000", "Europe/Berlin"));

        assertThat(daily.firstStartAfter(NOW, Set.of())).isEmpty();
    }

    @Test
    void rdate_only_meeting_with_a_future_date_starts_then() {
        RecurrenceSet meeting = RecurrenceSet.of(DateTimeValue.of("20261102T100000", "Europe/Berlin"), List.of(),
                List.of(DateTimeValue.of("20261109T100000,20261207T100000", "Europe/Berlin")), List.of(), TIME);

        assertThat(meeting.isRecurring()).isTrue();
        assertThat(meeting.firstStartAfter(NOW, Set.of())).contains(at("2026-12-07T09:00:00Z"));
        assertThat(meeting.firstStartAfter(NOW, Set.of(at("2026-12-07T09:00:00Z")))).isEmpty();
    }

    @Test
    void rdate_earlier_than_the_next_rule_instance_comes_first() {
        RecurrenceSet meeting = RecurrenceSet.of(DateTimeValue.of("20260105T100000", "Europe/Berlin"), List.of("FREQ=MONTHLY;BYMONTHDAY=5"),
                List.of(new DateTimeValue("20261126T150000Z/PT1H", Optional.empty(), Optional.of("PERIOD"))), List.of(), TIME);

        assertThat(meeting.firstStartAfter(NOW, Set.of())).contains(at("2026-11-26T15:00:00Z"));
        assertThat(meeting.firstStartAfter(at("2026-11-27T00:00:00Z"), Set.of())).contains(at("2026-12-05T09:00:00Z"));
    }

    @Test
    void all_day_series_recurs_on_whole_days_in_the_floating_zone() {
        DateTimeValue dtstart = new DateTimeValue("20261102", Optional.empty(), Optional.of("DATE"));
        RecurrenceSet weekly = series(dtstart, "FREQ=WEEKLY;UNTIL=20261231", new DateTimeValue("20261130", Optional.empty(), Optional.of("DATE")));

        assertThat(weekly.firstStartAfter(NOW, Set.of())).as("Nov 30 is an EXDATE").contains(at("2026-12-06T23:00:00Z"));
        assertThat(weekly.firstStartAfter(at("2026-12-27T00:00:00Z"), Set.of())).as("UNTIL date is inclusive").contains(at("2026-12-27T23:00:00Z"));
    }

    @Test
    void a_date_recurrence_id_matches_its_all_day_instance() {
        RecurrenceSet weekly = series(new DateTimeValue("20261102", Optional.empty(), Optional.of("DATE")), "FREQ=WEEKLY");
        Instant recurrenceId = new DateTimeValue("20261130", Optional.empty(), Optional.of("DATE")).instant(TIME);

        assertThat(weekly.firstStartAfter(NOW, Set.of(recurrenceId))).contains(at("2026-12-06T23:00:00Z"));
    }

    @Test
    void single_all_day_event_starts_at_midnight_of_the_floating_zone() {
        RecurrenceSet holiday = RecurrenceSet.single(DateTimeValue.of("20261124"), TIME);

        assertThat(holiday.firstStartAfter(NOW, Set.of())).contains(at("2026-11-23T23:00:00Z"));
        assertThat(holiday.firstStartAfter(at("2026-11-24T00:00:00Z"), Set.of())).isEmpty();
    }

    @Test
    void floating_series_recurs_in_the_floating_zone() {
        DateTimeValue floating = DateTimeValue.of("20260302T100000");
        RecurrenceSet inBerlin = series(floating, "FREQ=WEEKLY");
        RecurrenceSet inTokyo = RecurrenceSet.of(floating, List.of("FREQ=WEEKLY"), List.of(), List.of(),
                TimeContext.of(TimeZones.standard(), ZoneId.of("Asia/Tokyo")));

        assertThat(inBerlin.firstStartAfter(NOW, Set.of())).contains(at("2026-11-30T09:00:00Z"));
        assertThat(inTokyo.firstStartAfter(NOW, Set.of())).contains(at("2026-11-30T01:00:00Z"));
    }

    @Test
    void utc_series_recurs_in_utc() {
        RecurrenceSet weekly = series(DateTimeValue.of("20260302T090000Z"), "FREQ=WEEKLY");

        assertThat(weekly.firstStartAfter(NOW, Set.of())).contains(at("2026-11-30T09:00:00Z"));
    }

    @Test
    void a_date_exdate_on_a_timed_series_removes_that_day() {
        RecurrenceSet daily = series(DateTimeValue.of("20261101T090000", "Europe/Berlin"), "FREQ=DAILY",
                new DateTimeValue("20261124", Optional.empty(), Optional.of("DATE")));

        assertThat(daily.firstStartAfter(NOW, Set.of())).contains(at("2026-11-25T08:00:00Z"));
    }

    @Test
    void a_date_until_on_a_timed_series_keeps_that_whole_day() {
        RecurrenceSet daily = series(DateTimeValue.of("20261101T180000", "Europe/Berlin"), "FREQ=DAILY;UNTIL=20261124");

        assertThat(daily.firstStartAfter(NOW, Set.of())).contains(at("2026-11-23T17:00:00Z"));
        assertThat(daily.firstStartAfter(at("2026-11-23T18:00:00Z"), Set.of())).contains(at("2026-11-24T17:00:00Z"));
        assertThat(daily.firstStartAfter(at("2026-11-24T18:00:00Z"), Set.of())).isEmpty();
    }

    @Test
    void several_rules_give_the_earliest_start_of_any() {
        RecurrenceSet twoRules = RecurrenceSet.of(DateTimeValue.of("20260105T100000", "Europe/Berlin"),
                List.of("FREQ=MONTHLY;BYMONTHDAY=5", "FREQ=WEEKLY;BYDAY=TH;UNTIL=20261130T000000Z"), List.of(), List.of(), TIME);

        assertThat(twoRules.firstStartAfter(NOW, Set.of())).contains(at("2026-11-26T09:00:00Z"));
        assertThat(twoRules.firstStartAfter(at("2026-11-27T00:00:00Z"), Set.of())).contains(at("2026-12-05T09:00:00Z"));
    }

    @Test
    void monthly_series_on_the_last_day_follows_month_lengths() {
        RecurrenceSet lastDay = series(DateTimeValue.of("20260131T160000", "Europe/Berlin"), "FREQ=MONTHLY;BYMONTHDAY=-1");

        assertThat(lastDay.firstStartAfter(at("2026-02-01T00:00:00Z"), Set.of())).contains(at("2026-02-28T15:00:00Z"));
        assertThat(lastDay.firstStartAfter(NOW, Set.of())).contains(at("2026-11-30T15:00:00Z"));
    }

    @Test
    void series_in_a_zone_known_only_from_its_vtimezone_is_dst_correct() {
        IcsFixture calendar = IcsFixture.load("outlook-customized-time-zones.ics");
        TimeContext time = TimeContext.of(calendar.zones(), BERLIN);
        RecurrenceSet weekly = RecurrenceSet.of(DateTimeValue.of("20260302T090000", "Customized Time Zone"),
                List.of("FREQ=WEEKLY;BYDAY=MO"), List.of(), List.of(), time);

        assertThat(weekly.firstStartAfter(at("2026-03-03T00:00:00Z"), Set.of())).contains(at("2026-03-09T13:00:00Z"));
        assertThat(weekly.firstStartAfter(at("2026-03-10T00:00:00Z"), Set.of())).contains(at("2026-03-16T13:00:00Z"));
        assertThat(weekly.firstStartAfter(at("2026-03-03T00:00:00Z"), Set.of()))
                .isEqualTo(series(DateTimeValue.of("20260302T090000", "America/New_York"), "FREQ=WEEKLY;BYDAY=MO")
                        .firstStartAfter(at("2026-03-03T00:00:00Z"), Set.of()));
    }

    @Test
    void secondly_rule_from_decades_ago_is_answered_exactly() {
        // ical4j's own skip-ahead overflows for this rule and never returns; fast-forwarding must not change the answer.
        RecurrenceSet everySevenSeconds = series(DateTimeValue.of("19500101T000000Z"), "FREQ=SECONDLY;INTERVAL=7");
        long elapsed = Duration.between(Instant.parse("1950-01-01T00:00:00Z"), NOW).getSeconds();
        Instant expected = Instant.parse("1950-01-01T00:00:00Z").plusSeconds((elapsed / 7 + 1) * 7);

        Optional<Instant> next = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> everySevenSeconds.firstStartAfter(NOW, Set.of()));

        assertThat(next).contains(expected);
    }

    @Test
    void daily_rule_from_long_ago_is_answered_exactly() {
        RecurrenceSet daily = series(DateTimeValue.of("19800101T090000", "Europe/Berlin"), "FREQ=DAILY;INTERVAL=3");
        // Today's 09:00 has passed at NOW (13:00 in Berlin), so the next start is the first period after today.
        long days = ChronoUnit.DAYS.between(LocalDate.of(1980, 1, 1), LocalDate.of(2026, 11, 23));
        LocalDateTime expectedLocal = LocalDateTime.of(1980, 1, 1, 9, 0).plusDays((days / 3 + 1) * 3);

        assertThat(daily.firstStartAfter(NOW, Set.of())).contains(expectedLocal.atZone(BERLIN).toInstant());
    }

    @Test
    void a_count_rule_needing_too_much_work_gives_up_with_a_clear_exception() {
        RecurrenceSet pathological = series(DateTimeValue.of("20200101T000000Z"), "FREQ=SECONDLY;COUNT=100000000");

        assertThatThrownBy(() -> pathological.firstStartAfter(NOW, Set.of()))
                .isInstanceOf(RecurrenceLimitException.class)
                .hasMessageContaining("\"FREQ=SECONDLY;COUNT=100000000\"")
                .hasMessageContaining(String.valueOf(RecurrenceSet.MAX_EXAMINED_INSTANCES));
    }

    @Test
    void a_rule_without_freq_is_reported_with_the_rule_quoted() {
        assertThatThrownBy(() -> series(DateTimeValue.of("20260105T100000", "Europe/Berlin"), "BYDAY=MO;INTERVAL=2"))
                .isInstanceOf(IcalFormatException.class)
                .hasMessageContaining("\"BYDAY=MO;INTERVAL=2\"")
                .hasMessageContaining("FREQ");
        assertThatThrownBy(() -> series(DateTimeValue.of("20260105T100000", "Europe/Berlin"), "FREQ=FORTNIGHTLY"))
                .isInstanceOf(IcalFormatException.class)
                .hasMessageContaining("FORTNIGHTLY");
    }

    @Test
    void a_malformed_until_is_reported_with_the_rule_quoted() {
        assertThatThrownBy(() -> series(DateTimeValue.of("20260105T100000", "Europe/Berlin"), "FREQ=WEEKLY;UNTIL=2026-06-01"))
                .isInstanceOf(IcalFormatException.class)
                .hasMessageContaining("\"2026-06-01\" in \"FREQ=WEEKLY;UNTIL=2026-06-01\"");
    }

    @Test
    void a_dtstart_list_is_rejected() {
        assertThatThrownBy(() -> RecurrenceSet.single(DateTimeValue.of("20261130T100000Z,20261201T100000Z"), TIME))
                .isInstanceOf(IcalFormatException.class)
                .hasMessageContaining("DTSTART");
    }

    @Test
    void an_unknown_tzid_in_dtstart_is_rejected_or_read_as_floating_as_the_caller_chose() {
        DateTimeValue dtstart = DateTimeValue.of("20261130T100000", "Mars Standard Time");

        assertThatThrownBy(() -> RecurrenceSet.single(dtstart, TIME)).isInstanceOf(UnknownTimeZoneException.class);
        assertThat(RecurrenceSet.single(dtstart, TIME.withUnknownTzid(TimeContext.UnknownTzid.USE_FLOATING_ZONE)).start())
                .isEqualTo(at("2026-11-30T09:00:00Z"));
    }

    @Test
    void the_answer_does_not_depend_on_the_jvm_default_zone() {
        RecurrenceSet floating = series(DateTimeValue.of("20260302T100000"), "FREQ=WEEKLY;UNTIL=20261130T090000Z");
        // The last start, 10:00 in Berlin, is exactly UNTIL. Compared through the JVM zone (as ical4j
        // compares a floating start with a UTC UNTIL) it would be 20:00 UTC and dropped.
        TimeZone saved = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Honolulu"));
            assertThat(floating.firstStartAfter(NOW, Set.of())).contains(at("2026-11-30T09:00:00Z"));
        } finally {
            TimeZone.setDefault(saved);
        }
    }
}
