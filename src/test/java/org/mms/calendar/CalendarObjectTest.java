package org.mms.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mms.testing.CalendarResources.aMeeting;
import static org.mms.testing.CalendarResources.icsFixture;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CalendarObjectTest {

    @Test
    void the_uid_of_a_series_with_its_overrides_and_time_zones_is_read() {
        byte[] series = SplitCalendar.of(icsFixture("series-weekly-overrides.ics")).resources().getFirst().data();

        assertThat(CalendarObject.uidOf(series)).startsWith("040000008200E00074C5B7101A82E008");
        assertThat(CalendarObject.uidOf(aMeeting("  uid-1 "))).isEqualTo("uid-1");
    }

    @Test
    void a_uid_folded_over_two_lines_is_read_whole() {
        byte[] data = text(aMeeting("x")).replace("UID:x\r\n", "UID:0400000082\r\n 00E00074C5\r\n").getBytes(StandardCharsets.UTF_8);

        assertThat(CalendarObject.uidOf(data)).isEqualTo("040000008200E00074C5");
    }

    @Test
    void a_uid_of_a_nested_alarm_is_not_the_events() {
        byte[] data = text(aMeeting("event-uid")).replace("BEGIN:VEVENT\r\nUID:event-uid\r\n",
                "BEGIN:VEVENT\r\nBEGIN:VALARM\r\nUID:alarm-uid\r\nACTION:DISPLAY\r\nEND:VALARM\r\nUID:event-uid\r\n")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(CalendarObject.uidOf(data)).isEqualTo("event-uid");
    }

    @Test
    void two_uids_two_kinds_or_none_are_not_one_calendar_object() {
        String meeting = text(aMeeting("uid-1"));
        String end = "END:VCALENDAR\r\n";

        assertThatThrownBy(() -> CalendarObject.uidOf(utf8(meeting.replace(end, "BEGIN:VEVENT\r\nUID:uid-2\r\nEND:VEVENT\r\n" + end))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two UIDs");
        assertThatThrownBy(() -> CalendarObject.uidOf(utf8(meeting.replace(end, "BEGIN:VTODO\r\nUID:uid-1\r\nEND:VTODO\r\n" + end))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("VTODO");
        assertThatThrownBy(() -> CalendarObject.uidOf(utf8(meeting.replace("UID:uid-1\r\n", ""))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no UID");
        assertThatThrownBy(() -> CalendarObject.uidOf(utf8(meeting.replace("UID:uid-1\r\n", "UID: \r\n"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no UID");
        assertThatThrownBy(() -> CalendarObject.uidOf(utf8("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no component");
        assertThatThrownBy(() -> CalendarObject.uidOf(utf8(meeting + meeting)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 VCALENDARs");
        assertThatThrownBy(() -> CalendarObject.uidOf(utf8("Subject,Start\r\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not iCalendar");
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
