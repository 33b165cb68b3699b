package org.mms.calendar.caldav;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SchedulingDetectionTest {

    @Test
    void the_rfc_6638_token_means_the_server_schedules() {
        assertThat(SchedulingDetection.advertisesAutoSchedule("1, 2, 3, calendar-access, calendar-auto-schedule")).isTrue();
        assertThat(SchedulingDetection.advertisesAutoSchedule("calendar-auto-schedule,1")).isTrue();
        assertThat(SchedulingDetection.advertisesAutoSchedule("1, Calendar-Auto-Schedule")).isTrue();
    }

    @Test
    void a_similar_token_is_not_the_token() {
        // What Xandikos 0.2.8 sends; it schedules nothing.
        assertThat(SchedulingDetection.advertisesAutoSchedule(
                "1, 2, 3, calendar-access, calendar-auto-scheduling, addressbook, extended-mkcol")).isFalse();
        assertThat(SchedulingDetection.advertisesAutoSchedule("1, 2, 3, calendar-access, addressbook, extended-mkcol")).isFalse();
        assertThat(SchedulingDetection.advertisesAutoSchedule("")).isFalse();
    }
}
