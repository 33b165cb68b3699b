package org.mms.detection;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mms.detection.TriggerDecisionAssert.assertThatDecision;
import static org.mms.detection.Users.ALICE;
import static org.mms.detection.Users.BRIDGE;
import static org.mms.detection.Users.DUBLIN_TOLL;
import static org.mms.detection.Users.OTHER_BRIDGE;
import static org.mms.detection.Users.OTHER_TOLL;
import static org.mms.detection.Users.OTHER_TOLL_FREE;
import static org.mms.detection.Users.POOL;
import static org.mms.detection.Users.TOLL;
import static org.mms.detection.Users.TOLL_FREE;
import static org.mms.detection.Users.aThirdPartyAcpUser;
import static org.mms.detection.Users.aUserWithoutAudioConferencing;
import static org.mms.detection.Users.anOnPremisesUser;
import static org.mms.detection.Users.anOnlineSkypeUser;
import static org.mms.detection.Users.anOnlineTeamsUser;

import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.mms.block.DialInNumber;
import org.mms.block.MeetingType;
import org.mms.directory.AudioConferencing;
import org.mms.directory.DirectoryChange;
import org.mms.directory.DirectoryChange.AudioConferencingDisabled;
import org.mms.directory.DirectoryChange.AudioConferencingEnabled;
import org.mms.directory.DirectoryChange.BridgeChanged;
import org.mms.directory.DirectoryChange.ConferenceIdChanged;
import org.mms.directory.DirectoryChange.DefaultNumberChanged;
import org.mms.directory.DirectoryChange.LicenceAssigned;
import org.mms.directory.DirectoryChange.LicenceRemoved;
import org.mms.directory.DirectoryChange.ManualMigration;
import org.mms.directory.DirectoryChange.MeetingUrlUpdated;
import org.mms.directory.DirectoryChange.MovedToOnPremises;
import org.mms.directory.DirectoryChange.MovedToOnline;
import org.mms.directory.DirectoryChange.ServiceNumberUnassigned;
import org.mms.directory.DirectoryChange.SipAddressChanged;
import org.mms.directory.DirectoryChange.TeamsUpgradeGranted;
import org.mms.directory.Hosting;
import org.mms.directory.MailboxLocation;
import org.mms.directory.TeamsUpgradeMode;
import org.mms.directory.TenantSettings;
import org.mms.directory.User;
import org.mms.directory.UserId;
import org.mms.migration.MigrationType;

/** The trigger table of DESIGN §3, row by row, with each condition of each row turned off in turn. */
class DecideTriggerTest {

    private static final String OFFLINE_TOOL = "mms migrate-ics";
    private static final String NOTHING_CHANGES = "nothing in their invitations changes";

    private static final TenantSettings DEFAULTS = Settings.defaults();
    private static final TenantSettings MMS_OFF = Settings.tenant().meetingMigrationEnabled(false).build();
    private static final TenantSettings AUDIO_CHANGES_OFF = Settings.tenant().automaticallyMigrateUserMeetings(false).build();

    private final DecideTrigger policy = new DecideTrigger();

    private TriggerDecision decide(DirectoryChange change, User before, User after) {
        return policy.decide(change, before, after, DEFAULTS);
    }

    private TriggerDecision decide(DirectoryChange change, User before, User after, TenantSettings settings) {
        return policy.decide(change, before, after, settings);
    }

    private static User unreachable(User user) {
        return user.withMailbox(MailboxLocation.ON_PREMISES);
    }

    private static AudioConferencing audio() {
        return Users.Audio.microsoft();
    }

    @Nested
    class User_moved_from_on_premises_to_online {

        private final MovedToOnline move = new MovedToOnline(ALICE, Optional.of(POOL));
        private final User before = anOnPremisesUser();
        private final User afterInTeams = before.withHosting(Hosting.ONLINE, Optional.empty())
                .withUpgradeMode(TeamsUpgradeMode.TEAMS_ONLY).withMeetingType(MeetingType.TEAMS);
        private final User afterInSkype = before.withHosting(Hosting.ONLINE, Optional.empty());

        @Test
        void a_user_who_meets_in_teams_after_the_move_gets_all_their_meetings_converted_to_teams() {
            assertThatDecision(decide(move, before, afterInTeams)).queues(MigrationType.ALL_TO_TEAMS)
                    .because("moved from on-premises (" + POOL + ") to the online service", "become Teams meetings");
        }

        @Test
        void a_user_in_sfb_with_teams_collab_and_meetings_meets_in_teams_so_their_meetings_become_teams_meetings() {
            User after = afterInSkype.withUpgradeMode(TeamsUpgradeMode.SFB_WITH_TEAMS_COLLAB_AND_MEETINGS);

            assertThatDecision(decide(move, before, after)).queues(MigrationType.ALL_TO_TEAMS);
        }

        @Test
        void a_user_who_still_schedules_skype_meetings_keeps_skype_meetings_moved_online() {
            assertThatDecision(decide(move, before, afterInSkype)).queues(MigrationType.SFB_TO_SFB)
                    .because("Skype meetings move to the online service");
        }

        @Test
        void the_move_does_not_migrate_when_meeting_migration_is_disabled_for_the_tenant() {
            assertThatDecision(decide(move, before, afterInTeams, MMS_OFF)).doesNotMigrate()
                    .because("MeetingMigrationEnabled is off for the tenant", "Start-CsExMeetingMigration");
        }

        @Test
        void the_move_is_not_supported_when_the_mailbox_is_on_premises_and_points_to_the_offline_tool() {
            assertThatDecision(decide(move, unreachable(before), unreachable(afterInTeams))).isNotSupported()
                    .because("mailbox is on-premises", "MMS cannot reach it", OFFLINE_TOOL);
        }

        @Test
        void the_move_migrates_even_when_automatically_migrate_user_meetings_is_off_as_that_switch_is_for_audio_changes() {
            assertThatDecision(decide(move, before, afterInTeams, AUDIO_CHANGES_OFF)).queues(MigrationType.ALL_TO_TEAMS);
        }

        @Test
        void a_move_of_a_user_already_homed_online_changes_nothing() {
            assertThatDecision(decide(move, afterInTeams, afterInTeams)).doesNotMigrate()
                    .because(NOTHING_CHANGES, "already homed online");
        }
    }

    @Nested
    class User_moved_from_online_back_to_on_premises {

        private final MovedToOnPremises move = new MovedToOnPremises(ALICE, POOL);

        @Test
        void moving_a_user_back_on_premises_is_not_supported_even_with_every_switch_on_and_points_to_the_offline_tool() {
            User before = anOnlineSkypeUser();
            User after = before.withHosting(Hosting.ON_PREMISES, Optional.of(POOL));

            assertThatDecision(decide(move, before, after)).isNotSupported()
                    .because("back on-premises", "not supported", POOL, OFFLINE_TOOL);
        }

        @Test
        void a_move_between_on_premises_pools_is_not_supported_either_and_says_how_to_move_the_conference_data() {
            User before = anOnPremisesUser().withHosting(Hosting.ON_PREMISES, Optional.of("pool02.contoso.com"));

            assertThatDecision(decide(move, before, anOnPremisesUser())).isNotSupported()
                    .because("between on-premises pools", "-MoveConferenceData", OFFLINE_TOOL);
        }
    }

    @Nested
    class Licence_assigned {

        private final LicenceAssigned assigned = new LicenceAssigned(ALICE);
        private final User before = anOnlineSkypeUser().withAudio(audio().withLicence(false));
        private final User after = anOnlineSkypeUser();

        @Test
        void assigning_the_licence_to_a_microsoft_user_migrates_their_meetings_keeping_each_meetings_type() {
            assertThatDecision(decide(assigned, before, after)).queues(MigrationType.TO_SAME_TYPE)
                    .because("licence was assigned", "gain Microsoft dial-in numbers");
        }

        @Test
        void licence_assigned_does_not_migrate_when_meeting_migration_is_disabled() {
            assertThatDecision(decide(assigned, before, after, MMS_OFF)).doesNotMigrate()
                    .because("MeetingMigrationEnabled is off for the tenant");
        }

        @Test
        void licence_assigned_does_not_migrate_when_automatically_migrate_user_meetings_is_off() {
            assertThatDecision(decide(assigned, before, after, AUDIO_CHANGES_OFF)).doesNotMigrate()
                    .because("AutomaticallyMigrateUserMeetings is off for the tenant", "Start-CsExMeetingMigration");
        }

        @Test
        void licence_assigned_is_not_supported_when_the_mailbox_is_on_premises() {
            assertThatDecision(decide(assigned, unreachable(before), unreachable(after))).isNotSupported()
                    .because("mailbox is on-premises", OFFLINE_TOOL);
        }

        @Test
        void the_unreachable_mailbox_is_named_before_the_switches_because_turning_them_on_would_not_help() {
            assertThatDecision(decide(assigned, unreachable(before), unreachable(after), MMS_OFF)).isNotSupported()
                    .because(OFFLINE_TOOL);
        }

        @Test
        void licence_assigned_to_a_user_still_homed_on_premises_waits_for_the_move_so_only_one_migration_runs() {
            User onPremBefore = anOnPremisesUser().withAudio(audio().withLicence(false));

            assertThatDecision(decide(assigned, onPremBefore, anOnPremisesUser())).doesNotMigrate()
                    .because("homed on-premises (" + POOL + ")", "Move-CsUser");
        }

        @Test
        void licence_assigned_to_a_user_whose_audio_conferencing_is_not_enabled_changes_nothing() {
            User disabledBefore = anOnlineSkypeUser().withAudio(audio().withLicence(false).withEnabled(false));
            User disabledAfter = anOnlineSkypeUser().withAudio(audio().withEnabled(false));

            assertThatDecision(decide(assigned, disabledBefore, disabledAfter)).doesNotMigrate()
                    .because(NOTHING_CHANGES, "no dial-in numbers");
        }
    }

    @Nested
    class Licence_assigned_to_a_third_party_acp_user {

        private final LicenceAssigned assigned = new LicenceAssigned(ALICE);
        private final User before = aThirdPartyAcpUser();
        /** What the directory does when AutomaticallyReplaceAcpProvider is on: the user is switched to Microsoft. */
        private final User switched = anOnlineSkypeUser();
        /** What it does when the setting is off: licensed, still on the provider. */
        private final User kept = aThirdPartyAcpUser().withAudio(Users.Audio.thirdParty().withLicence(true));
        private final TenantSettings replaceOn = Settings.tenant().automaticallyReplaceAcpProvider(true).build();

        @Test
        void licence_assigned_to_a_third_party_acp_user_migrates_when_replace_acp_provider_is_on() {
            assertThatDecision(decide(assigned, before, switched, replaceOn)).queues(MigrationType.TO_SAME_TYPE)
                    .because("AutomaticallyReplaceAcpProvider switched the user", "instead of their third-party provider's");
        }

        @Test
        void licence_assigned_to_a_third_party_acp_user_does_not_migrate_when_replace_acp_provider_is_off() {
            assertThatDecision(decide(assigned, before, kept)).doesNotMigrate()
                    .because("AutomaticallyReplaceAcpProvider is off for the tenant", "-ReplaceProvider");
        }

        @Test
        void with_replace_acp_provider_off_the_setting_decides_even_if_the_directory_switched_the_user() {
            assertThatDecision(decide(assigned, before, switched)).doesNotMigrate()
                    .because("AutomaticallyReplaceAcpProvider is off");
        }

        @Test
        void licence_assigned_to_a_third_party_acp_user_does_not_migrate_when_the_provider_was_kept_despite_the_setting() {
            assertThatDecision(decide(assigned, before, kept, replaceOn)).doesNotMigrate()
                    .because("third-party provider's", "only meetings on the Microsoft bridge");
        }

        @Test
        void licence_assigned_to_a_third_party_acp_user_does_not_migrate_when_automatically_migrate_user_meetings_is_off() {
            TenantSettings settings = Settings.tenant().automaticallyReplaceAcpProvider(true)
                    .automaticallyMigrateUserMeetings(false).build();

            assertThatDecision(decide(assigned, before, switched, settings)).doesNotMigrate()
                    .because("AutomaticallyMigrateUserMeetings is off");
        }

        @Test
        void licence_assigned_to_a_third_party_acp_user_is_not_supported_when_the_mailbox_is_on_premises() {
            assertThatDecision(decide(assigned, unreachable(before), unreachable(switched), replaceOn)).isNotSupported()
                    .because(OFFLINE_TOOL);
        }
    }

    @Nested
    class Licence_removed {

        private final LicenceRemoved removed = new LicenceRemoved(ALICE);
        private final User before = anOnlineSkypeUser();
        private final User after = anOnlineSkypeUser().withAudio(audio().withLicence(false));

        @Test
        void removing_the_licence_migrates_their_meetings_so_they_lose_the_dial_in_numbers() {
            assertThatDecision(decide(removed, before, after)).queues(MigrationType.TO_SAME_TYPE)
                    .because("licence was removed", "lose their dial-in numbers");
        }

        @Test
        void licence_removed_does_not_migrate_when_automatically_migrate_user_meetings_is_off() {
            assertThatDecision(decide(removed, before, after, AUDIO_CHANGES_OFF)).doesNotMigrate()
                    .because("AutomaticallyMigrateUserMeetings is off");
        }

        @Test
        void licence_removed_does_not_migrate_when_meeting_migration_is_disabled() {
            assertThatDecision(decide(removed, before, after, MMS_OFF)).doesNotMigrate()
                    .because("MeetingMigrationEnabled is off");
        }

        @Test
        void licence_removed_is_not_supported_when_the_mailbox_is_on_premises() {
            assertThatDecision(decide(removed, unreachable(before), unreachable(after))).isNotSupported()
                    .because(OFFLINE_TOOL);
        }

        @Test
        void licence_removed_from_a_third_party_acp_user_does_not_migrate_their_provider_meetings() {
            User licensedAcp = aThirdPartyAcpUser().withAudio(Users.Audio.thirdParty().withLicence(true));

            assertThatDecision(decide(removed, licensedAcp, aThirdPartyAcpUser())).doesNotMigrate()
                    .because("third-party provider's", "only meetings on the Microsoft bridge");
        }

        @Test
        void a_user_without_audio_conferencing_losing_nothing_gets_no_useless_round_of_updates() {
            assertThatDecision(decide(removed, aUserWithoutAudioConferencing(), aUserWithoutAudioConferencing()))
                    .doesNotMigrate().because(NOTHING_CHANGES);
        }
    }

    @Nested
    class Audio_conferencing_enabled_or_disabled {

        private final User off = anOnlineSkypeUser().withAudio(audio().withEnabled(false));
        private final User on = anOnlineSkypeUser();

        @Test
        void enabling_audio_conferencing_migrates_their_meetings() {
            assertThatDecision(decide(new AudioConferencingEnabled(ALICE, false), off, on)).queues(MigrationType.TO_SAME_TYPE)
                    .because("audio conferencing was enabled", "gain Microsoft dial-in numbers");
        }

        @Test
        void disabling_audio_conferencing_migrates_their_meetings() {
            assertThatDecision(decide(new AudioConferencingDisabled(ALICE), on, off)).queues(MigrationType.TO_SAME_TYPE)
                    .because("audio conferencing was disabled", "lose their dial-in numbers");
        }

        @Test
        void enabling_with_replace_provider_migrates_a_third_party_user_without_the_automatic_replace_setting() {
            User licensedAcp = aThirdPartyAcpUser().withAudio(Users.Audio.thirdParty().withLicence(true));

            assertThatDecision(decide(new AudioConferencingEnabled(ALICE, true), licensedAcp, on))
                    .queues(MigrationType.TO_SAME_TYPE)
                    .because("Microsoft replacing their third-party provider", "instead of their third-party provider's");
        }

        @Test
        void enabling_a_third_party_user_who_stays_with_their_provider_does_not_migrate() {
            User acpOff = aThirdPartyAcpUser().withAudio(Users.Audio.thirdParty().withEnabled(false));

            assertThatDecision(decide(new AudioConferencingEnabled(ALICE, false), acpOff, aThirdPartyAcpUser()))
                    .doesNotMigrate().because("third-party provider's");
        }

        @Test
        void audio_conferencing_enabled_does_not_migrate_when_automatically_migrate_user_meetings_is_off() {
            assertThatDecision(decide(new AudioConferencingEnabled(ALICE, false), off, on, AUDIO_CHANGES_OFF)).doesNotMigrate()
                    .because("AutomaticallyMigrateUserMeetings is off");
        }

        @Test
        void audio_conferencing_disabled_does_not_migrate_when_meeting_migration_is_disabled() {
            assertThatDecision(decide(new AudioConferencingDisabled(ALICE), on, off, MMS_OFF)).doesNotMigrate()
                    .because("MeetingMigrationEnabled is off");
        }

        @Test
        void audio_conferencing_disabled_is_not_supported_when_the_mailbox_is_on_premises() {
            assertThatDecision(decide(new AudioConferencingDisabled(ALICE), unreachable(on), unreachable(off))).isNotSupported()
                    .because(OFFLINE_TOOL);
        }

        @Test
        void disabling_audio_conferencing_of_an_unlicensed_user_changes_nothing() {
            User unlicensed = anOnlineSkypeUser().withAudio(audio().withLicence(false));

            assertThatDecision(decide(new AudioConferencingDisabled(ALICE), unlicensed,
                    unlicensed.withAudio(unlicensed.audio().withEnabled(false)))).doesNotMigrate().because(NOTHING_CHANGES);
        }
    }

    @Nested
    class Conference_id_changed_or_reset {

        private final User before = anOnlineSkypeUser();
        private final User after = anOnlineSkypeUser().withAudio(audio().withConferenceId(Optional.of("5550123")));

        @Test
        void resetting_the_conference_id_of_a_public_meeting_organizer_migrates_their_meetings() {
            assertThatDecision(decide(new ConferenceIdChanged(ALICE, true), before, after)).queues(MigrationType.TO_SAME_TYPE)
                    .because("conference ID was reset", "a new conference ID");
        }

        @Test
        void changing_the_conference_id_of_a_public_meeting_organizer_migrates_their_meetings() {
            assertThatDecision(decide(new ConferenceIdChanged(ALICE, false), before, after)).queues(MigrationType.TO_SAME_TYPE)
                    .because("conference ID was changed");
        }

        @Test
        void conference_id_reset_of_a_private_meeting_organizer_does_not_migrate_as_each_meeting_has_its_own_id() {
            User privateBefore = before.withAudio(Users.Audio.privateMeetings(before.audio()));
            User privateAfter = after.withAudio(Users.Audio.privateMeetings(after.audio()));

            assertThatDecision(decide(new ConferenceIdChanged(ALICE, true), privateBefore, privateAfter)).doesNotMigrate()
                    .because("private meetings", "their own conference IDs");
        }

        @Test
        void conference_id_changed_does_not_migrate_when_automatically_migrate_user_meetings_is_off() {
            assertThatDecision(decide(new ConferenceIdChanged(ALICE, false), before, after, AUDIO_CHANGES_OFF)).doesNotMigrate()
                    .because("AutomaticallyMigrateUserMeetings is off");
        }

        @Test
        void conference_id_changed_does_not_migrate_when_meeting_migration_is_disabled() {
            assertThatDecision(decide(new ConferenceIdChanged(ALICE, false), before, after, MMS_OFF)).doesNotMigrate()
                    .because("MeetingMigrationEnabled is off");
        }

        @Test
        void conference_id_changed_is_not_supported_when_the_mailbox_is_on_premises() {
            assertThatDecision(decide(new ConferenceIdChanged(ALICE, true), unreachable(before), unreachable(after)))
                    .isNotSupported().because(OFFLINE_TOOL);
        }

        @Test
        void conference_id_changed_for_a_third_party_acp_user_does_not_migrate() {
            assertThatDecision(decide(new ConferenceIdChanged(ALICE, false), aThirdPartyAcpUser(), aThirdPartyAcpUser()))
                    .doesNotMigrate().because("only meetings on the Microsoft bridge");
        }
    }

    @Nested
    class Bridge_changed {

        private final BridgeChanged moved = new BridgeChanged(ALICE, Optional.of(BRIDGE), OTHER_BRIDGE);
        private final User before = anOnlineSkypeUser();
        private final User after = anOnlineSkypeUser()
                .withAudio(audio().withBridge(Optional.of(OTHER_BRIDGE), Optional.of(DUBLIN_TOLL), Optional.empty()));

        @Test
        void moving_a_user_to_another_bridge_migrates_their_meetings_with_the_new_bridges_numbers() {
            assertThatDecision(decide(moved, before, after)).queues(MigrationType.TO_SAME_TYPE)
                    .because("moved to bridge " + OTHER_BRIDGE, "toll number " + DUBLIN_TOLL + " instead of " + TOLL,
                            "no toll-free number (was " + TOLL_FREE + ")");
        }

        @Test
        void a_new_bridge_with_the_same_numbers_still_migrates_as_its_local_numbers_differ() {
            User sameNumbers = anOnlineSkypeUser().withAudio(audio().withBridge(Optional.of(OTHER_BRIDGE), Optional.of(TOLL),
                    Optional.of(TOLL_FREE)));

            assertThatDecision(decide(moved, before, sameNumbers)).queues(MigrationType.TO_SAME_TYPE)
                    .because("local numbers of bridge " + OTHER_BRIDGE);
        }

        @Test
        void a_private_meeting_organizer_moved_to_another_bridge_is_not_told_their_invitations_show_a_new_conference_id() {
            AudioConferencing newId = after.audio().withConferenceId(Optional.of("5550123"));
            User privateBefore = before.withAudio(Users.Audio.privateMeetings(before.audio()));
            User privateAfter = after.withAudio(Users.Audio.privateMeetings(newId));

            assertThatDecision(decide(moved, privateBefore, privateAfter)).queues(MigrationType.TO_SAME_TYPE)
                    .because("toll number " + DUBLIN_TOLL).notBecause("conference ID");
        }

        @Test
        void bridge_changed_does_not_migrate_when_automatically_migrate_user_meetings_is_off() {
            assertThatDecision(decide(moved, before, after, AUDIO_CHANGES_OFF)).doesNotMigrate()
                    .because("AutomaticallyMigrateUserMeetings is off");
        }

        @Test
        void bridge_changed_does_not_migrate_when_meeting_migration_is_disabled() {
            assertThatDecision(decide(moved, before, after, MMS_OFF)).doesNotMigrate().because("MeetingMigrationEnabled is off");
        }

        @Test
        void bridge_changed_is_not_supported_when_the_mailbox_is_on_premises() {
            assertThatDecision(decide(moved, unreachable(before), unreachable(after))).isNotSupported().because(OFFLINE_TOOL);
        }

        @Test
        void bridge_changed_for_a_user_without_the_licence_changes_nothing_in_their_invitations() {
            User unlicensed = before.withAudio(audio().withLicence(false));
            User unlicensedAfter = after.withAudio(after.audio().withLicence(false));

            assertThatDecision(decide(moved, unlicensed, unlicensedAfter)).doesNotMigrate().because(NOTHING_CHANGES);
        }
    }

    @Nested
    class Default_number_changed {

        private final User before = anOnlineSkypeUser();

        @Test
        void a_new_default_toll_number_migrates_their_meetings() {
            User after = before.withAudio(audio().withNumbers(Optional.of(OTHER_TOLL), Optional.of(TOLL_FREE)));
            DirectoryChange change = new DefaultNumberChanged(ALICE, DialInNumber.Kind.TOLL, Optional.of(TOLL), Optional.of(OTHER_TOLL));

            assertThatDecision(decide(change, before, after)).queues(MigrationType.TO_SAME_TYPE)
                    .because("default toll number was changed", "toll number " + OTHER_TOLL + " instead of " + TOLL);
        }

        @Test
        void a_new_default_toll_free_number_migrates_their_meetings() {
            User after = before.withAudio(audio().withNumbers(Optional.of(TOLL), Optional.of(OTHER_TOLL_FREE)));
            DirectoryChange change = new DefaultNumberChanged(ALICE, DialInNumber.Kind.TOLL_FREE, Optional.of(TOLL_FREE),
                    Optional.of(OTHER_TOLL_FREE));

            assertThatDecision(decide(change, before, after)).queues(MigrationType.TO_SAME_TYPE)
                    .because("default toll-free number was changed", "toll-free number " + OTHER_TOLL_FREE);
        }

        @Test
        void a_default_number_set_to_the_same_value_changes_nothing() {
            DirectoryChange change = new DefaultNumberChanged(ALICE, DialInNumber.Kind.TOLL, Optional.of(TOLL), Optional.of(TOLL));

            assertThatDecision(decide(change, before, before)).doesNotMigrate()
                    .because(NOTHING_CHANGES, "same dial-in numbers");
        }

        @Test
        void default_number_changed_does_not_migrate_when_automatically_migrate_user_meetings_is_off() {
            User after = before.withAudio(audio().withNumbers(Optional.of(OTHER_TOLL), Optional.of(TOLL_FREE)));
            DirectoryChange change = new DefaultNumberChanged(ALICE, DialInNumber.Kind.TOLL, Optional.of(TOLL), Optional.of(OTHER_TOLL));

            assertThatDecision(decide(change, before, after, AUDIO_CHANGES_OFF)).doesNotMigrate()
                    .because("AutomaticallyMigrateUserMeetings is off");
        }

        @Test
        void default_number_changed_is_not_supported_when_the_mailbox_is_on_premises() {
            User after = before.withAudio(audio().withNumbers(Optional.of(OTHER_TOLL), Optional.of(TOLL_FREE)));
            DirectoryChange change = new DefaultNumberChanged(ALICE, DialInNumber.Kind.TOLL, Optional.of(TOLL), Optional.of(OTHER_TOLL));

            assertThatDecision(decide(change, unreachable(before), unreachable(after))).isNotSupported().because(OFFLINE_TOOL);
        }
    }

    @Nested
    class Service_number_unassigned_from_a_bridge {

        private final User showsIt = anOnlineSkypeUser();
        private final User movedOff = anOnlineSkypeUser().withAudio(audio().withNumbers(Optional.of(OTHER_TOLL), Optional.of(TOLL_FREE)));

        @Test
        void a_user_whose_invitations_show_the_number_as_their_default_toll_number_is_migrated() {
            assertThatDecision(decide(new ServiceNumberUnassigned(ALICE, BRIDGE, TOLL), showsIt, movedOff))
                    .queues(MigrationType.TO_SAME_TYPE)
                    .because(TOLL + " was unassigned from bridge " + BRIDGE, "toll number " + OTHER_TOLL + " instead of " + TOLL);
        }

        @Test
        void a_user_whose_invitations_show_the_number_as_their_toll_free_number_is_migrated() {
            User after = anOnlineSkypeUser().withAudio(audio().withNumbers(Optional.of(TOLL), Optional.empty()));

            assertThatDecision(decide(new ServiceNumberUnassigned(ALICE, BRIDGE, TOLL_FREE), showsIt, after))
                    .queues(MigrationType.TO_SAME_TYPE).because("no toll-free number (was " + TOLL_FREE + ")");
        }

        @Test
        void the_number_is_recognized_however_the_admin_wrote_it() {
            assertThatDecision(decide(new ServiceNumberUnassigned(ALICE, BRIDGE, "tel:+1 425 555 0100"), showsIt, movedOff))
                    .queues(MigrationType.TO_SAME_TYPE);
        }

        @Test
        void another_user_on_the_bridge_whose_invitations_do_not_show_the_number_is_not_migrated() {
            assertThatDecision(decide(new ServiceNumberUnassigned(ALICE, BRIDGE, TOLL), movedOff, movedOff)).doesNotMigrate()
                    .because("their invitations do not show " + TOLL, "not their default toll or toll-free number");
        }

        @Test
        void a_user_on_the_bridge_without_microsoft_dial_in_does_not_show_the_number() {
            User unlicensed = showsIt.withAudio(audio().withLicence(false));

            assertThatDecision(decide(new ServiceNumberUnassigned(ALICE, BRIDGE, TOLL), unlicensed, unlicensed)).doesNotMigrate()
                    .because("do not show " + TOLL, "no Microsoft dial-in");
        }

        @Test
        void a_user_left_on_the_unassigned_number_is_told_to_get_another_default_number_first() {
            assertThatDecision(decide(new ServiceNumberUnassigned(ALICE, BRIDGE, TOLL), showsIt, showsIt)).doesNotMigrate()
                    .because("still their default toll number", "-ServiceNumber");
        }

        @Test
        void service_number_unassigned_does_not_migrate_when_automatically_migrate_user_meetings_is_off() {
            assertThatDecision(decide(new ServiceNumberUnassigned(ALICE, BRIDGE, TOLL), showsIt, movedOff, AUDIO_CHANGES_OFF))
                    .doesNotMigrate().because("AutomaticallyMigrateUserMeetings is off");
        }

        @Test
        void service_number_unassigned_does_not_migrate_when_meeting_migration_is_disabled() {
            assertThatDecision(decide(new ServiceNumberUnassigned(ALICE, BRIDGE, TOLL), showsIt, movedOff, MMS_OFF))
                    .doesNotMigrate().because("MeetingMigrationEnabled is off");
        }

        @Test
        void service_number_unassigned_is_not_supported_when_the_mailbox_is_on_premises() {
            assertThatDecision(decide(new ServiceNumberUnassigned(ALICE, BRIDGE, TOLL), unreachable(showsIt), unreachable(movedOff)))
                    .isNotSupported().because(OFFLINE_TOOL);
        }
    }

    @Nested
    class Sip_address_changed {

        private final SipAddressChanged change = new SipAddressChanged(ALICE, "alice@contoso.com", "alice.smith@contoso.com");
        private final User before = anOnlineSkypeUser();
        private final User after = anOnlineSkypeUser().withSipAddress("alice.smith@contoso.com");
        private final TenantSettings optIn = Settings.tenant().migrateOnSipAddressChange(true).build();

        @Test
        void a_sip_address_change_does_not_migrate_by_default_as_in_the_article() {
            assertThatDecision(decide(change, before, after)).doesNotMigrate()
                    .because("does not migrate meetings by default", "MigrateOnSipAddressChange");
        }

        @Test
        void a_sip_address_change_migrates_skype_meetings_when_the_tenant_opted_in() {
            assertThatDecision(decide(change, before, after, optIn)).queues(MigrationType.SFB_TO_SFB)
                    .because("from alice@contoso.com to alice.smith@contoso.com", "MigrateOnSipAddressChange is on");
        }

        @Test
        void the_sip_opt_in_does_not_depend_on_automatically_migrate_user_meetings() {
            TenantSettings settings = Settings.tenant().migrateOnSipAddressChange(true).automaticallyMigrateUserMeetings(false).build();

            assertThatDecision(decide(change, before, after, settings)).queues(MigrationType.SFB_TO_SFB);
        }

        @Test
        void an_opted_in_sip_address_change_does_not_migrate_when_meeting_migration_is_disabled() {
            TenantSettings settings = Settings.tenant().migrateOnSipAddressChange(true).meetingMigrationEnabled(false).build();

            assertThatDecision(decide(change, before, after, settings)).doesNotMigrate().because("MeetingMigrationEnabled is off");
        }

        @Test
        void an_opted_in_sip_address_change_is_not_supported_when_the_mailbox_is_on_premises() {
            assertThatDecision(decide(change, unreachable(before), unreachable(after), optIn)).isNotSupported()
                    .because(OFFLINE_TOOL);
        }

        @Test
        void a_sip_address_that_changes_only_in_case_changes_nothing() {
            User shouting = before.withSipAddress("Alice@Contoso.com");

            assertThatDecision(decide(change, before, shouting, optIn)).doesNotMigrate().because(NOTHING_CHANGES);
        }
    }

    @Nested
    class Tenant_meeting_url_updated {

        private final MeetingUrlUpdated change = new MeetingUrlUpdated(ALICE);
        private final User user = anOnlineSkypeUser();
        private final TenantSettings optIn = Settings.tenant().migrateOnMeetingUrlChange(true).build();

        @Test
        void a_new_tenant_meeting_url_does_not_migrate_by_default_as_in_the_article() {
            assertThatDecision(decide(change, user, user)).doesNotMigrate()
                    .because("Update-CsTenantMeetingUrl does not migrate meetings by default", "MigrateOnMeetingUrlChange");
        }

        @Test
        void a_new_tenant_meeting_url_migrates_skype_meetings_when_the_tenant_opted_in() {
            assertThatDecision(decide(change, user, user, optIn)).queues(MigrationType.SFB_TO_SFB)
                    .because("MigrateOnMeetingUrlChange is on", optIn.onlineMeetingUrl().toString());
        }

        @Test
        void an_opted_in_meeting_url_update_does_not_migrate_when_meeting_migration_is_disabled() {
            TenantSettings settings = Settings.tenant().migrateOnMeetingUrlChange(true).meetingMigrationEnabled(false).build();

            assertThatDecision(decide(change, user, user, settings)).doesNotMigrate().because("MeetingMigrationEnabled is off");
        }

        @Test
        void an_opted_in_meeting_url_update_is_not_supported_when_the_mailbox_is_on_premises() {
            assertThatDecision(decide(change, unreachable(user), unreachable(user), optIn)).isNotSupported().because(OFFLINE_TOOL);
        }

        @Test
        void a_user_homed_on_premises_keeps_the_pools_meeting_url() {
            assertThatDecision(decide(change, anOnPremisesUser(), anOnPremisesUser(), optIn)).doesNotMigrate()
                    .because(NOTHING_CHANGES, "pool's meeting URL");
        }
    }

    @Nested
    class Teams_upgrade_granted {

        private final User before = anOnlineSkypeUser();

        private TriggerDecision grant(TeamsUpgradeMode mode, User from, TenantSettings settings) {
            User to = from.withUpgradeMode(mode).withMeetingType(mode.meetsInTeams() ? MeetingType.TEAMS : from.meetingType());
            return decide(new TeamsUpgradeGranted(ALICE, mode), from, to, settings);
        }

        @Test
        void granting_teams_only_converts_their_skype_meetings_to_teams() {
            assertThatDecision(grant(TeamsUpgradeMode.TEAMS_ONLY, before, DEFAULTS)).queues(MigrationType.SFB_TO_TEAMS)
                    .because("TeamsUpgradePolicy TeamsOnly was granted", "become Teams meetings");
        }

        @Test
        void granting_sfb_with_teams_collab_and_meetings_converts_their_skype_meetings_to_teams() {
            assertThatDecision(grant(TeamsUpgradeMode.SFB_WITH_TEAMS_COLLAB_AND_MEETINGS, before, DEFAULTS))
                    .queues(MigrationType.SFB_TO_TEAMS).because("SfBWithTeamsCollabAndMeetings");
        }

        @ParameterizedTest
        @EnumSource(value = TeamsUpgradeMode.class, names = {"ISLANDS", "SFB_ONLY", "SFB_WITH_TEAMS_COLLAB"})
        void granting_a_mode_without_teams_meetings_never_converts_teams_meetings_back(TeamsUpgradeMode mode) {
            assertThatDecision(grant(mode, anOnlineTeamsUser(), DEFAULTS)).doesNotMigrate()
                    .because("granting " + DecideTeamsUpgrade.policyName(mode), "no mode converts Teams meetings back");
        }

        @Test
        void a_teams_upgrade_still_migrates_when_automatically_migrate_user_meetings_is_off() {
            assertThatDecision(grant(TeamsUpgradeMode.TEAMS_ONLY, before, AUDIO_CHANGES_OFF)).queues(MigrationType.SFB_TO_TEAMS);
        }

        @Test
        void a_teams_upgrade_does_not_migrate_when_meeting_migration_is_disabled() {
            assertThatDecision(grant(TeamsUpgradeMode.TEAMS_ONLY, before, MMS_OFF)).doesNotMigrate()
                    .because("MeetingMigrationEnabled is off");
        }

        @Test
        void a_teams_upgrade_is_not_supported_when_the_mailbox_is_on_premises() {
            assertThatDecision(grant(TeamsUpgradeMode.TEAMS_ONLY, unreachable(before), DEFAULTS)).isNotSupported()
                    .because(OFFLINE_TOOL);
        }

        @Test
        void a_teams_upgrade_of_a_user_homed_on_premises_waits_for_their_move_online() {
            assertThatDecision(grant(TeamsUpgradeMode.SFB_WITH_TEAMS_COLLAB_AND_MEETINGS, anOnPremisesUser(), DEFAULTS))
                    .doesNotMigrate().because("homed on-premises", "Move-CsUser");
        }

        @Test
        void granting_teams_only_again_changes_nothing() {
            assertThatDecision(grant(TeamsUpgradeMode.TEAMS_ONLY, anOnlineTeamsUser(), DEFAULTS)).doesNotMigrate()
                    .because(NOTHING_CHANGES, "already in TeamsOnly");
        }

        @Test
        void going_from_one_teams_meeting_mode_to_the_other_converts_nothing_new_and_says_how_to_convert_leftovers() {
            User meetsInTeams = before.withUpgradeMode(TeamsUpgradeMode.SFB_WITH_TEAMS_COLLAB_AND_MEETINGS)
                    .withMeetingType(MeetingType.TEAMS);

            assertThatDecision(grant(TeamsUpgradeMode.TEAMS_ONLY, meetsInTeams, DEFAULTS)).doesNotMigrate()
                    .because("already scheduled Teams meetings", "-SourceMeetingType SfB -TargetMeetingType Teams");
        }
    }

    @Nested
    class Manual_migration {

        private final User user = anOnlineSkypeUser();

        @ParameterizedTest(name = "-SourceMeetingType {0} -TargetMeetingType {1} queues {2}")
        @CsvSource({
            "ALL,   CURRENT, TO_SAME_TYPE",
            "ALL,   TEAMS,   ALL_TO_TEAMS",
            "SFB,   CURRENT, SFB_TO_SFB",
            "SFB,   TEAMS,   SFB_TO_TEAMS",
            "TEAMS, CURRENT, TEAMS_TO_TEAMS",
            "TEAMS, TEAMS,   TEAMS_TO_TEAMS"
        })
        void start_cs_ex_meeting_migration_always_queues_the_type_its_parameters_name(MigrationType.SourceMeetingType source,
                MigrationType.TargetMeetingType target, MigrationType expected) {
            assertThatDecision(decide(new ManualMigration(ALICE, source, target), user, user)).queues(expected)
                    .because("Start-CsExMeetingMigration").notBecause("although");
        }

        @Test
        void a_manual_run_ignores_meeting_migration_enabled_and_says_so() {
            ManualMigration run = new ManualMigration(ALICE, MigrationType.SourceMeetingType.ALL, MigrationType.TargetMeetingType.CURRENT);

            assertThatDecision(decide(run, user, user, MMS_OFF)).queues(MigrationType.TO_SAME_TYPE)
                    .because("although MeetingMigrationEnabled is off");
        }

        @Test
        void a_manual_run_ignores_automatically_migrate_user_meetings_and_says_so() {
            ManualMigration run = new ManualMigration(ALICE, MigrationType.SourceMeetingType.SFB, MigrationType.TargetMeetingType.TEAMS);

            assertThatDecision(decide(run, user, user, AUDIO_CHANGES_OFF)).queues(MigrationType.SFB_TO_TEAMS)
                    .because("although AutomaticallyMigrateUserMeetings is off");
        }

        @Test
        void a_manual_run_is_not_supported_when_the_mailbox_is_on_premises() {
            ManualMigration run = new ManualMigration(ALICE, MigrationType.SourceMeetingType.ALL, MigrationType.TargetMeetingType.TEAMS);

            assertThatDecision(decide(run, unreachable(user), unreachable(user))).isNotSupported()
                    .because("mailbox is on-premises", OFFLINE_TOOL);
        }
    }

    @Nested
    class Audio_changes_of_a_user_homed_on_premises {

        @Test
        void a_new_default_number_for_a_user_still_on_a_pool_waits_for_their_move_online() {
            User before = anOnPremisesUser();
            User after = before.withAudio(audio().withNumbers(Optional.of(OTHER_TOLL), Optional.of(TOLL_FREE)));
            DirectoryChange change = new DefaultNumberChanged(ALICE, DialInNumber.Kind.TOLL, Optional.of(TOLL), Optional.of(OTHER_TOLL));

            assertThatDecision(decide(change, before, after)).doesNotMigrate().because("homed on-premises", "Move-CsUser");
        }
    }

    @Test
    void users_that_are_not_the_one_the_change_concerns_are_a_bug_of_the_caller() {
        User bob = new User(new UserId("b0b"), Users.CONTOSO, "bob@contoso.com", null, null, java.util.Set.of(), Hosting.ONLINE,
                Optional.empty(), MailboxLocation.REACHABLE, MeetingType.SKYPE, TeamsUpgradeMode.SFB_ONLY, AudioConferencing.none(),
                java.util.Locale.US);

        assertThatThrownBy(() -> decide(new LicenceAssigned(ALICE), bob, bob)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(ALICE.value()).hasMessageContaining("b0b");
    }
}
