package org.mms.block;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JoinLinkTypeTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // Teams for business, every template generation
        "https://teams.microsoft.com/l/meetup-join/19%3ameeting_MDcw%40thread.v2/0?context=%7b%22Tid%22%7d | TEAMS",
        "https://teams.microsoft.com/meet/373241627805208?p=Ab3cD4                                       | TEAMS",
        "HTTPS://Teams.Microsoft.COM/L/Meetup-Join/19%3ameeting_x%40thread.v2/0                             | TEAMS",
        "https://teams.microsoft.com./meet/373241627805208                                                  | TEAMS",
        "https://teams.microsoft.com:443/l/meetup-join/19%3ameeting_x%40thread.v2/0                         | TEAMS",
        "https://gov.teams.microsoft.us/l/meetup-join/19%3ameeting_x%40thread.v2/0                          | TEAMS",
        // browsers read a backslash as a path separator, and so does this
        "https://teams.microsoft.com\\meet\\123?p=x                                                        | TEAMS",
        // Teams free (consumer)
        "https://teams.live.com/meet/9381234567890?p=AbCdEf123                                              | TEAMS",
        "https://teams.live.com/meet/9381234567890                                                          | TEAMS",
        // Skype for Business Online and an organization's own Skype for Business Server
        "https://meet.lync.com/contoso/alice/KX5B8T2Q                                                       | SKYPE",
        "https://meet.contoso.com/alice/6N2YGD5G                                                            | SKYPE",
        "https://meet.contoso.com/alice/6N2YGD5G?sl=1                                                       | SKYPE",
        "https://lync.contoso.com/meet/alice/6N2YGD5G                                                       | SKYPE",
        "https://contoso.com/meet/alice/6N2YGD5G                                                            | SKYPE",
        "https://lyncweb.contoso.com/alice/6N2YGD5G                                                         | SKYPE",
        "https://skype.fabrikam.net/anna.berg/6N2YGD5G                                                      | SKYPE",
        "http://meet.example.se/anna.berg/6N2YGD5G                                                          | SKYPE",
        // Teams pages that join nothing, and the links around a block
        "https://teams.microsoft.com/meetingOptions/?organizerId=b7d1c2e4                                  | ",
        "https://teams.live.com/                                                                            | ",
        "https://teams.microsoft.com/meet                                                                   | ",
        "https://dialin.teams.microsoft.com/ca398836-fbb8-8146-f5a7-d349c691069b?id=658389278               | ",
        "https://aka.ms/JoinTeamsMeeting?omkt=en-US                                                         | ",
        "https://www.microsoft.com/en-us/microsoft-teams/download-app                                       | ",
        "https://o15.officeredir.microsoft.com/r/rlidLync15?clid=1033&p1=5&p2=2009                          | ",
        // Other services whose links look alike
        "https://meet.google.com/abc-defg-hij                                                               | ",
        "https://meet.google.com/lookup/abcdefgh                                                            | ",
        "https://contoso.webex.com/meet/alice                                                               | ",
        "https://contoso.webex.com/meet/alice/extra                                                         | ",
        "https://contoso.zoom.us/j/12345678901?pwd=abc                                                      | ",
        "https://join.skype.com/aBcDeFgHiJkL                                                                | ",
        "https://meet.contoso.com/                                                                          | ",
        "https://meet.contoso.com/alice                                                                     | ",
        // Look-alikes: the host is what follows the last @, and only the Teams hosts themselves count
        "https://teams.microsoft.com@evil.example/meet/123                                                  | ",
        "https://evil.example/teams.microsoft.com/meet/123                                                  | ",
        "https://teams.microsoft.com.evil.example/meet/123                                                  | ",
        "https://meet.lync.com@evil.example/x/y/z                                                           | ",
    })
    void a_join_link_tells_the_meeting_type_by_its_host_and_path(String link, String expected) {
        Optional<MeetingType> type = JoinLinkType.of(link);

        assertThat(type).isEqualTo(Optional.ofNullable(expected).map(MeetingType::valueOf));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "not a link", "teams.microsoft.com/meet/123", "mailto:alice@contoso.com",
        "tel:+13238494874,,658389278#", "ftp://teams.microsoft.com/meet/123", "https://", "https:///meet/a/b", "https://@",
        "https://[::1]/meet/a/b", "https://:443/meet/a/b", "https://%00/meet/a/b", "https://a..b/meet/x/y", "https://meet.contoso.com%2f/alice/KEY", "https://teams.microsoft.com%2f@x/meet/1",
        "://", "https://\u0000\uffff/\ud800", "javascript:alert(1)//teams.microsoft.com/meet/1", "https://.../meet/a/b/c/d",
        "https://teams.microsoft.com/%zz/%"})
    void garbage_is_of_no_known_kind_and_never_throws(String link) {
        assertThat(JoinLinkType.of(link)).isEmpty();
    }

    @Test
    void a_null_or_very_long_link_is_of_no_known_kind() {
        assertThat(JoinLinkType.of(null)).isEmpty();
        assertThat(JoinLinkType.of("https://" + "a.".repeat(200_000) + "com/" + "x/".repeat(200_000))).isEmpty();
    }

    @Test
    void the_first_link_of_a_known_kind_tells_the_type_of_a_block() {
        List<String> teamsFree = List.of("https://aka.ms/JoinTeamsMeeting?omkt=en-US", "https://teams.live.com/meet/9381234567890?p=AbCdEf123");
        String skypeBlock = ".".repeat(137) + "\nJoin Skype Meeting <https://meet.contoso.com/alice/6N2YGD5G>\n"
                + "Trouble Joining? Try Skype Web App <https://meet.contoso.com/alice/6N2YGD5G?sl=1>\n" + ".".repeat(137);

        assertThat(JoinLinkType.firstOf(teamsFree)).contains(MeetingType.TEAMS);
        assertThat(JoinLinkType.firstIn(skypeBlock)).contains(MeetingType.SKYPE);
        assertThat(JoinLinkType.firstOf(List.of("https://aka.ms/JoinTeamsMeeting"))).isEmpty();
        assertThat(JoinLinkType.firstIn("no links at all")).isEmpty();
    }
}
