package org.mms.calendar.caldav;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MarkAttendeesClientScheduledTest {

    private static final String BEFORE = String.join("\r\n",
            "BEGIN:VCALENDAR",
            "BEGIN:VEVENT",
            "UID:m-1",
            "SUMMARY:Budget review",
            "ORGANIZER;CN=Alice:mailto:alice@contoso.com",
            "ATTENDEE;CN=\"Ivan Martin\";RSVP=TRUE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION:mailto:ivan.martin@con",
            " toso.com",
            "ATTENDEE;SCHEDULE-AGENT=CLIENT:mailto:lena@contoso.com",
            "ATTENDEE;schedule-agent=SERVER;CN=Walter:mailto:walter@fabrikam.com",
            "BEGIN:VALARM",
            "ACTION:EMAIL",
            "ATTENDEE:mailto:alice@contoso.com",
            "END:VALARM",
            "END:VEVENT",
            "END:VCALENDAR",
            "");

    @Test
    void every_attendee_of_the_meeting_is_marked_client_scheduled_and_nothing_else_changes() {
        String after = text(MarkAttendeesClientScheduled.of(bytes(BEFORE)));

        assertThat(unfolded(after)).isEqualTo(unfolded(BEFORE)
                .replace("ATTENDEE;CN=\"Ivan Martin\"", "ATTENDEE;SCHEDULE-AGENT=CLIENT;CN=\"Ivan Martin\"")
                .replace("ATTENDEE;schedule-agent=SERVER;", "ATTENDEE;SCHEDULE-AGENT=CLIENT;"));
        assertThat(after.split("\r\n")).allSatisfy(line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(75));
        // The alarm's recipient is no attendee of the meeting.
        assertThat(after).contains("BEGIN:VALARM\r\nACTION:EMAIL\r\nATTENDEE:mailto:alice@contoso.com\r\nEND:VALARM");
    }

    @Test
    void a_meeting_whose_attendees_are_all_marked_is_sent_as_it_is() {
        byte[] marked = MarkAttendeesClientScheduled.of(bytes(BEFORE));

        assertThat(MarkAttendeesClientScheduled.of(marked)).isSameAs(marked);
    }

    @Test
    void lf_line_endings_and_a_missing_last_line_ending_are_kept() {
        String lfOnly = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:m-2\nEND:VEVENT\nATTENDEE:mailto:bob@fabrikam.com";

        assertThat(text(MarkAttendeesClientScheduled.of(bytes(lfOnly))))
                .isEqualTo("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:m-2\nEND:VEVENT\nATTENDEE;SCHEDULE-AGENT=CLIENT:mailto:bob@fabrikam.com");
    }

    private static String unfolded(String s) {
        return s.replace("\r\n ", "");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
