package org.mms.block;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JoinDetailsTest {

    @Test
    void aTeamsBlockShowsItsJoinLinkAndThePhoneConferenceIdEndingInAHash() {
        JoinDetails d = JoinDetails.of("""
                ________________________________________________________________________________
                Microsoft Teams meeting
                Join on your computer, mobile app or room device
                Click here to join the meeting<https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjE0%40thread.v2/0?context=%7b%7d>
                Or call in (audio only)
                +1 323-849-4874,,539145064#<tel:+13238494874,,539145064#>   United States, Los Angeles
                Phone Conference ID: 539 145 064#
                Find a local number<https://dialin.teams.microsoft.com/8551f4c1>
                ________________________________________________________________________________
                """);

        assertThat(d.joinUrl()).contains("https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjE0%40thread.v2/0?context=%7b%7d");
        assertThat(d.conferenceId()).contains("539145064");
    }

    @Test
    void aSkypeBlockInAnyLanguageShowsTheDigitsAfterItsLabel() {
        JoinDetails d = JoinDetails.of("""
                Anslut till Skype-möte<https://meet.contoso.com/alice/6N2YGD5G>
                Problem att ansluta? Testa Skype Web App<https://meet.contoso.com/alice/6N2YGD5G?sl=1>
                Anslut per telefon
                +1 (425) 555-0100<tel:+14255550100> (Redmond)        Svenska (Sverige)
                Hitta ett lokalt nummer<https://dialin.contoso.com/dialin>

                Konferens-ID: 68138
                """);

        assertThat(d.joinUrl()).contains("https://meet.contoso.com/alice/6N2YGD5G");
        assertThat(d.conferenceId()).contains("68138");
    }

    @Test
    void noBlockShowsNothing() {
        assertThat(JoinDetails.of(null)).isEqualTo(new JoinDetails(java.util.Optional.empty(), java.util.Optional.empty()));
        assertThat(JoinDetails.of("Agenda: 1. budget")).isEqualTo(new JoinDetails(java.util.Optional.empty(), java.util.Optional.empty()));
    }
}
