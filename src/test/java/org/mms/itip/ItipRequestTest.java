package org.mms.itip;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mms.testing.ItipRequests.ORGANIZER;
import static org.mms.testing.ItipRequests.aRequest;
import static org.mms.testing.ItipRequests.fixture;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ItipRequestTest {

    private static final Mailbox JUERGEN = Mailbox.of("juergen.mueller@contoso.com", "Jürgen Müller");
    private static final Mailbox ZOE = Mailbox.of("zoe@fabrikam.com");

    @Test
    void organizer_is_not_an_attendee_whatever_the_case_of_the_address() {
        Mailbox organizerAgain = Mailbox.of("Ana.Ortiz@CONTOSO.com", "Ana (organizer)");

        ItipRequest request = aRequest().attendees(organizerAgain, JUERGEN, ORGANIZER).build();

        assertThat(request.attendees()).containsExactly(JUERGEN);
    }

    @Test
    void attendees_that_differ_only_in_case_are_kept_once_with_the_first_spelling() {
        Mailbox shouting = Mailbox.of("JUERGEN.MUELLER@contoso.com", "JÜRGEN");

        ItipRequest request = aRequest().attendees(JUERGEN, ZOE, shouting, Mailbox.of("ZOE@fabrikam.com")).build();

        assertThat(request.attendees()).containsExactly(JUERGEN, ZOE);
    }

    @Test
    void attendee_list_is_a_copy_that_cannot_be_changed() {
        List<Mailbox> attendees = new ArrayList<>(List.of(JUERGEN));

        ItipRequest request = aRequest().attendees(attendees).build();
        attendees.add(ZOE);

        assertThat(request.attendees()).containsExactly(JUERGEN);
        assertThatThrownBy(() -> request.attendees().add(ZOE)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void calendar_bytes_are_copied_on_the_way_in_and_on_the_way_out() {
        byte[] calendar = fixture("outlook-teams-series.expected.ics");
        byte[] original = calendar.clone();

        ItipRequest request = aRequest().calendar(calendar).build();
        calendar[0] = 'X';
        request.calendar()[1] = 'Y';

        assertThat(request.calendar()).isEqualTo(original);
    }

    @Test
    void requests_with_the_same_calendar_content_are_equal() {
        ItipRequest one = aRequest().calendar(fixture("outlook-teams-series.expected.ics")).build();
        ItipRequest two = aRequest().calendar(fixture("outlook-teams-series.expected.ics")).build();

        assertThat(one).isEqualTo(two).hasSameHashCodeAs(two);
        assertThat(one).isNotEqualTo(aRequest().sequence(6).build());
        assertThat(one).isNotEqualTo(aRequest().calendar(fixture("caldav-lf-only-daily.expected.ics")).build());
    }

    @Test
    void to_string_leaves_out_bodies_and_calendar_bytes() {
        ItipRequest request = aRequest().textBody("secret dial-in PIN 1234").build();

        assertThat(request.toString()).contains("sequence=5", "ana.ortiz@contoso.com", "attendees=2")
                .doesNotContain("secret", "BEGIN:VCALENDAR");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Update\r\nBcc: eve@evil.example", "Update\nX", "Update\rX", "Update\u0085X", "Update\u2028X", "\u0000"})
    void subject_with_a_line_break_or_control_character_is_rejected(String subject) {
        assertThatThrownBy(() -> aRequest().subject(subject).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("subject");
    }

    @Test
    void subject_may_hold_any_other_text() {
        String subject = "Aktualisiert: Wöchentliche Abstimmung 🗓️ 週次定例 — Bcc: looks like a header but is text";

        assertThat(aRequest().subject(subject).build().subject()).isEqualTo(subject);
    }

    @Test
    void a_request_with_no_attendee_besides_the_organizer_is_rejected() {
        assertThatThrownBy(() -> aRequest().attendees(ORGANIZER).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no attendee besides the organizer");
        assertThatThrownBy(() -> aRequest().attendees(List.of()).build()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void negative_sequence_and_blank_uid_are_rejected() {
        assertThatThrownBy(() -> aRequest().sequence(-1).build()).hasMessageContaining("sequence");
        assertThatThrownBy(() -> aRequest().uid(" ").build()).hasMessageContaining("uid");
    }

    @Test
    void the_stored_calendar_without_method_is_rejected() {
        byte[] stored = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:u\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n".getBytes(UTF_8);

        assertThatThrownBy(() -> aRequest().calendar(stored).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("METHOD:REQUEST exactly once");
    }

    @Test
    void a_published_calendar_is_rejected() {
        assertThatThrownBy(() -> aRequest().calendar(fixture("outlook-teams-series.ics")).build())
                .hasMessageContaining("found [PUBLISH]");
    }

    @Test
    void a_calendar_saying_method_twice_is_rejected() {
        byte[] twice = "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
                .getBytes(UTF_8);

        assertThatThrownBy(() -> aRequest().calendar(twice).build()).hasMessageContaining("found [REQUEST, REQUEST]");
    }

    @Test
    void a_method_inside_a_component_does_not_count() {
        byte[] inEvent = "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nMETHOD:REQUEST\nEND:VEVENT\nEND:VCALENDAR\n".getBytes(UTF_8);

        assertThatThrownBy(() -> aRequest().calendar(inEvent).build()).hasMessageContaining("found []");
    }

    @Test
    void something_that_is_not_one_vcalendar_is_rejected() {
        byte[] event = "BEGIN:VEVENT\r\nMETHOD:REQUEST\r\nEND:VEVENT\r\n".getBytes(UTF_8);

        assertThatThrownBy(() -> aRequest().calendar(event).build()).hasMessageContaining("not one VCALENDAR");
    }

    @Test
    void a_folded_lower_case_method_request_is_accepted() {
        byte[] calendar = "begin:vcalendar\nmeth\n od:req\n uest\nBEGIN:VEVENT\nEND:VEVENT\nend:vcalendar".getBytes(UTF_8);

        assertThat(aRequest().calendar(calendar).build().calendar()).isEqualTo(calendar);
    }
}
