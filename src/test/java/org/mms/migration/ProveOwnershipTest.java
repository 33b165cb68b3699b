package org.mms.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProveOwnershipTest {

    private static final String ALICE_OID = "b7d1c2e4-8f3a-4c6b-9e2d-1a5f7c3b9d80";
    private static final String BOB_OID = "3e9a6f21-47c8-4b5d-a1e0-8c2d9f6b7a43";
    private static final Organizer ALICE = new Organizer("sip:alice@contoso.com", Set.of("alice.smith@contoso.com"),
            Set.of(ALICE_OID.toUpperCase()), Set.of("658 389 278"));
    private static final String HELP = "https://o15.officeredir.microsoft.com/r/rlidLync15?clid=1033";

    private static String teams(String oid) {
        return "https://teams.microsoft.com/l/meetup-join/19%3ameeting_X%40thread.v2/0?context=%7b%22Tid%22%3a%22"
                + "5c1e3a9d-2b7f-4e61-9d0a-3f4b8c6e2a17%22%2c%22Oid%22%3a%22" + oid + "%22%7d";
    }

    @Test
    void a_skype_link_naming_the_user_part_of_the_organizer_or_an_alias_is_theirs() {
        assertThat(ProveOwnership.of(ALICE, List.of(HELP, "https://meet.contoso.com/alice/6N2YGD5G"), List.of()))
                .isEqualTo(new Ownership.Owned(new OwnerEvidence(OwnerEvidence.Kind.SKYPE_JOIN_LINK,
                        "it names the organizer's SIP user alice and conference key 6N2YGD5G")));
        assertThat(ProveOwnership.of(ALICE, List.of("https://meet.lync.com/contoso/ALICE.SMITH/Q7WX2M9Z"), List.of()))
                .isInstanceOf(Ownership.Owned.class);
    }

    @Test
    void a_skype_link_naming_someone_else_is_not_theirs_even_when_the_block_shows_their_conference_id() {
        Ownership ownership = ProveOwnership.of(ALICE, List.of("https://meet.contoso.com/bob/Q7WX2M9Z"), List.of("658389278"));

        assertThat(ownership).isEqualTo(new Ownership.NotShown(
                "the block's Skype join link names bob, not the organizer (copied from another meeting?)"));
    }

    @Test
    void a_teams_link_naming_the_organizers_object_id_is_theirs_and_anyone_elses_is_not() {
        assertThat(ProveOwnership.of(ALICE, List.of(teams(ALICE_OID)), List.of()))
                .isEqualTo(new Ownership.Owned(new OwnerEvidence(OwnerEvidence.Kind.TEAMS_JOIN_LINK,
                        "it names the organizer's object id " + ALICE_OID)));
        assertThat(ProveOwnership.of(ALICE, List.of(teams(BOB_OID)), List.of("658389278")))
                .isInstanceOf(Ownership.NotShown.class)
                .extracting(o -> ((Ownership.NotShown) o).why()).asString().contains(BOB_OID);
    }

    @Test
    void when_the_organizers_object_id_is_unknown_a_teams_link_proves_nothing_and_the_conference_id_decides() {
        Organizer withoutObjectId = new Organizer("alice@contoso.com", Set.of(), Set.of(), Set.of("658389278"));

        assertThat(ProveOwnership.of(withoutObjectId, List.of(teams(BOB_OID)), List.of("13238494874", "658389278")))
                .isEqualTo(new Ownership.Owned(new OwnerEvidence(OwnerEvidence.Kind.CONFERENCE_ID,
                        "the block shows the organizer's conference ID 658389278")));
        assertThat(ProveOwnership.of(withoutObjectId, List.of(teams(BOB_OID)), List.of("13238494874", "417205836")))
                .isInstanceOf(Ownership.NotShown.class);
    }

    @Test
    void a_teams_free_link_names_no_one_so_only_the_conference_id_can_show_whose_it_is() {
        List<String> links = List.of("https://teams.live.com/meet/9381234567890?p=AbCdEf123");

        assertThat(ProveOwnership.of(ALICE, links, List.of("9381234567890"))).isInstanceOf(Ownership.NotShown.class);
        assertThat(ProveOwnership.of(ALICE, links, List.of("658389278"))).isInstanceOf(Ownership.Owned.class);
    }

    @Test
    void a_block_with_no_links_and_no_known_numbers_shows_nothing() {
        assertThat(ProveOwnership.of(ALICE, List.of(), List.of())).isInstanceOf(Ownership.NotShown.class);
        assertThat(ProveOwnership.of(Organizer.of("alice@contoso.com"), List.of(HELP), List.of("658389278")))
                .isInstanceOf(Ownership.NotShown.class);
    }
}
