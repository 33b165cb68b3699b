package org.mms.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mms.block.DialInNumber;
import org.mms.block.MeetingType;

class ChangeUserTest {

    private static final TenantId TENANT = new TenantId("t1");
    private static final Bridge BRIDGE = new Bridge("b1", TENANT, "Main", List.of(
            new ServiceNumber("+13238494874", DialInNumber.Kind.TOLL, "+1 323-849-4874", Optional.empty()),
            new ServiceNumber("+14255550175", DialInNumber.Kind.TOLL, "+1 425-555-0175", Optional.empty()),
            new ServiceNumber("+18666799995", DialInNumber.Kind.TOLL_FREE, "(866) 679-9995", Optional.empty())),
            Optional.of("+14255550175"));

    private static User onPremSkypeUser() {
        AudioConferencing audio = new AudioConferencing(true, true, AudioProvider.MICROSOFT, Optional.of("b1"), Optional.of("+13238494874"),
                Optional.of("+18666799995"), Optional.of("241752659"), true, List.of(), Optional.empty());
        return new User(new UserId("u1"), TENANT, "alice@contoso.com", "alice@contoso.com", "Alice", Set.of(), Hosting.ON_PREMISES,
                Optional.of("pool01.contoso.com"), MailboxLocation.REACHABLE, MeetingType.SKYPE, TeamsUpgradeMode.ISLANDS, audio, Locale.US);
    }

    @Test
    void moving_online_makes_a_teams_only_user_and_says_so_once() {
        ChangeUser.Changed moved = ChangeUser.moveToOnline(onPremSkypeUser());

        assertThat(moved.after().hosting()).isEqualTo(Hosting.ONLINE);
        assertThat(moved.after().meetingType()).isEqualTo(MeetingType.TEAMS);
        assertThat(moved.changes()).containsExactly(new DirectoryChange.MovedToOnline(new UserId("u1"), Optional.of("pool01.contoso.com")));
        assertThat(ChangeUser.moveToOnline(moved.after()).changes()).isEmpty();
    }

    @Test
    void a_number_taken_off_the_bridge_moves_its_users_to_the_bridge_default() {
        Bridge after = new Bridge("b1", TENANT, "Main", BRIDGE.numbers().subList(1, 3), BRIDGE.defaultNumber());

        ChangeUser.Changed changed = ChangeUser.numberUnassigned(onPremSkypeUser(), after, "+13238494874");

        assertThat(changed.after().audio().tollNumber()).contains("+14255550175");
        assertThat(changed.after().audio().tollFreeNumber()).contains("+18666799995");
        assertThat(changed.changes()).containsExactly(new DirectoryChange.ServiceNumberUnassigned(new UserId("u1"), "Main", "+13238494874"));
    }

    @Test
    void a_default_number_must_be_on_the_bridge_and_of_its_kind() {
        User user = onPremSkypeUser();
        ChangeUser.DialInSettings notOnBridge = new ChangeUser.DialInSettings(Optional.empty(), Optional.of("+1 999 555 0100"),
                Optional.empty(), Optional.empty(), false);
        ChangeUser.DialInSettings tollFreeAsToll = new ChangeUser.DialInSettings(Optional.empty(), Optional.of("tel:+18666799995"),
                Optional.empty(), Optional.empty(), false);

        assertThatThrownBy(() -> ChangeUser.setDialIn(user, notOnBridge, Optional.of(BRIDGE), new SplittableRandom(1)))
                .hasMessageContaining("is not a number of bridge Main");
        assertThatThrownBy(() -> ChangeUser.setDialIn(user, tollFreeAsToll, Optional.of(BRIDGE), new SplittableRandom(1)))
                .hasMessageContaining("toll-free number");
    }

    @Test
    void resetting_the_conference_id_gives_a_new_one_and_setting_the_same_number_changes_nothing() {
        User user = onPremSkypeUser();

        ChangeUser.Changed reset = ChangeUser.setDialIn(user, new ChangeUser.DialInSettings(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), true), Optional.of(BRIDGE), new SplittableRandom(7));
        ChangeUser.Changed same = ChangeUser.setDialIn(user, new ChangeUser.DialInSettings(Optional.empty(), Optional.of("+13238494874"),
                Optional.empty(), Optional.empty(), false), Optional.of(BRIDGE), new SplittableRandom(7));

        assertThat(reset.after().audio().conferenceId()).isPresent().isNotEqualTo(user.audio().conferenceId());
        assertThat(reset.changes()).containsExactly(new DirectoryChange.ConferenceIdChanged(new UserId("u1"), true));
        assertThat(same.changes()).isEmpty();
    }

    @Test
    void assigning_the_licence_to_a_third_party_user_switches_them_only_when_the_tenant_says_so() {
        User acp = onPremSkypeUser().withAudio(onPremSkypeUser().audio().withLicence(false).withProvider(AudioProvider.THIRD_PARTY));
        TenantSettings keep = TenantSettings.defaults("contoso", "contoso.com");
        TenantSettings replace = new TenantSettings(true, true, true, false, false, keep.settleWindow(), 250, 9, keep.retryWindow(),
                keep.retention(), keep.onlineMeetingUrl(), keep.onPremisesMeetingUrl(), keep.teamsJoinUrlTemplate(), Optional.empty(),
                Optional.empty(), Optional.empty(), false, Optional.empty(), OutgoingPacing.NONE);

        assertThat(ChangeUser.setLicence(acp, true, keep).after().audio().provider()).isEqualTo(AudioProvider.THIRD_PARTY);
        assertThat(ChangeUser.setLicence(acp, true, replace).after().audio().provider()).isEqualTo(AudioProvider.MICROSOFT);
    }
}
