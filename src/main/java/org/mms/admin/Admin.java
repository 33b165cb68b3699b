package org.mms.admin;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mms.directory.TenantId;

/**
 * Every admin operation, scoped to one tenant. The cmdlet each one stands for is named in its
 * comment; the CLI uses these names, the REST API the routes in {@code api}. Unknown identities raise
 * {@link AdminException.NotFound}, bad input {@link AdminException.BadRequest}.
 *
 * <p>An identity names a user by UPN, SIP address (with or without {@code sip:}), an alias, or their
 * UserId.
 */
public interface Admin {

    /** {@code Get-CsTenantMigrationConfiguration}. */
    Views.MigrationConfiguration migrationConfiguration(TenantId tenant);

    /** {@code Set-CsTenantMigrationConfiguration}. */
    Views.MigrationConfiguration setMigrationConfiguration(TenantId tenant, Requests.MigrationConfigurationChange change);

    /** {@code Get-CsCalendarStore}: where the tenant's calendars live (the password never shown). */
    Views.CalendarStore calendarStore(TenantId tenant);

    /** {@code Set-CsCalendarStore -Kind Embedded|CalDav [-Url] [-CalendarPath] [-UserName] [-Password] [-Scheduling]}. */
    Views.CalendarStore setCalendarStore(TenantId tenant, Requests.CalendarStoreChange change);

    /**
     * Tries the tenant's saved calendar store as {@code Set-CsCalendarStore} tries new settings: why it does not
     * work, in one line without any secret, or empty when it does (the embedded store always works).
     */
    Optional<String> testCalendarStore(TenantId tenant);

    /** {@code Get-CsOnlineDialInConferencingTenantSettings}. */
    Views.DialInTenantSettings dialInTenantSettings(TenantId tenant);

    /** {@code Set-CsOnlineDialInConferencingTenantSettings}. */
    Views.DialInTenantSettings setDialInTenantSettings(TenantId tenant, Requests.DialInTenantSettingsChange change);

    /** {@code Get-CsOnlineUser [-Identity]}. */
    List<Views.User> users(TenantId tenant, Optional<String> identity);

    /** {@code Get-CsOnlineDialInConferencingBridge}. */
    List<Views.Bridge> bridges(TenantId tenant);

    /** {@code Move-CsUser -Identity -Target}. */
    Views.ChangeResult moveUser(TenantId tenant, String identity, Requests.MoveTarget target);

    /** {@code Set-CsOnlineDialInConferencingUser -Identity [-BridgeName] [-ServiceNumber] [-TollFreeServiceNumber] [-ConferenceId] [-ResetConferenceId]}. */
    Views.ChangeResult setDialInConferencingUser(TenantId tenant, String identity, Requests.DialInUserChange change);

    /** {@code Enable-CsOnlineDialInConferencingUser -Identity [-ReplaceProvider]}. */
    Views.ChangeResult enableDialInConferencing(TenantId tenant, String identity, boolean replaceProvider);

    /** {@code Disable-CsOnlineDialInConferencingUser -Identity}. */
    Views.ChangeResult disableDialInConferencing(TenantId tenant, String identity);

    /** {@code Set-CsAudioConferencingLicense -Identity -Assigned}: assigning or removing the licence. */
    Views.ChangeResult setAudioConferencingLicence(TenantId tenant, String identity, boolean assigned);

    /** {@code Unregister-CsOnlineDialInConferencingServiceNumber -Identity <number> -BridgeName [-RemoveDefaultServiceNumber]}. */
    Views.ChangeResult unregisterServiceNumber(TenantId tenant, String number, String bridgeName, boolean removeDefault);

    /** {@code Set-CsUser -Identity -SipAddress}. */
    Views.ChangeResult setSipAddress(TenantId tenant, String identity, String sipAddress);

    /** {@code Update-CsTenantMeetingUrl}. */
    Views.ChangeResult updateTenantMeetingUrl(TenantId tenant);

    /** {@code Grant-CsTeamsUpgradePolicy -Identity -PolicyName} (per user; a tenant-wide grant triggers nothing). */
    Views.ChangeResult grantTeamsUpgradePolicy(TenantId tenant, String identity, Requests.TeamsUpgrade upgrade);

    /** {@code Start-CsExMeetingMigration -Identity [-SourceMeetingType] [-TargetMeetingType]}. */
    Views.ChangeResult startMigration(TenantId tenant, String identity, Requests.StartMigration start);

    /** {@code Get-CsMeetingMigrationStatus [-Identity] [-State] [-StartTime] [-EndTime]}. */
    List<Views.MigrationStatus> migrationStatus(TenantId tenant, Requests.StatusQuery query);

    /** One migration of the tenant by its correlation id, with the status fields; empty when there is none (or it is not an id). */
    Optional<Views.MigrationStatus> migration(TenantId tenant, String correlationId);

    /** {@code Get-CsMeetingMigrationStatus -SummaryOnly}: every state, with its user count. */
    List<Views.StateCount> migrationSummary(TenantId tenant, Requests.StatusQuery query);

    /** {@code Approve-CsMeetingMigration -Identity | -CorrelationId | -All}: migrations awaiting approval become pending. */
    List<Views.MigrationStatus> approveMigrations(TenantId tenant, Requests.AwaitingMigrations which);

    /**
     * {@code Deny-CsMeetingMigration -Identity | -CorrelationId | -All}: migrations awaiting approval end denied, and by
     * {@code -Identity} or {@code -CorrelationId} a pending one that waits after a notice to its organizer.
     */
    List<Views.MigrationStatus> denyMigrations(TenantId tenant, Requests.AwaitingMigrations which);

    /**
     * {@code -WhatIf}: the same operations, but the directory operations that can queue a migration (those answering a
     * {@link Views.ChangeResult}) change nothing and answer what they would do, with each affected user's migration
     * previewed from the calendar store. The other changing operations refuse.
     */
    Admin whatIf();

    /** The tenant's update messages waiting to go, and until when its pacing holds them back. */
    Views.UpdatesWaiting updatesWaiting(TenantId tenant);

    /** {@code Get-CsMeetingMigrationDetail -CorrelationId}: each meeting of one migration, with its outcome and reason. */
    List<Views.MeetingResult> migrationMeetings(TenantId tenant, String correlationId);

    /**
     * {@code Get-CsMeetingMigrationTransactionHistory -Identity | -CorrelationId [-StartTime] [-EndTime]}: every state
     * change of the user's migrations (or of one migration), with its time and reason, retries included.
     */
    List<Views.MigrationTransition> migrationHistory(TenantId tenant, Requests.HistoryQuery query);

    /**
     * {@code Export-CsMeetingMigrationReport [-Identity] [-CorrelationId] [-StartTime] [-EndTime] [-Outcome]}: one row per
     * meeting the matching migrations handled. The cmdlet writes the file; the server never sees its path.
     */
    List<Views.MeetingReport> migrationReport(TenantId tenant, Requests.ReportQuery query);

    /**
     * {@code Undo-CsMeetingMigration -CorrelationId | -Identity -StartTime}: queues an undo, a migration of type {@code Undo}
     * that puts each meeting the migrations wrote back as it was before them, where it still shows what they wrote.
     * Returns the undo's status.
     */
    Views.MigrationStatus undoMigration(TenantId tenant, Requests.Undo undo);

    /** {@code Undo-CsMeetingMigration -WhatIf}: what the undo would do to each meeting, from the calendar store now; changes nothing. */
    Views.UndoPreview previewUndo(TenantId tenant, Requests.Undo undo);

    /** {@code Get-CsMeetingMigrationTriggerDecision [-Identity] [-StartTime]}: every trigger decision and its reason. */
    List<Views.TriggerDecision> triggerDecisions(TenantId tenant, Optional<String> identity, Optional<Instant> since);

    /**
     * {@code Import-CsDirectory -Path}: tenant settings, bridges and users from the documented JSON,
     * read as it streams in (a large directory is never held twice, as bytes and as text).
     */
    Views.ImportResult importDirectory(TenantId tenant, InputStream json);

    /** {@link #importDirectory(TenantId, InputStream)} of a document at hand. */
    default Views.ImportResult importDirectory(TenantId tenant, String json) {
        return importDirectory(tenant, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    /** {@code Import-CsCalendar -Identity -Path}: a user's calendar export into the embedded store. */
    Views.ImportResult importCalendar(TenantId tenant, String identity, byte[] ics);

    /**
     * {@code Export-CsCalendar -Identity -Path}: the user's stored meetings as they are now, each stored
     * VCALENDAR byte for byte, one after the other (an iCalendar stream).
     */
    CalendarExport exportCalendar(TenantId tenant, String identity);

    /** A user's stored calendar: how many meetings, and their bytes (served as text/calendar, not JSON). */
    record CalendarExport(int meetings, byte[] calendar) {
    }

    /** {@code New-CsOnlineMeeting -Identity …}: what the scheduling add-in does for "Add online meeting". */
    Views.OnlineMeeting addOnlineMeeting(TenantId tenant, String identity, Requests.NewOnlineMeeting meeting);
}
