package org.mms.detection;

import java.util.Optional;
import org.mms.detection.TriggerDecision.NoMigration;
import org.mms.detection.TriggerDecision.NotSupported;
import org.mms.directory.MailboxLocation;
import org.mms.directory.TenantSettings;
import org.mms.directory.User;

/** The questions several trigger rows share: can MMS reach the calendar, and do the tenant's switches allow it. */
final class Gates {

    /** The offline Meeting Migration Tool: one exported calendar in, migrated calendar out. */
    static final String OFFLINE_TOOL = "mms migrate-ics";

    private Gates() {
    }

    /** Not supported when the user's calendar is on a server MMS cannot reach: only the offline tool can help. */
    static Optional<TriggerDecision> unreachableMailbox(User user) {
        return Check.when(user.mailbox() == MailboxLocation.ON_PREMISES, new NotSupported(
                "the user's mailbox is on-premises: MMS cannot reach it; use " + OFFLINE_TOOL + " on an export of their "
                        + "calendar, or move the mailbox to a calendar store MMS reaches and run Start-CsExMeetingMigration"));
    }

    /** {@code MeetingMigrationEnabled} off stops every automatic migration (manual runs still go ahead). */
    static Optional<TriggerDecision> migrationDisabled(TenantSettings settings) {
        return Check.when(!settings.meetingMigrationEnabled(), new NoMigration(
                "MeetingMigrationEnabled is off for the tenant: MMS migrates no meetings automatically; turn it on with "
                        + "Set-CsTenantMigrationConfiguration -MeetingMigrationEnabled $true, or run Start-CsExMeetingMigration "
                        + "for this user"));
    }

    /**
     * {@code AutomaticallyMigrateUserMeetings} off stops migrations after audio-conferencing changes only;
     * moves and Teams upgrades still migrate (the original service's page says so).
     */
    static Optional<TriggerDecision> audioChangesNotMigrated(TenantSettings settings) {
        return Check.when(!settings.automaticallyMigrateUserMeetings(), new NoMigration(
                "AutomaticallyMigrateUserMeetings is off for the tenant: audio-conferencing changes do not migrate meetings; "
                        + "run Start-CsExMeetingMigration for this user, or turn it on with "
                        + "Set-CsOnlineDialInConferencingTenantSettings -AutomaticallyMigrateUserMeetings $true"));
    }

    /** The reason for a change that leaves every invitation as it is, with what stays the same. */
    static NoMigration nothingChanges(String why) {
        return new NoMigration("nothing in their invitations changes: " + why);
    }
}
