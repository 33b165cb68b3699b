package org.mms.block;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JoinLinkOwnerTest {

    private static final String ALICE_OID = "b7d1c2e4-8f3a-4c6b-9e2d-1a5f7c3b9d80";
    private static final String TENANT = "5c1e3a9d-2b7f-4e61-9d0a-3f4b8c6e2a17";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "https://meet.lync.com/contoso/alice/Q7WX2M9Z           | alice       | Q7WX2M9Z",
        "https://meet.contoso.com/alice/6N2YGD5G                 | alice       | 6N2YGD5G",
        "https://meet.contoso.com/alice/6N2YGD5G?sl=1            | alice       | 6N2YGD5G",
        "https://MEET.Contoso.com/Alice.Smith/6N2YGD5G/          | alice.smith | 6N2YGD5G",
        "https://contoso.com/meet/alice/6N2YGD5G                 | alice       | 6N2YGD5G",
        "https://lync.contoso.com/meet/alice/6N2YGD5G            | alice       | 6N2YGD5G",
        "https://meet.contoso.com/o%27brien/6N2YGD5G             | o'brien     | 6N2YGD5G",
    })
    void a_skype_link_names_the_sip_user_and_conference_key_of_its_path(String link, String user, String key) {
        assertThat(JoinLinkOwner.of(link)).contains(new JoinLinkOwner.SkypeUser(user, key));
    }

    @Test
    void a_teams_join_link_names_the_object_id_in_its_context() {
        String link = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_MDcwYjc2YjUtM2Y3Ni0yOThkLTFhODItZmU0NTcxZjFlM2Ri"
                + "%40thread.v2/0?context=%7b%22Tid%22%3a%22" + TENANT + "%22%2c%22Oid%22%3a%22" + ALICE_OID.toUpperCase() + "%22%7d";

        assertThat(JoinLinkOwner.of(link)).contains(new JoinLinkOwner.TeamsObject(ALICE_OID, TENANT));
    }

    @Test
    void a_context_escaped_twice_is_read_and_a_link_with_raw_braces_is_not() {
        String twice = "https://teams.microsoft.com/l/meetup-join/19%253ameeting_X%2540thread.v2/0?context=%257b%2522Tid%2522%253a%2522"
                + TENANT + "%2522%252c%2522Oid%2522%253a%2522" + ALICE_OID + "%2522%257d";
        String plain = "https://teams.microsoft.com/l/meetup-join/19:meeting_X@thread.v2/0?context={%22Tid%22:%22" + TENANT
                + "%22,%22Oid%22:%22" + ALICE_OID + "%22}";

        assertThat(JoinLinkOwner.of(twice)).contains(new JoinLinkOwner.TeamsObject(ALICE_OID, TENANT));
        assertThat(JoinLinkOwner.of(plain)).isEmpty();  // braces are not allowed in a URI: such a link is not read at all
    }

    @Test
    void the_meeting_options_link_of_a_teams_block_names_the_organizer_too() {
        String link = "https://teams.microsoft.com/meetingOptions/?organizerId=" + ALICE_OID + "&tenantId=" + TENANT
                + "&threadId=19_meeting_MDcw@thread.v2&messageId=0&language=en-US";

        assertThat(JoinLinkOwner.of(link)).contains(new JoinLinkOwner.TeamsObject(ALICE_OID, TENANT));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://teams.live.com/meet/9381234567890?p=AbCdEf123",
        "https://teams.microsoft.com/l/meetup-join/19%3ameeting_X%40thread.v2/0",
        "https://teams.microsoft.com/l/meetup-join/19%3ameeting_X%40thread.v2/0?context=%7b%22Tid%22%3a%22" + TENANT + "%22%7d",
        "https://teams.microsoft.com/l/meetup-join/19%3ameeting_X%40thread.v2/0?context=%7b%22Oid%22%3a%22not-a-guid%22%7d",
        "https://teams.microsoft.com/meetingOptions/?organizerId=not-a-guid",
        "https://aka.ms/JoinTeamsMeeting",
        "https://dialin.contoso.com/dialin",
        "https://contoso.sharepoint.com/sites/ops/Incidents/2026-Q4",
        "https://github.com/alice/repo",
        "https://meet.contoso.com/alice",
        "https://meet.contoso.com/alice/6N2Y-GD5G",
        "https://meet.contoso.com/al ice/6N2YGD5G",
        "https://meet.contoso.com/<script>/6N2YGD5G",
        "ftp://meet.contoso.com/alice/6N2YGD5G",
        "mailto:alice@contoso.com",
        "tel:+14255550100,,68138",
        "https://meet.contoso.com/alice/6N2YGD5G%",
        "not a link at all",
        "",
    })
    void links_that_name_no_organizer_say_nothing(String link) {
        assertThat(JoinLinkOwner.of(link)).isEmpty();
    }

    @Test
    void any_text_at_all_is_read_without_an_exception() {
        SplittableRandom random = new SplittableRandom(20261206);
        String[] seeds = {"https://meet.contoso.com/alice/6N2YGD5G",
            "https://teams.microsoft.com/l/meetup-join/19%3ameeting_X%40thread.v2/0?context=%7b%22Oid%22%3a%22" + ALICE_OID + "%22%7d"};
        for (int i = 0; i < 5_000; i++) {
            StringBuilder s = new StringBuilder(seeds[i % 2]);
            for (int flips = random.nextInt(1, 6); flips > 0; flips--) {
                int at = random.nextInt(s.length());
                s.setCharAt(at, (char) random.nextInt(0, 0x3000));
            }
            Optional<JoinLinkOwner> owner = JoinLinkOwner.of(s.toString());
            assertThat(owner).isNotNull();
        }
        assertThat(JoinLinkOwner.of("https://meet.contoso.com/" + "a/".repeat(5_000) + "6N2YGD5G")).isEmpty();
        assertThat(JoinLinkOwner.of(null)).isEmpty();
    }
}
