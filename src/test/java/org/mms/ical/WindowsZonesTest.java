package org.mms.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowsZonesTest {

    private final WindowsZones table = WindowsZones.table();

    @Test
    void table_holds_every_windows_zone_not_just_a_few() {
        assertThat(table.entries()).hasSizeGreaterThan(130);
    }

    @Test
    void table_has_every_name_the_common_outlook_zones_use() {
        List<String> outlookNames = List.of(
                "Dateline Standard Time", "Hawaiian Standard Time", "Alaskan Standard Time", "Pacific Standard Time",
                "US Mountain Standard Time", "Mountain Standard Time", "Central Standard Time",
                "Central Standard Time (Mexico)", "Canada Central Standard Time", "Eastern Standard Time",
                "US Eastern Standard Time", "SA Pacific Standard Time", "Atlantic Standard Time",
                "Newfoundland Standard Time", "E. South America Standard Time", "Argentina Standard Time",
                "UTC", "GMT Standard Time", "Greenwich Standard Time", "W. Europe Standard Time",
                "Central Europe Standard Time", "Romance Standard Time", "Central European Standard Time",
                "W. Central Africa Standard Time", "GTB Standard Time", "FLE Standard Time", "Israel Standard Time",
                "South Africa Standard Time", "Egypt Standard Time", "Turkey Standard Time", "Russian Standard Time",
                "Arab Standard Time", "E. Africa Standard Time", "Iran Standard Time", "Arabian Standard Time",
                "Pakistan Standard Time", "India Standard Time", "Nepal Standard Time", "Bangladesh Standard Time",
                "SE Asia Standard Time", "China Standard Time", "Singapore Standard Time", "Taipei Standard Time",
                "W. Australia Standard Time", "Tokyo Standard Time", "Korea Standard Time",
                "Cen. Australia Standard Time", "AUS Central Standard Time", "E. Australia Standard Time",
                "AUS Eastern Standard Time", "Tasmania Standard Time", "New Zealand Standard Time");

        assertThat(table.entries()).containsKeys(outlookNames.toArray(String[]::new));
    }

    @Test
    void table_maps_the_main_zones_to_the_cldr_default() {
        assertThat(table.ianaFor("W. Europe Standard Time")).contains("Europe/Berlin");
        assertThat(table.ianaFor("Pacific Standard Time")).contains("America/Los_Angeles");
        assertThat(table.ianaFor("Tokyo Standard Time")).contains("Asia/Tokyo");
        assertThat(table.ianaFor("AUS Eastern Standard Time")).contains("Australia/Sydney");
        assertThat(table.ianaFor("India Standard Time")).contains("Asia/Calcutta");
        assertThat(table.ianaFor("Pacific Standard Time (Mexico)")).contains("America/Tijuana");
    }

    @Test
    void every_zone_in_the_table_is_one_java_knows() {
        table.entries().forEach((windowsName, iana) ->
                assertThatCode(() -> ZoneId.of(iana)).as(windowsName).doesNotThrowAnyException());
    }

    @Test
    void display_names_match_across_outlook_generations() {
        assertThat(WindowsZones.displayKey("(GMT+01.00) Amsterdam / Berlin / Bern / Rome / Stockholm / Vienna"))
                .isEqualTo(WindowsZones.displayKey("(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna"))
                .isEqualTo("amsterdam,berlin,bern,rome,stockholm,vienna");
        assertThat(table.ianaForDisplayName("(UTC+09:00) Osaka, Sapporo, Tokyo")).contains("Asia/Tokyo");
        assertThat(table.ianaForDisplayName("Osaka, Sapporo, Tokyo")).as("only TZIDs shaped like display names").isEmpty();
    }
}
