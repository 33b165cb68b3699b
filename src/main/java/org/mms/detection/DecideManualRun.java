package org.mms.detection;

import org.mms.detection.TriggerDecision.Queue;
import org.mms.directory.DirectoryChange.ManualMigration;
import org.mms.directory.TenantSettings;
import org.mms.directory.User;
import org.mms.migration.MigrationType;

/**
 * {@code Start-CsExMeetingMigration}: an admin asked for this user, so the run goes ahead whatever
 * the automatic switches say, {@code MeetingMigrationEnabled} included. The article pairs switching
 * MMS off with migrating manually, and the troubleshooting steps re-run the cmdlet after a failure;
 * both need a manual run that is not stopped by the switch. Only an unreachable mailbox stops it.
 */
final class DecideManualRun {

    private DecideManualRun() {
    }

    static TriggerDecision decide(ManualMigration change, User after, TenantSettings settings) {
        return Gates.unreachableMailbox(after).orElseGet(() -> new Queue(MigrationType.of(change.source(), change.target()),
                "an admin ran Start-CsExMeetingMigration -SourceMeetingType " + sourceName(change.source())
                        + " -TargetMeetingType " + targetName(change.target()) + switchesNote(settings)));
    }

    /** Says so when a switch is off, so nobody wonders why this run went ahead while others did not. */
    private static String switchesNote(TenantSettings settings) {
        if (!settings.meetingMigrationEnabled()) {
            return "; manual runs go ahead although MeetingMigrationEnabled is off, which stops automatic migrations only";
        }
        if (!settings.automaticallyMigrateUserMeetings()) {
            return "; manual runs go ahead although AutomaticallyMigrateUserMeetings is off, which stops automatic migrations only";
        }
        return "";
    }

    private static String sourceName(MigrationType.SourceMeetingType source) {
        return switch (source) {
            case ALL -> "All";
            case SFB -> "SfB";
            case TEAMS -> "Teams";
        };
    }

    private static String targetName(MigrationType.TargetMeetingType target) {
        return switch (target) {
            case CURRENT -> "Current";
            case TEAMS -> "Teams";
        };
    }
}
