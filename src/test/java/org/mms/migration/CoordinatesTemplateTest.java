package org.mms.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mms.block.MeetingType;

class CoordinatesTemplateTest {

    private static CoordinatesTemplate template(MeetingType type, String joinUrl) {
        return new CoordinatesTemplate(type, joinUrl, Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Locale.US, Optional.empty());
    }

    private static CoordinatesTemplate.Meeting meeting(MeetingType type, String link) {
        return new CoordinatesTemplate.Meeting("uid-1", type, Optional.ofNullable(link), "alice@contoso.com");
    }

    @Test
    void keep_gives_each_meeting_its_own_link() {
        CoordinatesTemplate.Resolution r = template(MeetingType.TEAMS, CoordinatesTemplate.KEEP)
                .forMeeting(meeting(MeetingType.TEAMS, "https://teams.microsoft.com/l/meetup-join/19%3ameeting_A%40thread.v2/0"));

        assertThat(r).isInstanceOf(CoordinatesTemplate.Resolution.Resolved.class);
        assertThat(((CoordinatesTemplate.Resolution.Resolved) r).coordinates().joinUrl().toString()).endsWith("meeting_A%40thread.v2/0");
    }

    @Test
    void keep_cannot_turn_a_skype_link_into_a_teams_meeting() {
        CoordinatesTemplate.Resolution r = template(MeetingType.TEAMS, CoordinatesTemplate.KEEP)
                .forMeeting(meeting(MeetingType.SKYPE, "https://meet.contoso.com/alice/6N2YGD5G"));

        assertThat(r).isInstanceOf(CoordinatesTemplate.Resolution.Missing.class);
        assertThat(((CoordinatesTemplate.Resolution.Missing) r).why()).contains("SKYPE link cannot serve a TEAMS meeting");
    }

    @Test
    void a_template_fills_in_the_conference_key_the_uid_hash_and_the_organizer() {
        CoordinatesTemplate t = template(MeetingType.SKYPE, "https://meet.lync.com/contoso/{organizer}/{meetingKey}?u={uidHash}");

        CoordinatesTemplate.Resolution r = t.forMeeting(meeting(MeetingType.SKYPE, "https://meet.contoso.com/alice/6N2YGD5G"));

        assertThat(((CoordinatesTemplate.Resolution.Resolved) r).coordinates().joinUrl().toString())
                .isEqualTo("https://meet.lync.com/contoso/alice/6N2YGD5G?u=" + CoordinatesTemplate.uidHash("uid-1"));
    }

    @Test
    void the_meeting_key_of_a_teams_link_is_its_thread() throws Exception {
        assertThat(CoordinatesTemplate.meetingKey("https://teams.microsoft.com/l/meetup-join/19%3ameeting_X%40thread.v2/0?context=%7b%7d"))
                .isEqualTo("19%3ameeting_X%40thread.v2");
        assertThat(CoordinatesTemplate.meetingKey("https://teams.microsoft.com/meet/373241627805208?p=abc")).isEqualTo("373241627805208");
    }

    @Test
    void an_unknown_placeholder_or_a_link_that_is_not_web_is_refused_up_front() {
        assertThatThrownBy(() -> template(MeetingType.TEAMS, "https://x.example/{meetingId}"))
                .hasMessageContaining("unknown placeholder {meetingId}");
        assertThatThrownBy(() -> template(MeetingType.TEAMS, "javascript:alert(1)")).hasMessageContaining("http or https");
    }
}
