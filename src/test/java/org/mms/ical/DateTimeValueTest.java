package org.mms.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DateTimeValueTest {

    private static final TimeContext NEW_YORK_FLOATING = TimeContext.of(TimeZones.standard(), ZoneId.of("America/New_York"));

    @Test
    void local_time_with_an_iana_tzid_is_read_in_that_zone() {
        assertThat(DateTimeValue.of("20261130T100000", "Europe/Berlin").instant(NEW_YORK_FLOATING))
                .isEqualTo(Instant.parse("2026-11-30T09:00:00Z"));
    }

    @Test
    void local_time_with_a_windows_tzid_is_read_in_that_zone() {
        assertThat(DateTimeValue.of("20260715T100000", "W. Europe Standard Time").instant(NEW_YORK_FLOATING))
                .isEqualTo(Instant.parse("2026-07-15T08:00:00Z"));
        assertThat(DateTimeValue.of("20261130T100000", "Tokyo Standard Time").instant(NEW_YORK_FLOATING))
                .isEqualTo(Instant.parse("2026-11-30T01:00:00Z"));
    }

    @Test
    void utc_time_is_utc_whatever_the_floating_zone() {
        assertThat(DateTimeValue.of("20261130T100000Z").instant(NEW_YORK_FLOATING)).isEqualTo(Instant.parse("2026-11-30T10:00:00Z"));
    }

    @Test
    void floating_time_is_read_in_the_floating_zone() {
        DateTimeValue floating = DateTimeValue.of("20261130T100000");

        assertThat(floating.instant(NEW_YORK_FLOATING)).isEqualTo(Instant.parse("2026-11-30T15:00:00Z"));
        assertThat(floating.instant(TimeContext.of(TimeZones.standard(), ZoneId.of("Asia/Tokyo"))))
                .isEqualTo(Instant.parse("2026-11-30T01:00:00Z"));
    }

    @Test
    void date_is_an_all_day_value_starting_at_midnight_in_the_floating_zone() {
        DateTimeValue date = new DateTimeValue("20261130", Optional.empty(), Optional.of("DATE"));

        assertThat(date.isDate()).isTrue();
        assertThat(DateTimeValue.of("20261130").isDate()).isTrue();
        assertThat(DateTimeValue.of("20261130T000000").isDate()).isFalse();
        assertThat(date.instant(NEW_YORK_FLOATING)).isEqualTo(Instant.parse("2026-11-30T05:00:00Z"));
    }

    @Test
    void a_list_gives_every_instant_in_order() {
        DateTimeValue exdate = DateTimeValue.of("20260316T100000,20260406T100000", "W. Europe Standard Time");

        assertThat(exdate.instants(NEW_YORK_FLOATING))
                .containsExactly(Instant.parse("2026-03-16T09:00:00Z"), Instant.parse("2026-04-06T08:00:00Z"));
    }

    @Test
    void a_period_stands_for_its_start() {
        DateTimeValue rdate = new DateTimeValue("20261201T090000Z/PT1H,20261202T090000Z/20261202T100000Z",
                Optional.empty(), Optional.of("PERIOD"));

        assertThat(rdate.instants(NEW_YORK_FLOATING))
                .containsExactly(Instant.parse("2026-12-01T09:00:00Z"), Instant.parse("2026-12-02T09:00:00Z"));
    }

    @Test
    void a_skipped_local_time_is_read_with_the_offset_before_the_gap() {
        // 02:30 does not exist in Berlin on 2026-03-29; RFC 5545 reads it as 01:30 UTC (03:30 summer time).
        assertThat(DateTimeValue.of("20260329T023000", "Europe/Berlin").instant(NEW_YORK_FLOATING))
                .isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
    }

    @Test
    void a_repeated_local_time_is_its_first_occurrence() {
        assertThat(DateTimeValue.of("20261025T023000", "Europe/Berlin").instant(NEW_YORK_FLOATING))
                .isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
    }

    @Test
    void quoted_tzid_parameter_is_unquoted() {
        DateTimeValue quoted = DateTimeValue.of("20261130T100000", "\"W. Europe Standard Time\"");

        assertThat(quoted.tzid()).contains("W. Europe Standard Time");
        assertThat(quoted.instant(NEW_YORK_FLOATING)).isEqualTo(Instant.parse("2026-11-30T09:00:00Z"));
    }

    @Test
    void an_unknown_tzid_is_rejected_unless_the_caller_chooses_the_floating_zone() {
        DateTimeValue unknown = DateTimeValue.of("20261130T100000", "Mars Standard Time");

        assertThatThrownBy(() -> unknown.instant(NEW_YORK_FLOATING))
                .isInstanceOf(UnknownTimeZoneException.class)
                .hasMessageContaining("\"Mars Standard Time\"")
                .extracting(e -> ((UnknownTimeZoneException) e).tzid()).isEqualTo("Mars Standard Time");
        assertThat(unknown.instant(NEW_YORK_FLOATING.withUnknownTzid(TimeContext.UnknownTzid.USE_FLOATING_ZONE)))
                .isEqualTo(Instant.parse("2026-11-30T15:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-30", "20261330T100000", "20261130T1000", "20261130T250000", "20261130X100000",
        "2026113OT100000", "20260230", ""})
    void malformed_values_are_reported_with_the_value_quoted(String text) {
        assertThatThrownBy(() -> DateTimeValue.of(text, "Europe/Berlin").instant(NEW_YORK_FLOATING))
                .isInstanceOf(IcalFormatException.class)
                .hasMessageContaining("\"" + text + "\"");
    }

    @Test
    void a_malformed_item_of_a_list_is_reported_with_the_whole_value() {
        assertThatThrownBy(() -> DateTimeValue.of("20261130T100000,2026-12-07").instants(NEW_YORK_FLOATING))
                .isInstanceOf(IcalFormatException.class)
                .hasMessageContaining("\"2026-12-07\" in \"20261130T100000,2026-12-07\"");
    }

    @Test
    void values_that_contradict_their_value_type_are_reported() {
        assertThatThrownBy(() -> new DateTimeValue("20261130T100000", Optional.empty(), Optional.of("DATE")).instant(NEW_YORK_FLOATING))
                .isInstanceOf(IcalFormatException.class).hasMessageContaining("VALUE=DATE");
        assertThatThrownBy(() -> new DateTimeValue("20261130", Optional.empty(), Optional.of("DATE-TIME")).instant(NEW_YORK_FLOATING))
                .isInstanceOf(IcalFormatException.class).hasMessageContaining("VALUE=DATE-TIME");
        assertThatThrownBy(() -> new DateTimeValue("20261130", Optional.empty(), Optional.of("TEXT")).instant(NEW_YORK_FLOATING))
                .isInstanceOf(IcalFormatException.class).hasMessageContaining("VALUE=TEXT");
    }

    @Test
    void a_list_is_not_a_single_instant() {
        assertThatThrownBy(() -> DateTimeValue.of("20261130T100000Z,20261207T100000Z").instant(NEW_YORK_FLOATING))
                .isInstanceOf(IcalFormatException.class)
                .hasMessageContaining("20261130T100000Z,20261207T100000Z");
    }
}
