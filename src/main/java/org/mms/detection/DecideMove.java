package org.mms.detection;

import org.mms.block.MeetingType;
import org.mms.detection.TriggerDecision.NotSupported;
import org.mms.detection.TriggerDecision.Queue;
import org.mms.directory.DirectoryChange.MovedToOnPremises;
import org.mms.directory.DirectoryChange.MovedToOnline;
import org.mms.directory.Hosting;
import org.mms.directory.TenantSettings;
import org.mms.directory.User;
import org.mms.migration.MigrationType;

/** {@code Move-CsUser}: on-premises to online migrates (the article's main scenario); back again is not supported. */
final class DecideMove {

    private DecideMove() {
    }

    /**
     * Migrates when {@code MeetingMigrationEnabled} and the mailbox is reachable;
     * {@code AutomaticallyMigrateUserMeetings} is for audio-conferencing changes only and does not apply.
     */
    static TriggerDecision toOnline(MovedToOnline change, User before, User after, TenantSettings settings) {
        String from = "the user was moved from on-premises" + change.fromPool().or(before::pool).map(p -> " (" + p + ")").orElse("")
                + " to the online service";
        return Check.first(
                () -> Check.when(before.hosting() == Hosting.ONLINE, Gates.nothingChanges("they were already homed online")),
                () -> Gates.unreachableMailbox(after),
                () -> Gates.migrationDisabled(settings))
                .orElseGet(() -> meetsInTeams(after)
                        ? new Queue(MigrationType.ALL_TO_TEAMS, from + "; they meet in Teams now, so all their meetings become "
                                + "Teams meetings")
                        : new Queue(MigrationType.SFB_TO_SFB, from + "; they still schedule Skype for Business meetings, so their "
                                + "Skype meetings move to the online service"));
    }

    /**
     * The type follows how the user meets after the move. Today's service always converts to Teams
     * because its move makes the user TeamsOnly; a directory that keeps a moved user on Skype for
     * Business gets Skype meetings that keep their type, as the original service did before 2022.
     */
    private static boolean meetsInTeams(User after) {
        return after.meetingType() == MeetingType.TEAMS || after.upgradeMode().meetsInTeams();
    }

    /** Never migrates: the original service cannot, and neither can MMS (the pool has its own conferencing). */
    static TriggerDecision toOnPremises(MovedToOnPremises change, User before) {
        if (before.hosting() == Hosting.ON_PREMISES) {
            return new NotSupported("a move between on-premises pools (to " + change.pool() + ") is not handled by MMS: move "
                    + "their conference data with Move-CsUser -MoveConferenceData, or use " + Gates.OFFLINE_TOOL
                    + " with the new pool's settings");
        }
        return new NotSupported("moving a user from the online service back on-premises (to " + change.pool() + ") is not "
                + "supported: MMS does not migrate their meetings; use " + Gates.OFFLINE_TOOL + " with the pool's settings");
    }
}
