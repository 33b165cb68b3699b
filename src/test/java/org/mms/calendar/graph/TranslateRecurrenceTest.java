package org.mms.calendar.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class TranslateRecurrenceTest {

    private static String rrule(String pattern, String range) {
        return TranslateRecurrence.toRrule(GraphFixtures.JSON.readTree("{\"pattern\":" + pattern + ",\"range\":" + range + "}"), ZoneOffset.UTC);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            daily every 2 days          | {"type":"daily","interval":2}                                                                     | FREQ=DAILY;INTERVAL=2
            weekly on two days          | {"type":"weekly","interval":1,"daysOfWeek":["monday","thursday"],"firstDayOfWeek":"sunday"}     | FREQ=WEEKLY;BYDAY=MO,TH;WKST=SU
            absolute monthly on the 31st| {"type":"absoluteMonthly","interval":1,"dayOfMonth":31}                                          | FREQ=MONTHLY;BYMONTHDAY=31
            relative monthly, last Fri  | {"type":"relativeMonthly","interval":3,"daysOfWeek":["friday"],"index":"last"}                   | FREQ=MONTHLY;BYDAY=FR;BYSETPOS=-1;INTERVAL=3
            relative monthly, 2nd weekday | {"type":"relativeMonthly","interval":1,"daysOfWeek":["monday","tuesday","wednesday","thursday","friday"],"index":"second"} | FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=2
            absolute yearly, 29 Feb     | {"type":"absoluteYearly","interval":1,"month":2,"dayOfMonth":29}                                 | FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29
            relative yearly, 1st Sun Mar| {"type":"relativeYearly","interval":1,"month":3,"daysOfWeek":["sunday"],"index":"first"}         | FREQ=YEARLY;BYMONTH=3;BYDAY=SU;BYSETPOS=1
            """)
    void every_graph_pattern_becomes_its_rrule(String what, String pattern, String expected) {
        assertThat(rrule(pattern, "{\"type\":\"noEnd\",\"startDate\":\"2026-01-05\"}")).isEqualTo(expected);
    }

    @Test
    void a_numbered_range_is_a_count_and_an_end_date_ends_with_the_last_second_of_that_day_in_the_series_zone() {
        String weekly = "{\"type\":\"weekly\",\"interval\":1,\"daysOfWeek\":[\"tuesday\"]}";
        assertThat(rrule(weekly, "{\"type\":\"numbered\",\"numberOfOccurrences\":10,\"startDate\":\"2026-01-06\"}"))
                .isEqualTo("FREQ=WEEKLY;BYDAY=TU;COUNT=10");
        assertThat(TranslateRecurrence.toRrule(GraphFixtures.JSON.readTree("{\"pattern\":" + weekly
                + ",\"range\":{\"type\":\"endDate\",\"startDate\":\"2026-01-06\",\"endDate\":\"2026-06-30\"}}"), ZoneId.of("Asia/Tokyo")))
                .isEqualTo("FREQ=WEEKLY;BYDAY=TU;UNTIL=20260630T145959Z");
    }

    @Test
    void a_windows_zone_name_in_the_range_is_known() {
        assertThat(TranslateRecurrence.zoneOf(GraphFixtures.event("weekly-series-master.json").recurrence().orElseThrow()))
                .contains(ZoneId.of("Europe/Berlin"));
    }

    @Test
    void a_weekly_rule_goes_to_graph_with_its_days_and_range_and_a_rule_graph_cannot_take_is_refused_by_name() {
        ObjectNode recurrence = TranslateRecurrence.toGraph("FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;UNTIL=20270624T130000Z;WKST=SU",
                LocalDate.of(2026, 10, 1), ZoneId.of("Europe/Berlin"), "Europe/Berlin", GraphFixtures.JSON);

        assertThat(recurrence.toString()).isEqualTo("{\"pattern\":{\"interval\":2,\"type\":\"weekly\",\"daysOfWeek\":[\"thursday\"],"
                + "\"firstDayOfWeek\":\"sunday\"},\"range\":{\"startDate\":\"2026-10-01\",\"recurrenceTimeZone\":\"Europe/Berlin\","
                + "\"type\":\"endDate\",\"endDate\":\"2027-06-24\"}}");
        assertThatThrownBy(() -> TranslateRecurrence.toGraph("FREQ=WEEKLY;BYDAY=TH;BYHOUR=9", LocalDate.of(2026, 10, 1), ZoneOffset.UTC,
                "UTC", GraphFixtures.JSON)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BYHOUR=9");
        assertThatThrownBy(() -> TranslateRecurrence.toGraph("FREQ=MONTHLY;BYDAY=2TU", LocalDate.of(2026, 10, 1), ZoneOffset.UTC,
                "UTC", GraphFixtures.JSON)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BYDAY=2TU");
    }
}
