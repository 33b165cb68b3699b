package org.mms.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Zones built from inline VTIMEZONEs must give the offsets the real zone gives, around every change. */
class VtimezoneRulesTest {

    private static final IcsFixture CUSTOMIZED = IcsFixture.load("outlook-customized-time-zones.ics");
    private static final IcsFixture WITH_HISTORY = IcsFixture.load("multi-observance-eastern-with-history.ics");

    @Test
    void outlook_display_name_zone_matches_europe_berlin_around_every_dst_change() {
        IcsFixture outlook = IcsFixture.load("outlook-2010-display-name-tzid.ics");
        ZoneRules rules = outlook.zones().rules("(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna").orElseThrow();

        assertSameOffsets(rules, "Europe/Berlin", 2020, 2040);
    }

    @Test
    void customized_us_eastern_zone_matches_new_york() {
        assertSameOffsets(CUSTOMIZED.zones().rules("Customized Time Zone").orElseThrow(), "America/New_York", 2008, 2040);
    }

    @Test
    void customized_southern_hemisphere_zone_matches_sydney() {
        assertSameOffsets(CUSTOMIZED.zones().rules("Customized Time Zone 1").orElseThrow(), "Australia/Sydney", 2009, 2040);
    }

    @Test
    void week_five_means_the_last_week_as_windows_writes_it() {
        assertSameOffsets(CUSTOMIZED.zones().rules("Customized Time Zone 4").orElseThrow(), "Europe/Berlin", 2020, 2040);
    }

    @Test
    void a_single_standard_observance_is_a_fixed_offset() {
        ZoneRules rules = CUSTOMIZED.zones().rules("Customized Time Zone 2").orElseThrow();

        assertThat(rules.isFixedOffset()).isTrue();
        assertThat(rules.getOffset(Instant.parse("2026-07-01T00:00:00Z"))).isEqualTo(ZoneOffset.ofHoursMinutes(5, 30));
    }

    @Test
    void observances_that_do_not_change_the_offset_are_a_fixed_offset() {
        ZoneRules rules = CUSTOMIZED.zones().rules("Customized Time Zone 3").orElseThrow();

        assertThat(rules.isFixedOffset()).isTrue();
        assertThat(rules.getOffset(Instant.parse("2026-01-04T12:00:00Z"))).isEqualTo(ZoneOffset.ofHours(8));
    }

    @Test
    void historical_observances_give_way_to_the_rules_in_force() {
        assertSameOffsets(WITH_HISTORY.zones().rules("Eastern Time (with history)").orElseThrow(), "America/New_York", 2008, 2040);
    }

    @Test
    void a_superseded_rule_left_without_until_gives_way_to_the_later_one() {
        assertSameOffsets(WITH_HISTORY.zones().rules("Eastern Time (superseded rule without UNTIL)").orElseThrow(),
                "America/New_York", 2008, 2040);
    }

    @Test
    void weekday_with_a_run_of_month_days_reads_as_the_nth_weekday() {
        assertSameOffsets(WITH_HISTORY.zones().rules("Eastern Time (month-day form)").orElseThrow(), "America/New_York", 2008, 2040);
    }

    @Test
    void skipped_and_repeated_local_times_convert_like_the_real_zone() {
        ZoneRules inline = CUSTOMIZED.zones().rules("Customized Time Zone").orElseThrow();
        ZoneRules real = ZoneId.of("America/New_York").getRules();
        LocalDateTime skipped = LocalDateTime.parse("2026-03-08T02:30");
        LocalDateTime repeated = LocalDateTime.parse("2026-11-01T01:30");

        assertThat(LocalTimes.toInstant(skipped, inline)).isEqualTo(LocalTimes.toInstant(skipped, real))
                .isEqualTo(Instant.parse("2026-03-08T07:30:00Z"));
        assertThat(LocalTimes.toInstant(repeated, inline)).isEqualTo(LocalTimes.toInstant(repeated, real))
                .isEqualTo(Instant.parse("2026-11-01T05:30:00Z"));
    }

    @Test
    void built_rules_are_reused_for_the_same_definition_text() {
        ZoneRules first = CUSTOMIZED.zones().rules("Customized Time Zone").orElseThrow();
        ZoneRules second = TimeZones.standard().withDefinitions(CUSTOMIZED.vtimezones()).rules("Customized Time Zone").orElseThrow();

        assertThat(second).isSameAs(first);
    }

    @Test
    void definitions_with_lf_or_crlf_line_ends_read_the_same() {
        String crlf = CUSTOMIZED.vtimezones().get("Customized Time Zone");
        String lf = crlf.replace("\r\n", "\n");

        ZoneRules fromLf = TimeZones.standard().withDefinitions(Map.of("Custom LF", lf)).rules("Custom LF").orElseThrow();

        assertThat(crlf).contains("\r\n");
        assertSameOffsets(fromLf, "America/New_York", 2020, 2030);
    }

    @Test
    void unreadable_definition_is_reported_with_its_tzid_and_the_bad_value() {
        String broken = """
                BEGIN:VTIMEZONE
                TZID:Broken Zone
                BEGIN:STANDARD
                DTSTART:16010101T000000
                TZOFFSETFROM:+0100
                TZOFFSETTO:+1
                END:STANDARD
                END:VTIMEZONE
                """;
        TimeZones calendar = TimeZones.standard().withDefinitions(Map.of("Broken Zone", broken));

        assertThatThrownBy(() -> calendar.rules("Broken Zone"))
                .isInstanceOf(IcalFormatException.class)
                .hasMessageContaining("\"Broken Zone\"")
                .hasMessageContaining("\"+1\"");
    }

    @Test
    void observances_that_do_not_chain_are_reported() {
        String inconsistent = CUSTOMIZED.vtimezones().get("Customized Time Zone").replace("TZOFFSETFROM:-0500", "TZOFFSETFROM:-0600");
        TimeZones calendar = TimeZones.standard().withDefinitions(Map.of("Inconsistent", inconsistent));

        assertThatThrownBy(() -> calendar.rules("Inconsistent"))
                .isInstanceOf(IcalFormatException.class)
                .hasMessageContaining("do not chain");
    }

    /** Same offset one second before, at and one second after every transition of the real zone, and mid-season. */
    private static void assertSameOffsets(ZoneRules actual, String zone, int fromYear, int toYear) {
        ZoneRules expected = ZoneId.of(zone).getRules();
        Instant end = LocalDateTime.of(toYear + 1, 1, 1, 0, 0).toInstant(ZoneOffset.UTC);
        ZoneOffsetTransition transition = expected.nextTransition(LocalDateTime.of(fromYear, 1, 1, 0, 0).toInstant(ZoneOffset.UTC));
        int checked = 0;
        while (transition != null && transition.getInstant().isBefore(end)) {
            for (long delta : new long[] {-1, 0, 1, 86_400 * 60}) {
                Instant at = transition.getInstant().plusSeconds(delta);
                assertThat(actual.getOffset(at)).as("%s at %s", zone, at).isEqualTo(expected.getOffset(at));
            }
            checked++;
            transition = expected.nextTransition(transition.getInstant());
        }
        assertThat(checked).as("transitions of %s checked", zone).isGreaterThanOrEqualTo(2 * (toYear - fromYear));
    }
}
