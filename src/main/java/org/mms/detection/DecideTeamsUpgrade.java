package org.mms.detection;

import org.mms.detection.TriggerDecision.NoMigration;
import org.mms.detection.TriggerDecision.Queue;
import org.mms.directory.DirectoryChange.TeamsUpgradeGranted;
import org.mms.directory.Hosting;
import org.mms.directory.TeamsUpgradeMode;
import org.mms.directory.TenantSettings;
import org.mms.directory.User;
import org.mms.migration.MigrationType;

/**
 * {@code Grant-CsTeamsUpgradePolicy} for one user: granting a mode in which they meet in Teams
 * ({@code TeamsOnly}, {@code SfBWithTeamsCollabAndMeetings}) converts their Skype meetings to Teams;
 * no other mode converts Teams meetings back. Like moves, it does not depend on
 * {@code AutomaticallyMigrateUserMeetings}.
 */
final class DecideTeamsUpgrade {

    private DecideTeamsUpgrade() {
    }

    static TriggerDecision decide(TeamsUpgradeGranted change, User before, User after, TenantSettings settings) {
        TeamsUpgradeMode mode = change.mode();
        return Check.first(
                () -> Check.when(!mode.meetsInTeams(), new NoMigration("granting " + policyName(mode) + " does not migrate "
                        + "meetings: only TeamsOnly and SfBWithTeamsCollabAndMeetings convert Skype meetings to Teams, and no "
                        + "mode converts Teams meetings back")),
                () -> Check.when(before.upgradeMode() == mode,
                        Gates.nothingChanges("the user was already in " + policyName(mode))),
                // Between the two Teams-meeting modes the kind of meeting they schedule stays the same.
                () -> Check.when(before.upgradeMode().meetsInTeams(), new NoMigration("the user already scheduled Teams "
                        + "meetings in " + policyName(before.upgradeMode()) + ", so granting " + policyName(mode) + " converts "
                        + "nothing new; run Start-CsExMeetingMigration -SourceMeetingType SfB -TargetMeetingType Teams to convert "
                        + "any Skype meetings left from before")),
                // The original service converts meetings of online users only; an on-premises user's come with Move-CsUser.
                () -> Check.when(after.hosting() == Hosting.ON_PREMISES, new NoMigration("the user is homed on-premises: "
                        + "their meetings are converted to Teams when Move-CsUser moves them online")),
                () -> Gates.unreachableMailbox(after),
                () -> Gates.migrationDisabled(settings))
                .orElseGet(() -> new Queue(MigrationType.SFB_TO_TEAMS, "TeamsUpgradePolicy " + policyName(mode)
                        + " was granted to the user: their Skype for Business meetings become Teams meetings"));
    }

    /** The mode as {@code Grant-CsTeamsUpgradePolicy -PolicyName} spells it. */
    static String policyName(TeamsUpgradeMode mode) {
        return mode.policyName();
    }
}
