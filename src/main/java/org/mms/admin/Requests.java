package org.mms.admin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mms.directory.TeamsUpgradeMode;
import org.mms.migration.MigrationType;

/** What admin operations take. Absent optional fields mean "leave as it is". */
public final class Requests {

    private Requests() {
    }

    /** {@code Set-CsTenantMigrationConfiguration} parameters. */
    public record MigrationConfigurationChange(Optional<Boolean> meetingMigrationEnabled, Optional<Long> settleWindowSeconds,
            Optional<Integer> attendeeLimit, Optional<Integer> retryAttempts, Optional<Long> retryWindowSeconds,
            Optional<Long> retentionDays, Optional<Boolean> migrateOnSipAddressChange, Optional<Boolean> migrateOnMeetingUrlChange) {
    }

    /** {@code Set-CsOnlineDialInConferencingTenantSettings} parameters. */
    public record DialInTenantSettingsChange(Optional<Boolean> automaticallyMigrateUserMeetings,
            Optional<Boolean> automaticallyReplaceAcpProvider) {
    }

    /** {@code Move-CsUser -Target}: the online service, or an on-premises pool. */
    public record MoveTarget(boolean online, Optional<String> pool) {
        public static MoveTarget toOnline() {
            return new MoveTarget(true, Optional.empty());
        }

        public static MoveTarget toPool(String pool) {
            return new MoveTarget(false, Optional.of(pool));
        }
    }

    /** {@code Set-CsOnlineDialInConferencingUser} parameters. */
    public record DialInUserChange(Optional<String> bridgeName, Optional<String> serviceNumber,
            Optional<String> tollFreeServiceNumber, Optional<String> conferenceId, boolean resetConferenceId) {
    }

    /** {@code Grant-CsTeamsUpgradePolicy -PolicyName}. */
    public record TeamsUpgrade(TeamsUpgradeMode mode) {
    }

    /** {@code Start-CsExMeetingMigration} parameters. */
    public record StartMigration(MigrationType.SourceMeetingType source, MigrationType.TargetMeetingType target) {
    }

    /** {@code Get-CsMeetingMigrationStatus} filters. */
    public record StatusQuery(Optional<String> identity, Optional<String> state, Optional<Instant> startTime,
            Optional<Instant> endTime) {
        public static StatusQuery all() {
            return new StatusQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    /** What the scheduling add-in sends when an organizer adds an online meeting. */
    public record NewOnlineMeeting(String subject, Instant start, Instant end, Optional<String> recurrenceRule,
            List<String> attendees, Optional<String> body, Optional<String> timeZone) {
    }
}
