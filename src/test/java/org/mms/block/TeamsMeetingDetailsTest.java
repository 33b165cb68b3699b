package org.mms.block;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TeamsMeetingDetailsTest {

    private static final String FENCE = "_".repeat(80);
    private static final String JOIN = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0";

    @Test
    void reads_the_meeting_id_and_passcode_by_their_shape_in_any_language() {
        String block = FENCE + "\nMicrosoft Teams 会議\n会議に参加する<" + JOIN + ">\n会議 ID: 158 573 753 138\nパスコード: Xy7Qz2\n"
                + "Teams のダウンロード<https://www.microsoft.com/ja-jp/microsoft-teams/download-app> | Web に参加"
                + "<https://www.microsoft.com/microsoft-teams/join-a-meeting>\n電話会議 ID: 130 775 944#\n"
                + "会議のオプション<https://teams.microsoft.com/meetingOptions/?organizerId=o&tenantId=t>\n" + FENCE;

        TeamsMeetingDetails details = TeamsMeetingDetails.of(ShownCoordinates.of(block, MeetingType.TEAMS));

        assertThat(details.meetingId()).contains("158573753138");
        assertThat(details.passcode()).contains("Xy7Qz2");
        assertThat(details.downloadUrl()).contains(URI.create("https://www.microsoft.com/ja-jp/microsoft-teams/download-app"));
        assertThat(details.webJoinUrl()).contains(URI.create("https://www.microsoft.com/microsoft-teams/join-a-meeting"));
        assertThat(details.meetingOptionsUrl()).contains(URI.create("https://teams.microsoft.com/meetingOptions/?organizerId=o&tenantId=t"));
    }

    @Test
    void a_video_conference_id_further_down_is_not_taken_for_the_meeting_id() {
        String block = FENCE + "\nMicrosoft Teams meeting\nJoin on your computer or mobile app\nClick here to join the meeting<" + JOIN + ">\n"
                + "Join with a video conferencing device\n813878896@t.plcm.vc\nVideo Conference ID: 126 085 103 8\n"
                + "Alternate VTC instructions<https://dialin.plcm.vc/teams/?key=813878896&conf=1260851038>\n" + FENCE;

        TeamsMeetingDetails details = TeamsMeetingDetails.of(ShownCoordinates.of(block, MeetingType.TEAMS));

        assertThat(details.meetingId()).isEmpty();
        assertThat(details.passcode()).isEmpty();
    }

    @Test
    void a_meeting_that_keeps_its_link_keeps_its_details_unless_its_settings_give_their_own() {
        String block = FENCE + "\nMicrosoft Teams meeting\nJoin: " + JOIN + "\nMeeting ID: 718 431 859 880 524\nPasscode: FCJF5a\n" + FENCE;
        TeamsMeetingDetails details = TeamsMeetingDetails.of(ShownCoordinates.of(block, MeetingType.TEAMS));
        Coordinates target = new Coordinates(MeetingType.TEAMS, URI.create(JOIN), Optional.empty(), Optional.of("Given1"), Optional.empty(),
                List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Locale.US);

        Coordinates same = details.keptIn(target, Optional.of(JOIN.replace("%3a", "%3A")));
        Coordinates other = details.keptIn(target, Optional.of(JOIN + "?other"));

        assertThat(same.meetingId()).contains("718431859880524");
        assertThat(same.passcode()).contains("Given1");
        assertThat(other).isEqualTo(target);
    }

    @Test
    void an_html_block_gives_its_meeting_id_from_its_text_and_its_pages_from_its_links() {
        String visible = FENCE + "\nMicrosoft Teams meeting\nJoin on your computer, mobile app or room device\nClick here to join the meeting\n"
                + "Meeting ID: 333 293 204 240\nPasscode: 5gwtWG\nDownload Teams | Join on the web\nOr call in (audio only)\n"
                + "+1 323-849-4874,,658389278# United States, Los Angeles\nLearn More | Meeting options\n" + FENCE;

        TeamsMeetingDetails details = TeamsMeetingDetails.of(ShownCoordinates.of(visible, MeetingType.TEAMS),
                List.of(JOIN, "https://www.microsoft.com/microsoft-teams/join-a-meeting", "https://teams.microsoft.com/meetingOptions/?o=1"));

        assertThat(details.meetingId()).contains("333293204240");
        assertThat(details.passcode()).contains("5gwtWG");
        assertThat(details.webJoinUrl()).isPresent();
        assertThat(details.meetingOptionsUrl()).contains(URI.create("https://teams.microsoft.com/meetingOptions/?o=1"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en-US", "de-DE", "fr-FR", "sv-SE", "es-ES", "it-IT", "nl-NL", "ja-JP"})
    void the_meeting_id_and_passcode_of_a_block_rendered_in_each_language_are_read_back(String tag) {
        Coordinates coordinates = SampleCoordinates.teams(Locale.forLanguageTag(tag), true);

        TeamsMeetingDetails details = TeamsMeetingDetails.of(
                ShownCoordinates.of(BlockRenderer.render(coordinates).text(), MeetingType.TEAMS));

        assertThat(details.meetingId()).isEqualTo(coordinates.meetingId());
        assertThat(details.passcode()).isEqualTo(coordinates.passcode());
        assertThat(details.meetingOptionsUrl()).isEqualTo(coordinates.meetingOptionsUrl());
    }
}
