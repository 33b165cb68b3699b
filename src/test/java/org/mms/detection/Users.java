package org.mms.detection;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.mms.block.DialInNumber;
import org.mms.block.MeetingType;
import org.mms.directory.AudioConferencing;
import org.mms.directory.AudioProvider;
import org.mms.directory.Hosting;
import org.mms.directory.MailboxLocation;
import org.mms.directory.TeamsUpgradeMode;
import org.mms.directory.TenantId;
import org.mms.directory.User;
import org.mms.directory.UserId;

/** Organizers as the directory holds them, one per situation the trigger table cares about. Vary them with the withers. */
final class Users {

    static final TenantId CONTOSO = new TenantId("contoso");
    static final UserId ALICE = new UserId("4f1c9a52-6b0e-4c3d-9a8f-2e7d5b1c0a93");
    static final String POOL = "pool01.contoso.com";

    static final String BRIDGE = "bridge-redmond";
    static final String OTHER_BRIDGE = "bridge-dublin";
    static final String TOLL = "+14255550100";
    static final String TOLL_FREE = "+18005550100";
    static final String OTHER_TOLL = "+14255550111";
    static final String OTHER_TOLL_FREE = "+18005550111";
    static final String DUBLIN_TOLL = "+35315550100";
    static final String CONFERENCE_ID = "4711080";

    private Users() {
    }

    /** Homed online, calendar reachable, schedules Skype meetings, Microsoft dial-in with public meetings. */
    static User anOnlineSkypeUser() {
        return new User(ALICE, CONTOSO, "alice@contoso.com", "alice@contoso.com", "Alice Smith", Set.of(), Hosting.ONLINE,
                Optional.empty(), MailboxLocation.REACHABLE, MeetingType.SKYPE, TeamsUpgradeMode.SFB_WITH_TEAMS_COLLAB,
                Audio.microsoft(), Locale.US);
    }

    /** As {@link #anOnlineSkypeUser()}, upgraded to TeamsOnly. */
    static User anOnlineTeamsUser() {
        return anOnlineSkypeUser().withMeetingType(MeetingType.TEAMS).withUpgradeMode(TeamsUpgradeMode.TEAMS_ONLY);
    }

    /** On a Skype for Business Server pool, licensed beforehand as the article advises. */
    static User anOnPremisesUser() {
        return anOnlineSkypeUser().withHosting(Hosting.ON_PREMISES, Optional.of(POOL)).withUpgradeMode(TeamsUpgradeMode.SFB_ONLY);
    }

    /** Online, dial-in from a third-party audio conferencing provider, no Microsoft licence. */
    static User aThirdPartyAcpUser() {
        return anOnlineSkypeUser().withAudio(Audio.thirdParty());
    }

    static User aUserWithoutAudioConferencing() {
        return anOnlineSkypeUser().withAudio(AudioConferencing.none());
    }

    /** Audio-conferencing settings for the users above. */
    static final class Audio {

        private Audio() {
        }

        /** Licensed and enabled on the Redmond bridge, default toll and toll-free numbers, public meetings. */
        static AudioConferencing microsoft() {
            return new AudioConferencing(true, true, AudioProvider.MICROSOFT, Optional.of(BRIDGE), Optional.of(TOLL),
                    Optional.of(TOLL_FREE), Optional.of(CONFERENCE_ID), true, List.of(), Optional.empty());
        }

        static AudioConferencing thirdParty() {
            return new AudioConferencing(false, true, AudioProvider.THIRD_PARTY, Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), true,
                    List.of(new DialInNumber("+442035550100", DialInNumber.Kind.TOLL, "+44 20 3555 0100", Optional.of("London"))),
                    Optional.of("98765432"));
        }

        /** The same settings for an organizer whose meetings are private: each has its own conference ID. */
        static AudioConferencing privateMeetings(AudioConferencing audio) {
            return new AudioConferencing(audio.licensed(), audio.enabled(), audio.provider(), audio.bridgeId(), audio.tollNumber(),
                    audio.tollFreeNumber(), audio.conferenceId(), false, audio.acpNumbers(), audio.acpConferenceId());
        }
    }
}
