package org.mms.admin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What admin operations return. Field names are the ones the original cmdlets print, so the REST API,
 * the JSON output and the tables all read alike.
 */
public final class Views {

    private Views() {
    }

    /**
     * {@code Get-CsTenantMigrationConfiguration}: the original switch plus MMS's own knobs. The custom footer's
     * text and HTML are null when the tenant has none; {@code MaxUpdatesPerHour} is 0 without a limit, and the
     * quiet hours are null without them.
     */
    public record MigrationConfiguration(boolean MeetingMigrationEnabled, long SettleWindowSeconds, int AttendeeLimit,
            int RetryAttempts, long RetryWindowSeconds, long RetentionDays, boolean MigrateOnSipAddressChange,
            boolean MigrateOnMeetingUrlChange, boolean RequireAddInProperties, String CustomFooterText, String CustomFooterHtml,
            int MaxUpdatesPerHour, String QuietHoursStart, String QuietHoursEnd, String QuietHoursTimeZone) {

        /** Without pacing. */
        public MigrationConfiguration(boolean MeetingMigrationEnabled, long SettleWindowSeconds, int AttendeeLimit,
                int RetryAttempts, long RetryWindowSeconds, long RetentionDays, boolean MigrateOnSipAddressChange,
                boolean MigrateOnMeetingUrlChange, boolean RequireAddInProperties, String CustomFooterText, String CustomFooterHtml) {
            this(MeetingMigrationEnabled, SettleWindowSeconds, AttendeeLimit, RetryAttempts, RetryWindowSeconds, RetentionDays,
                    MigrateOnSipAddressChange, MigrateOnMeetingUrlChange, RequireAddInProperties, CustomFooterText, CustomFooterHtml,
                    0, null, null, null);
        }
    }

    /**
     * {@code Get-CsCalendarStore}: where the tenant's calendars live. The password, the client secret and the
     * certificate are never shown, only whether one is set (and the certificate's thumbprint, which Entra
     * lists beside it). The Graph fields are empty for the other kinds.
     */
    public record CalendarStore(String Kind, String Url, String CalendarPath, String UserName, boolean PasswordSet,
            String Scheduling, boolean AllowInsecureHttp, String DirectoryTenantId, String ClientId, String GraphUrl, String AuthorityUrl,
            Boolean ClientSecretSet, Boolean CertificateSet, String CertificateThumbprint) {
    }

    /** {@code Get-CsOnlineDialInConferencingTenantSettings}: the switches MMS honours. */
    public record DialInTenantSettings(boolean AutomaticallyMigrateUserMeetings, boolean AutomaticallyReplaceAcpProvider) {
    }

    /**
     * A user as {@code Get-CsOnlineUser} shows them, with their audio conferencing and what decides whether a
     * change migrates their meetings ({@code PublicMeetings} for a conference-ID change, the provider's own
     * numbers for a third-party provider). Values are spelt as the directory import writes them.
     */
    public record User(String UserId, String UserPrincipalName, String SipAddress, String DisplayName, List<String> Aliases,
            String Hosting, String Pool, String Mailbox, String MeetingType, String TeamsUpgradeMode, boolean AudioConferencingLicensed,
            boolean AudioConferencingEnabled, String Provider, String BridgeName, String ServiceNumber, String TollFreeServiceNumber,
            String ConferenceId, boolean PublicMeetings, List<String> AcpNumbers, String AcpConferenceId, String Locale,
            String ObjectId) {
    }

    public record ServiceNumber(String Number, String Kind, String Display, String City, boolean IsDefault) {
    }

    public record Bridge(String Identity, String Name, String DefaultServiceNumber, List<ServiceNumber> ServiceNumbers) {
    }

    /** One trigger decision: a change to one user and whether it queued a migration, with the reason. */
    public record TriggerDecision(String UserId, String UserPrincipalName, String Change, String Detail, String Decision,
            String MigrationType, String Reason, String CorrelationId, Instant DecidedAt) {
    }

    /** What an admin operation did: the decisions it led to (several when it concerns several users). */
    public record ChangeResult(String Operation, List<TriggerDecision> Decisions) {
    }

    /** {@code Get-CsMeetingMigrationStatus}, one row per migration request (peers.md §2.1 field names). */
    public record MigrationStatus(String UserId, String UserPrincipalName, String CorrelationId, String MigrationType,
            String State, int TotalMeeting, int SucceededMeeting, int FailedMeeting, int InvitesUpdate, int RetryCount,
            String LastMessage, Instant CreateDate, Instant ModifiedDate, long UpdatesWaiting, Instant UpdatesWaitUntil) {

        /** With no update messages waiting. */
        public MigrationStatus(String UserId, String UserPrincipalName, String CorrelationId, String MigrationType,
                String State, int TotalMeeting, int SucceededMeeting, int FailedMeeting, int InvitesUpdate, int RetryCount,
                String LastMessage, Instant CreateDate, Instant ModifiedDate) {
            this(UserId, UserPrincipalName, CorrelationId, MigrationType, State, TotalMeeting, SucceededMeeting, FailedMeeting,
                    InvitesUpdate, RetryCount, LastMessage, CreateDate, ModifiedDate, 0, null);
        }

        /** The same migration with how many of its update messages wait in the outbox, and until when. */
        public MigrationStatus withUpdatesWaiting(long waiting, Instant until) {
            return new MigrationStatus(UserId, UserPrincipalName, CorrelationId, MigrationType, State, TotalMeeting, SucceededMeeting,
                    FailedMeeting, InvitesUpdate, RetryCount, LastMessage, CreateDate, ModifiedDate, waiting, until);
        }
    }

    /**
     * The tenant's update messages waiting in the outbox ({@code Get-CsMeetingMigrationStatus -SummaryOnly}, below the
     * states), and until when its quiet hours or hourly limit hold them back: null when they may go now.
     */
    public record UpdatesWaiting(long UpdatesWaiting, Instant UpdatesWaitUntil) {
    }

    /** {@code Get-CsMeetingMigrationStatus -SummaryOnly}: one row per state. */
    public record StateCount(String State, long UserCount) {
    }

    /** One meeting of a migration: what happened to it and why. */
    public record MeetingResult(String CorrelationId, String Uid, String RecurrenceId, String Subject, Instant Start,
            String Outcome, String Reason, String Detail, Instant At) {
    }

    /** What an import did. */
    public record ImportResult(String What, int Created, int Updated, int Unchanged, List<String> Notes) {
    }

    /** A meeting the scheduling add-in registered and put into the organizer's calendar. */
    public record OnlineMeeting(String Uid, String Organizer, String JoinUrl, String MeetingType, Optional<String> ConferenceId,
            int Attendees) {
    }
}
