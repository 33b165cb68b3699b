package org.mms.directory;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.mms.block.CustomFooter;

/**
 * A tenant's switches and knobs. The first three are the original service's
 * ({@code Set-CsTenantMigrationConfiguration}, {@code Set-CsOnlineDialInConferencingTenantSettings});
 * the rest are MMS's own.
 *
 * @param meetingMigrationEnabled          MMS migrates automatically for the tenant (manual runs, Start-CsExMeetingMigration, still work)
 * @param automaticallyMigrateUserMeetings audio-conferencing changes trigger migrations
 * @param automaticallyReplaceAcpProvider  assigning the licence to a third-party-ACP user switches them to Microsoft
 * @param migrateOnSipAddressChange        opt-in: a SIP address change triggers a migration
 * @param migrateOnMeetingUrlChange        opt-in: {@code Update-CsTenantMeetingUrl} triggers migrations
 * @param settleWindow                     how long a request waits for more changes to the same user
 * @param attendeeLimit                    meetings with more people (organizer included) are left alone
 * @param retryAttempts                    retries of a failed migration before it is {@code Failed}
 * @param retryWindow                      the span the retries are spread over (exponential backoff)
 * @param retention                        how long migration records are kept
 * @param onlineMeetingUrl                 base of online Skype join links, e.g. https://meet.lync.com/contoso
 * @param onPremisesMeetingUrl             base of on-premises Skype join links, e.g. https://meet.contoso.com
 * @param teamsJoinUrlTemplate             join link of a meeting converted to Teams ({uidHash} etc., see CoordinatesTemplate)
 * @param requireAddInProperties           only meetings carrying the add-in's properties are online meetings (the original
 *                                         service's rule); otherwise a block showing the organizer's join link or conference ID counts
 * @param customFooter                     the organization's own text at the end of every block MMS renders (Skype for
 *                                         Business Server's custom footer), kept across migrations; none by default
 * @param pacing                           how fast the tenant's update messages go out (a rate limit, quiet hours); none by default
 */
public record TenantSettings(boolean meetingMigrationEnabled, boolean automaticallyMigrateUserMeetings,
        boolean automaticallyReplaceAcpProvider, boolean migrateOnSipAddressChange, boolean migrateOnMeetingUrlChange,
        Duration settleWindow, int attendeeLimit, int retryAttempts, Duration retryWindow, Duration retention,
        URI onlineMeetingUrl, URI onPremisesMeetingUrl, String teamsJoinUrlTemplate, Optional<URI> localNumbersUrl,
        Optional<URI> pinResetUrl, Optional<URI> helpUrl, boolean requireAddInProperties, Optional<CustomFooter> customFooter,
        OutgoingPacing pacing) {

    public TenantSettings {
        Objects.requireNonNull(settleWindow, "settleWindow");
        Objects.requireNonNull(retryWindow, "retryWindow");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(onlineMeetingUrl, "onlineMeetingUrl");
        Objects.requireNonNull(onPremisesMeetingUrl, "onPremisesMeetingUrl");
        Objects.requireNonNull(teamsJoinUrlTemplate, "teamsJoinUrlTemplate");
        Objects.requireNonNull(customFooter, "customFooter");
        Objects.requireNonNull(pacing, "pacing");
        if (settleWindow.isNegative() || retryWindow.isNegative() || retention.isNegative()) {
            throw new IllegalArgumentException("durations cannot be negative");
        }
        if (attendeeLimit < 1 || retryAttempts < 0) {
            throw new IllegalArgumentException("attendee limit must be at least 1 and retry attempts at least 0");
        }
    }

    /** The original service's defaults (10-minute settle window, 250 attendees, 9 retries over 24 h, 150 days). */
    public static TenantSettings defaults(String tenantName, String domain) {
        return new TenantSettings(true, true, false, false, false, Duration.ofMinutes(10), 250, 9, Duration.ofHours(24),
                Duration.ofDays(150), URI.create("https://meet.lync.com/" + tenantName), URI.create("https://meet." + domain),
                "https://teams.microsoft.com/l/meetup-join/19%3ameeting_{uidHash}%40thread.v2/0", Optional.empty(), Optional.empty(),
                Optional.of(URI.create("https://aka.ms/JoinTeamsMeeting")), false, Optional.empty(), OutgoingPacing.NONE);
    }
}
