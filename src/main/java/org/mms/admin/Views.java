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
     * text and HTML are null when the tenant has none, the approval threshold when migrations wait only if
     * {@code RequireApproval}; {@code MaxUpdatesPerHour} is 0 without a limit, the quiet hours are null without them, and
     * {@code NotifyOrganizerBeforeMinutes} is 0 when organizers get no notice.
     */
    public record MigrationConfiguration(boolean MeetingMigrationEnabled, long SettleWindowSeconds, int AttendeeLimit,
            int RetryAttempts, long RetryWindowSeconds, long RetentionDays, boolean MigrateOnSipAddressChange,
            boolean MigrateOnMeetingUrlChange, boolean RequireAddInProperties, String CustomFooterText, String CustomFooterHtml,
            boolean RequireApproval, Integer ApprovalThresholdMeetings,
            int MaxUpdatesPerHour, String QuietHoursStart, String QuietHoursEnd, String QuietHoursTimeZone,
            int NotifyOrganizerBeforeMinutes) {

        /** Without a notice to organizers. */
        public MigrationConfiguration(boolean MeetingMigrationEnabled, long SettleWindowSeconds, int AttendeeLimit,
                int RetryAttempts, long RetryWindowSeconds, long RetentionDays, boolean MigrateOnSipAddressChange,
                boolean MigrateOnMeetingUrlChange, boolean RequireAddInProperties, String CustomFooterText, String CustomFooterHtml,
                boolean RequireApproval, Integer ApprovalThresholdMeetings,
                int MaxUpdatesPerHour, String QuietHoursStart, String QuietHoursEnd, String QuietHoursTimeZone) {
            this(MeetingMigrationEnabled, SettleWindowSeconds, AttendeeLimit, RetryAttempts, RetryWindowSeconds, RetentionDays,
                    MigrateOnSipAddressChange, MigrateOnMeetingUrlChange, RequireAddInProperties, CustomFooterText, CustomFooterHtml,
                    RequireApproval, ApprovalThresholdMeetings, MaxUpdatesPerHour, QuietHoursStart, QuietHoursEnd, QuietHoursTimeZone, 0);
        }

        /** Without approval and pacing. */
        public MigrationConfiguration(boolean MeetingMigrationEnabled, long SettleWindowSeconds, int AttendeeLimit,
                int RetryAttempts, long RetryWindowSeconds, long RetentionDays, boolean MigrateOnSipAddressChange,
                boolean MigrateOnMeetingUrlChange, boolean RequireAddInProperties, String CustomFooterText, String CustomFooterHtml) {
            this(MeetingMigrationEnabled, SettleWindowSeconds, AttendeeLimit, RetryAttempts, RetryWindowSeconds, RetentionDays,
                    MigrateOnSipAddressChange, MigrateOnMeetingUrlChange, RequireAddInProperties, CustomFooterText, CustomFooterHtml,
                    false, null, 0, null, null, null);
        }
    }

    /**
     * {@code Get-CsCalendarStore}: where the tenant's calendars live. The password, the client secret and the
     * certificate are never shown, only whether one is set (and the certificate's thumbprint, which Entra
     * lists beside it). The Graph fields are empty for the other kinds.
     */
    public record CalendarStore(String Kind, String Url, String CalendarPath, String UserName, boolean PasswordSet,
            String Scheduling, boolean AllowInsecureHttp, String DirectoryTenantId, String ClientId, String GraphUrl, String AuthorityUrl,
            Boolean ClientSecretSet, Boolean CertificateSet, String CertificateThumbprint, Integer MaxRequestsPerMailbox,
            Integer MaxRequestsInFlight) {
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

    /**
     * What an admin operation did: the decisions it led to (several when it concerns several users). With
     * {@code -WhatIf} nothing was done: the decisions are what it would decide, and {@code WhatIf} holds, per user
     * whose meetings it would migrate, what the migration would do; it is empty for a change that was made.
     */
    public record ChangeResult(String Operation, List<TriggerDecision> Decisions, List<UserPreview> WhatIf) {
        public ChangeResult(String Operation, List<TriggerDecision> Decisions) {
            this(Operation, Decisions, List.of());
        }
    }

    /**
     * {@code -WhatIf}: one user's migration as it would run now, read from the calendar store. The counts are the ones
     * {@code Get-CsMeetingMigrationStatus} would show; {@code UpdateMeeting} meetings would change and send
     * {@code InvitesUpdate} updates to {@code Attendees} attendees in all.
     */
    public record UserPreview(String UserId, String UserPrincipalName, String MigrationType, boolean AwaitsApproval,
            int TotalMeeting, int UpdateMeeting, int SucceededMeeting, int FailedMeeting, int InvitesUpdate, int Attendees,
            List<MeetingPreview> Meetings) {
    }

    /**
     * One meeting (or changed occurrence) of a preview: {@code Outcome} as {@code Get-CsMeetingMigrationDetail} names it
     * ({@code MIGRATED}, {@code UNCHANGED}, {@code SKIPPED}, {@code FAILED}), with the reason, and for a migrated one the
     * block diff (lines marked {@code -}, {@code +} or blank) and how many attendees get the update.
     */
    public record MeetingPreview(String Uid, String RecurrenceId, String Subject, Instant Start, String Outcome, String Reason,
            String Detail, int Attendees, List<String> Diff) {
    }

    /** {@code Get-CsMeetingMigrationStatus}, one row per migration request (peers.md §2.1 field names). */
    public record MigrationStatus(String UserId, String UserPrincipalName, String CorrelationId, String MigrationType,
            String State, int TotalMeeting, int SucceededMeeting, int FailedMeeting, int InvitesUpdate, int RetryCount,
            String LastMessage, Instant CreateDate, Instant ModifiedDate, long UpdatesWaiting, Instant UpdatesWaitUntil) {

        /** A request as {@code Get-CsMeetingMigrationStatus} shows it, with no update messages waiting. */
        public static MigrationStatus of(org.mms.queue.MigrationRequest r) {
            return new MigrationStatus(r.user().value(), r.upn(), r.correlationId().value().toString(), r.type().displayName(),
                    r.state().displayName(), r.counts().total(), r.counts().succeeded(), r.counts().failed(), r.counts().invitesUpdate(),
                    r.retryCount(), r.lastMessage(), r.createDate(), r.modifiedDate());
        }


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

    /**
     * {@code Undo-CsMeetingMigration -WhatIf}: the migrations an undo would put back, how many meetings it would put back
     * and how many it would leave alone because they were changed since, and each meeting with its outcome.
     */
    public record UndoPreview(String UserId, String UserPrincipalName, List<String> Undoes, int PutBackMeeting, int ChangedSinceMeeting,
            List<UndoMeeting> Meetings) {
    }

    /** One meeting of an undo's preview: {@code Outcome} and {@code Reason} as {@code Get-CsMeetingMigrationDetail} would show them. */
    public record UndoMeeting(String Uid, String RecurrenceId, String Subject, Instant Start, String Outcome, String Reason) {
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

    /** {@code Get-CsMeetingMigrationTransactionHistory}: one state change of a migration; FromState is empty when it was queued. */
    public record MigrationTransition(String CorrelationId, String UserId, String UserPrincipalName, String MigrationType,
            String FromState, String ToState, Instant Time, int Attempt, int RetryCount, String Reason) {
    }

    /**
     * {@code Export-CsMeetingMigrationReport}: one meeting (or changed occurrence) of a migration, with the join link
     * and conference ID its block showed before and after, and the update message queued for it (its outbox id and
     * state; empty when none was queued, as when the calendar server sends the updates itself).
     */
    public record MeetingReport(String CorrelationId, String MigrationType, String Organizer, String Uid, String RecurrenceId,
            String Subject, Instant Start, String Outcome, String Reason, String OldJoinUrl, String NewJoinUrl,
            String OldConferenceId, String NewConferenceId, String MessageId, String MessageState, Instant At) {
    }
}
