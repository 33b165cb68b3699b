package org.mms.admin;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mms.directory.TeamsUpgradeMode;
import org.mms.migration.MigrationType;
import org.mms.secret.Secret;

/** What admin operations take. Absent optional fields mean "leave as it is". */
public final class Requests {

    private Requests() {
    }

    /**
     * {@code Set-CsTenantMigrationConfiguration} parameters.
     *
     * @param customFooterText the custom footer's text; given with or without the HTML, it replaces the whole footer,
     *                         and empty (with no HTML) removes it
     * @param customFooterHtml the custom footer's HTML, likewise
     * @param requireApproval  every migration waits for an admin's approval
     * @param approvalThresholdMeetings a migration that would update more meetings than this waits for approval even
     *                         without {@code requireApproval}: a number, or {@code None} for no threshold
     * @param pacing           how fast the tenant's update messages go out
     */
    public record MigrationConfigurationChange(Optional<Boolean> meetingMigrationEnabled, Optional<Long> settleWindowSeconds,
            Optional<Integer> attendeeLimit, Optional<Integer> retryAttempts, Optional<Long> retryWindowSeconds,
            Optional<Long> retentionDays, Optional<Boolean> migrateOnSipAddressChange, Optional<Boolean> migrateOnMeetingUrlChange,
            Optional<Boolean> requireAddInProperties, Optional<String> customFooterText, Optional<String> customFooterHtml,
            Optional<Boolean> requireApproval, Optional<String> approvalThresholdMeetings, PacingChange pacing) {

        /** Leaves the approval settings and the pacing as they are. */
        public MigrationConfigurationChange(Optional<Boolean> meetingMigrationEnabled, Optional<Long> settleWindowSeconds,
                Optional<Integer> attendeeLimit, Optional<Integer> retryAttempts, Optional<Long> retryWindowSeconds,
                Optional<Long> retentionDays, Optional<Boolean> migrateOnSipAddressChange, Optional<Boolean> migrateOnMeetingUrlChange,
                Optional<Boolean> requireAddInProperties, Optional<String> customFooterText, Optional<String> customFooterHtml) {
            this(meetingMigrationEnabled, settleWindowSeconds, attendeeLimit, retryAttempts, retryWindowSeconds, retentionDays,
                    migrateOnSipAddressChange, migrateOnMeetingUrlChange, requireAddInProperties, customFooterText, customFooterHtml,
                    Optional.empty(), Optional.empty(), PacingChange.NONE);
        }

        /** Leaves the pacing as it is. */
        public MigrationConfigurationChange(Optional<Boolean> meetingMigrationEnabled, Optional<Long> settleWindowSeconds,
                Optional<Integer> attendeeLimit, Optional<Integer> retryAttempts, Optional<Long> retryWindowSeconds,
                Optional<Long> retentionDays, Optional<Boolean> migrateOnSipAddressChange, Optional<Boolean> migrateOnMeetingUrlChange,
                Optional<Boolean> requireAddInProperties, Optional<String> customFooterText, Optional<String> customFooterHtml,
                Optional<Boolean> requireApproval, Optional<String> approvalThresholdMeetings) {
            this(meetingMigrationEnabled, settleWindowSeconds, attendeeLimit, retryAttempts, retryWindowSeconds, retentionDays,
                    migrateOnSipAddressChange, migrateOnMeetingUrlChange, requireAddInProperties, customFooterText, customFooterHtml,
                    requireApproval, approvalThresholdMeetings, PacingChange.NONE);
        }

        /** Leaves the approval settings as they are. */
        public MigrationConfigurationChange(Optional<Boolean> meetingMigrationEnabled, Optional<Long> settleWindowSeconds,
                Optional<Integer> attendeeLimit, Optional<Integer> retryAttempts, Optional<Long> retryWindowSeconds,
                Optional<Long> retentionDays, Optional<Boolean> migrateOnSipAddressChange, Optional<Boolean> migrateOnMeetingUrlChange,
                Optional<Boolean> requireAddInProperties, Optional<String> customFooterText, Optional<String> customFooterHtml,
                PacingChange pacing) {
            this(meetingMigrationEnabled, settleWindowSeconds, attendeeLimit, retryAttempts, retryWindowSeconds, retentionDays,
                    migrateOnSipAddressChange, migrateOnMeetingUrlChange, requireAddInProperties, customFooterText, customFooterHtml,
                    Optional.empty(), Optional.empty(), pacing);
        }
    }

    /**
     * Which migrations awaiting approval {@code Approve-CsMeetingMigration} or {@code Deny-CsMeetingMigration} decides on:
     * exactly one of {@code -Identity} (the user's), {@code -CorrelationId} (that one) or {@code -All} (every one).
     */
    public record AwaitingMigrations(Optional<String> identity, Optional<String> correlationId, boolean all) {

        public enum Choice { IDENTITY, CORRELATION_ID, ALL }

        public AwaitingMigrations {
            int given = (identity.isPresent() ? 1 : 0) + (correlationId.isPresent() ? 1 : 0) + (all ? 1 : 0);
            if (given != 1) {
                throw new AdminException.BadRequest("give exactly one of Identity, CorrelationId or All");
            }
        }

        public Choice choice() {
            return identity.isPresent() ? Choice.IDENTITY : correlationId.isPresent() ? Choice.CORRELATION_ID : Choice.ALL;
        }
    }

    /**
     * The pacing parameters of {@code Set-CsTenantMigrationConfiguration}, as given (checked by {@link CheckPacing}).
     *
     * @param maxUpdatesPerHour  at most this many update messages in any rolling hour; 0 removes the limit
     * @param quietHoursStart    HH:mm; '' (with or without the end) removes the quiet hours
     * @param quietHoursEnd      HH:mm; '' likewise
     * @param quietHoursTimeZone an IANA zone (Europe/Berlin) the quiet hours are read in; UTC when never given
     * @param notifyOrganizerBeforeMinutes minutes between the notice to an organizer and their migration; 0: no notice
     */
    public record PacingChange(Optional<Integer> maxUpdatesPerHour, Optional<String> quietHoursStart, Optional<String> quietHoursEnd,
            Optional<String> quietHoursTimeZone, Optional<Integer> notifyOrganizerBeforeMinutes) {

        /** Nothing changes. */
        public static final PacingChange NONE = new PacingChange(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

        /** Leaves the notice to organizers as it is. */
        public PacingChange(Optional<Integer> maxUpdatesPerHour, Optional<String> quietHoursStart, Optional<String> quietHoursEnd,
                Optional<String> quietHoursTimeZone) {
            this(maxUpdatesPerHour, quietHoursStart, quietHoursEnd, quietHoursTimeZone, Optional.empty());
        }
    }

    /**
     * {@code Set-CsCalendarStore} parameters.
     *
     * @param allowInsecureHttp plain http to a host other than this machine, on purpose
     * @param skipValidation    save without trying the settings on the server first
     * @param graph             the Exchange Online parameters, for {@code -Kind Graph}
     */
    public record CalendarStoreChange(Optional<String> kind, Optional<String> url, Optional<String> calendarPath,
            Optional<String> userName, Optional<Secret> password, Optional<String> scheduling, Optional<Boolean> allowInsecureHttp,
            boolean skipValidation, GraphChange graph) {

        /** Not about Exchange Online. */
        public CalendarStoreChange(Optional<String> kind, Optional<String> url, Optional<String> calendarPath, Optional<String> userName,
                Optional<Secret> password, Optional<String> scheduling, Optional<Boolean> allowInsecureHttp, boolean skipValidation) {
            this(kind, url, calendarPath, userName, password, scheduling, allowInsecureHttp, skipValidation, GraphChange.NONE);
        }

        /** Tried on the server before it is saved, plain http only to this machine. */
        public CalendarStoreChange(Optional<String> kind, Optional<String> url, Optional<String> calendarPath, Optional<String> userName,
                Optional<Secret> password, Optional<String> scheduling) {
            this(kind, url, calendarPath, userName, password, scheduling, Optional.empty(), false);
        }
    }

    /**
     * {@code Set-CsCalendarStore -Kind Graph} parameters.
     *
     * @param certificate         the certificate file's bytes as base64 (PEM with its private key, or PFX)
     * @param certificatePassword a PFX's password
     */
    public record GraphChange(Optional<String> directoryTenantId, Optional<String> clientId, Optional<Secret> clientSecret,
            Optional<Secret> certificate, Optional<Secret> certificatePassword, Optional<String> graphUrl, Optional<String> authorityUrl,
            Optional<Integer> maxRequestsPerMailbox, Optional<Integer> maxRequestsInFlight) {

        public static final GraphChange NONE = new GraphChange(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

        /** Whether any Exchange Online parameter is given. */
        public boolean any() {
            return !equals(NONE);
        }
    }

    /** {@code Set-CsOnlineDialInConferencingTenantSettings} parameters. */
    public record DialInTenantSettingsChange(Optional<Boolean> automaticallyMigrateUserMeetings,
            Optional<Boolean> automaticallyReplaceAcpProvider) {
    }

    /** {@code Move-CsUser -Target}: the online service, or an on-premises pool. */
    public record MoveTarget(boolean online, Optional<String> pool) {
        /** The hosting provider's ProxyFqdn that {@code Move-CsUser -Target} takes for a move to the cloud. */
        public static final String ONLINE_FQDN = "sipfed.online.lync.com";

        public static MoveTarget toOnline() {
            return new MoveTarget(true, Optional.empty());
        }

        public static MoveTarget toPool(String pool) {
            return new MoveTarget(false, Optional.of(pool));
        }

        /**
         * {@code -Target} as admins write it: {@value #ONLINE_FQDN} or the word {@code online} (any case)
         * mean the online service, anything else names an on-premises pool by its FQDN.
         */
        public static MoveTarget parse(String target) {
            String t = target == null ? "" : target.strip();
            if (t.isEmpty()) {
                throw new AdminException.BadRequest("Target must be " + ONLINE_FQDN + " (or online) for the online service, or a pool's FQDN");
            }
            return t.equalsIgnoreCase(ONLINE_FQDN) || t.equalsIgnoreCase("online") ? toOnline() : toPool(InputRules.hostName("Target", t));
        }
    }

    /** {@code Set-CsOnlineDialInConferencingUser} parameters. */
    public record DialInUserChange(Optional<String> bridgeName, Optional<String> serviceNumber,
            Optional<String> tollFreeServiceNumber, Optional<String> conferenceId, boolean resetConferenceId) {
    }

    /** {@code Grant-CsTeamsUpgradePolicy -PolicyName}. */
    public record TeamsUpgrade(TeamsUpgradeMode mode) {
        /** The built-in policy names in the order the cmdlet's documentation lists them. */
        public static final List<String> POLICY_NAMES =
                List.of("UpgradeToTeams", "SfBWithTeamsCollabAndMeetings", "SfBWithTeamsCollab", "SfBOnly", "Islands");

        /** A policy by its {@code -PolicyName} (any case); {@code UpgradeToTeams} is the TeamsOnly mode. */
        public static TeamsUpgrade fromPolicyName(String policyName) {
            String name = policyName == null ? "" : policyName.strip();
            TeamsUpgradeMode mode = switch (name.toLowerCase(Locale.ROOT)) {
                case "upgradetoteams" -> TeamsUpgradeMode.TEAMS_ONLY;
                case "sfbwithteamscollabandmeetings" -> TeamsUpgradeMode.SFB_WITH_TEAMS_COLLAB_AND_MEETINGS;
                case "sfbwithteamscollab" -> TeamsUpgradeMode.SFB_WITH_TEAMS_COLLAB;
                case "sfbonly" -> TeamsUpgradeMode.SFB_ONLY;
                case "islands" -> TeamsUpgradeMode.ISLANDS;
                default -> throw new AdminException.BadRequest(
                        "PolicyName must be one of " + String.join(", ", POLICY_NAMES) + ", not '" + name + "'");
            };
            return new TeamsUpgrade(mode);
        }
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

    /** {@code Get-CsMeetingMigrationTransactionHistory} filters: a user or a migration (or both), and a time window. */
    public record HistoryQuery(Optional<String> identity, Optional<String> correlationId, Optional<Instant> startTime,
            Optional<Instant> endTime) {
    }

    /** {@code Export-CsMeetingMigrationReport} filters; every one optional. */
    public record ReportQuery(Optional<String> identity, Optional<String> correlationId, Optional<Instant> startTime,
            Optional<Instant> endTime, Optional<String> outcome) {
    }

    /** {@code Undo-CsMeetingMigration}: one migration by its correlation id, or a user's migrations since a time. */
    public record Undo(Optional<String> correlationId, Optional<String> identity, Optional<java.time.Instant> startTime) {
    }

    /** What the scheduling add-in sends when an organizer adds an online meeting. */
    public record NewOnlineMeeting(String subject, Instant start, Instant end, Optional<String> recurrenceRule,
            List<String> attendees, Optional<String> body, Optional<String> timeZone) {
    }
}
