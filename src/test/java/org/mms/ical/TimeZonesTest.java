package org.mms.ical;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeZonesTest {

    private static final String FIXED_PLUS_THREE = """
            BEGIN:VTIMEZONE
            TZID:%s
            BEGIN:STANDARD
            DTSTART:16010101T000000
            TZOFFSETFROM:+0300
            TZOFFSETTO:+0300
            END:STANDARD
            END:VTIMEZONE
            """;

    private final TimeZones zones = TimeZones.standard();

    @Test
    void iana_ids_resolve_to_themselves() {
        assertThat(zones.zoneId("Europe/Berlin")).contains(ZoneId.of("Europe/Berlin"));
        assertThat(zones.zoneId("America/Argentina/Buenos_Aires")).contains(ZoneId.of("America/Argentina/Buenos_Aires"));
        assertThat(zones.rules("Asia/Tokyo")).contains(ZoneId.of("Asia/Tokyo").getRules());
    }

    @ParameterizedTest
    @CsvSource({
        "/Europe/Berlin, Europe/Berlin",
        "/mozilla.org/20050126_1/Europe/Berlin, Europe/Berlin",
        "/softwarestudio.org/Olson_20011030_5/America/New_York, America/New_York",
        "/citadel.org/20190914_1/America/Argentina/Buenos_Aires, America/Argentina/Buenos_Aires",
        "europe/berlin, Europe/Berlin"
    })
    void iana_ids_behind_a_slash_a_vendor_prefix_or_in_other_case_resolve(String tzid, String expected) {
        assertThat(zones.zoneId(tzid)).contains(ZoneId.of(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "W. Europe Standard Time    | Europe/Berlin",
        "Pacific Standard Time      | America/Los_Angeles",
        "Tokyo Standard Time        | Asia/Tokyo",
        "India Standard Time        | Asia/Kolkata",
        "AUS Eastern Standard Time  | Australia/Sydney",
        "Eastern Standard Time      | America/New_York",
        "GMT Standard Time          | Europe/London",
        "Romance Standard Time      | Europe/Paris",
        "China Standard Time        | Asia/Shanghai",
        "E. South America Standard Time | America/Sao_Paulo",
        "UTC                        | UTC"
    })
    void windows_zone_names_resolve_to_the_cldr_default_zone(String tzid, String expected) {
        // Compared by rules: CLDR names some zones by their older IANA alias (Asia/Calcutta).
        assertThat(zones.rules(tzid)).contains(ZoneId.of(expected).getRules());
        assertThat(zones.zoneId(tzid)).isPresent();
    }

    @Test
    void utc_as_a_windows_or_iana_name_is_a_zero_offset() {
        assertThat(zones.zoneId("UTC").orElseThrow().normalized()).isEqualTo(ZoneOffset.UTC);
        assertThat(zones.zoneId("Etc/UTC").orElseThrow().normalized()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void windows_zone_names_match_whatever_the_case_and_surrounding_quotes() {
        assertThat(zones.zoneId("w. europe standard time")).contains(ZoneId.of("Europe/Berlin"));
        assertThat(zones.zoneId("\"W. Europe Standard Time\"")).contains(ZoneId.of("Europe/Berlin"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna        | Europe/Berlin",
        "(GMT+01.00) Amsterdam / Berlin / Bern / Rome / Stockholm / Vienna    | Europe/Berlin",
        "(UTC-08:00) Pacific Time (US & Canada)                               | America/Los_Angeles",
        "(UTC+05:30) Chennai, Kolkata, Mumbai, New Delhi                      | Asia/Kolkata",
        "(UTC+10:00) Canberra, Melbourne, Sydney                              | Australia/Sydney"
    })
    void windows_display_names_without_a_definition_resolve_through_the_table(String tzid, String expected) {
        assertThat(zones.rules(tzid)).contains(ZoneId.of(expected).getRules());
    }

    @Test
    void unknown_tzid_without_a_definition_resolves_to_nothing() {
        assertThat(zones.zoneId("Mars Standard Time")).isEmpty();
        assertThat(zones.rules("Mars Standard Time")).isEmpty();
        assertThat(zones.rules("(UTC+04:00) Olympus Mons")).isEmpty();
    }

    @Test
    void a_known_name_wins_over_the_calendars_own_definition() {
        TimeZones withBogusDefinition = zones.withDefinitions(
                Map.of("W. Europe Standard Time", FIXED_PLUS_THREE.formatted("W. Europe Standard Time")));

        assertThat(withBogusDefinition.rules("W. Europe Standard Time")).contains(ZoneId.of("Europe/Berlin").getRules());
    }

    @Test
    void a_display_name_with_a_definition_is_read_from_the_definition_not_the_table() {
        String tzid = "(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna";
        TimeZones calendar = zones.withDefinitions(Map.of(tzid, FIXED_PLUS_THREE.formatted(tzid)));

        assertThat(calendar.rules(tzid).orElseThrow().isFixedOffset()).isTrue();
        assertThat(calendar.rules(tzid).orElseThrow().getOffset(java.time.Instant.EPOCH)).isEqualTo(ZoneOffset.ofHours(3));
    }

    @Test
    void a_zone_defined_only_inline_has_rules_but_no_zone_id() {
        TimeZones calendar = zones.withDefinitions(Map.of("Customized Time Zone", FIXED_PLUS_THREE.formatted("Customized Time Zone")));

        assertThat(calendar.rules("Customized Time Zone")).isPresent();
        assertThat(calendar.zoneId("Customized Time Zone")).isEmpty();
        assertThat(zones.rules("Customized Time Zone")).as("the standard instance is unchanged").isEmpty();
    }
}
