package org.mms.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * What request bodies hold. Field names are the cmdlets' parameter names, as the views use the cmdlets'
 * output names, so {@code {"MeetingMigrationEnabled": false}} reads like
 * {@code -MeetingMigrationEnabled $false}. In PATCH bodies an absent field means "leave as it is".
 */
final class Bodies {

    private Bodies() {
    }

    record MigrationConfigurationPatch(Optional<Boolean> MeetingMigrationEnabled, Optional<Long> SettleWindowSeconds,
            Optional<Integer> AttendeeLimit, Optional<Integer> RetryAttempts, Optional<Long> RetryWindowSeconds,
            Optional<Long> RetentionDays, Optional<Boolean> MigrateOnSipAddressChange, Optional<Boolean> MigrateOnMeetingUrlChange,
            Optional<Boolean> RequireAddInProperties, Optional<String> CustomFooterText, Optional<String> CustomFooterHtml,
            Optional<Boolean> RequireApproval, Optional<JsonNode> ApprovalThresholdMeetings,
            Optional<Integer> MaxUpdatesPerHour, Optional<String> QuietHoursStart, Optional<String> QuietHoursEnd,
            Optional<String> QuietHoursTimeZone, Optional<Integer> NotifyOrganizerBeforeMinutes) {
    }

    /** {@code Approve-CsMeetingMigration} and {@code Deny-CsMeetingMigration}: exactly one of the three. */
    record AwaitingMigrations(Optional<String> Identity, Optional<String> CorrelationId, Optional<Boolean> All) {
    }

    /**
     * {@code Set-CsCalendarStore}. For {@code -Kind Graph}: {@code Certificate} is the certificate file's bytes in
     * base64 (PEM with its private key, or PFX), {@code CertificatePassword} a PFX's password.
     */
    record CalendarStorePatch(Optional<String> Kind, Optional<String> Url, Optional<String> CalendarPath, Optional<String> UserName,
            Optional<String> Password, Optional<String> Scheduling, Optional<Boolean> AllowInsecureHttp, Optional<Boolean> SkipValidation,
            Optional<String> DirectoryTenantId, Optional<String> ClientId, Optional<String> ClientSecret, Optional<String> Certificate,
            Optional<String> CertificatePassword, Optional<String> GraphUrl, Optional<String> AuthorityUrl,
            Optional<Integer> MaxRequestsPerMailbox, Optional<Integer> MaxRequestsInFlight) {
        /** Never the password, the client secret, the certificate or its password, should anything ever print the body. */
        @Override
        public String toString() {
            return "CalendarStorePatch[Kind=" + Kind + ", Url=" + Url + ", CalendarPath=" + CalendarPath + ", UserName=" + UserName
                    + ", Password=" + Password.map(p -> "****") + ", Scheduling=" + Scheduling + ", AllowInsecureHttp=" + AllowInsecureHttp
                    + ", SkipValidation=" + SkipValidation + ", DirectoryTenantId=" + DirectoryTenantId + ", ClientId=" + ClientId
                    + ", ClientSecret=" + ClientSecret.map(p -> "****") + ", Certificate=" + Certificate.map(p -> "****")
                    + ", CertificatePassword=" + CertificatePassword.map(p -> "****") + ", GraphUrl=" + GraphUrl + ", AuthorityUrl="
                    + AuthorityUrl + ", MaxRequestsPerMailbox=" + MaxRequestsPerMailbox + ", MaxRequestsInFlight=" + MaxRequestsInFlight + "]";
        }
    }

    record DialInTenantSettingsPatch(Optional<Boolean> AutomaticallyMigrateUserMeetings,
            Optional<Boolean> AutomaticallyReplaceAcpProvider) {
    }

    record UserPatch(String SipAddress) {
    }

    record Move(String Target) {
    }

    record DialInUserPatch(Optional<String> BridgeName, Optional<String> ServiceNumber, Optional<String> TollFreeServiceNumber,
            Optional<String> ConferenceId, Optional<Boolean> ResetConferenceId) {
    }

    record EnableDialIn(Optional<Boolean> ReplaceProvider) {
    }

    record Licence(Boolean Assigned) {
    }

    record TeamsUpgradePolicy(String PolicyName) {
    }

    record UnregisterServiceNumber(Optional<Boolean> RemoveDefaultServiceNumber) {
    }

    record StartMigration(String Identity, Optional<String> SourceMeetingType, Optional<String> TargetMeetingType) {
    }

    record UndoMigration(Optional<String> CorrelationId, Optional<String> Identity, Optional<Instant> StartTime) {
    }

    record NewOnlineMeeting(String Subject, Instant Start, Instant End, List<String> Attendees, Optional<String> RecurrenceRule,
            Optional<String> TimeZone, Optional<String> Body) {
    }
}
