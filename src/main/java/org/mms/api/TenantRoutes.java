package org.mms.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.mms.admin.Admin;
import org.mms.admin.Requests;
import org.mms.secret.Secret;
import tools.jackson.databind.JsonNode;

/** Tenant-wide settings: the migration switch and MMS's knobs, the dial-in settings MMS honours, the meeting URL. */
final class TenantRoutes {

    private final Admin admin;
    private final JsonBody body;

    TenantRoutes(Admin admin, JsonBody body) {
        this.admin = admin;
        this.body = body;
    }

    void addTo(RoutesConfig routes) {
        routes.get(ApiServer.V1 + "/tenant/migration-configuration", this::migrationConfiguration);
        routes.patch(ApiServer.V1 + "/tenant/migration-configuration", this::setMigrationConfiguration);
        routes.get(ApiServer.V1 + "/tenant/calendar-store", this::calendarStore);
        routes.patch(ApiServer.V1 + "/tenant/calendar-store", this::setCalendarStore);
        routes.get(ApiServer.V1 + "/tenant/dial-in-conferencing-settings", this::dialInSettings);
        routes.patch(ApiServer.V1 + "/tenant/dial-in-conferencing-settings", this::setDialInSettings);
        routes.post(ApiServer.V1 + "/tenant/meeting-url/update", this::updateMeetingUrl);
    }

    /** {@code Get-CsTenantMigrationConfiguration}. */
    private void migrationConfiguration(Context ctx) {
        Query.of(ctx);
        ctx.json(admin.migrationConfiguration(BearerAuthentication.tenant(ctx)));
    }

    /** {@code Set-CsTenantMigrationConfiguration}. */
    private void setMigrationConfiguration(Context ctx) {
        Query.of(ctx);
        Bodies.MigrationConfigurationPatch p = body.read(ctx, Bodies.MigrationConfigurationPatch.class);
        Requests.MigrationConfigurationChange change = new Requests.MigrationConfigurationChange(p.MeetingMigrationEnabled(),
                p.SettleWindowSeconds(), p.AttendeeLimit(), p.RetryAttempts(), p.RetryWindowSeconds(), p.RetentionDays(),
                p.MigrateOnSipAddressChange(), p.MigrateOnMeetingUrlChange(), p.RequireAddInProperties(), p.CustomFooterText(),
                p.CustomFooterHtml(), p.RequireApproval(), p.ApprovalThresholdMeetings().filter(v -> !v.isNull() && !v.isMissingNode())
                        .map(TenantRoutes::threshold),
                new Requests.PacingChange(p.MaxUpdatesPerHour(), p.QuietHoursStart(), p.QuietHoursEnd(), p.QuietHoursTimeZone(),
                        p.NotifyOrganizerBeforeMinutes()));
        ctx.json(admin.setMigrationConfiguration(BearerAuthentication.tenant(ctx), change));
    }

    /** A number of meetings, or the text {@code None}; what else it is, the admin facade says. */
    private static String threshold(JsonNode value) {
        if (value.isIntegralNumber() || value.isString()) {
            return value.asString();
        }
        throw new InvalidRequest("ApprovalThresholdMeetings must be a whole number of meetings or \"None\"");
    }

    /** {@code Get-CsCalendarStore}. */
    private void calendarStore(Context ctx) {
        Query.of(ctx);
        ctx.json(admin.calendarStore(BearerAuthentication.tenant(ctx)));
    }

    /** {@code Set-CsCalendarStore}. */
    private void setCalendarStore(Context ctx) {
        Query.of(ctx);
        Bodies.CalendarStorePatch p = body.read(ctx, Bodies.CalendarStorePatch.class);
        ctx.json(admin.setCalendarStore(BearerAuthentication.tenant(ctx), new Requests.CalendarStoreChange(p.Kind(), p.Url(),
                p.CalendarPath(), p.UserName(), p.Password().map(Secret::new), p.Scheduling(), p.AllowInsecureHttp(),
                p.SkipValidation().orElse(false), new Requests.GraphChange(p.DirectoryTenantId(), p.ClientId(),
                        p.ClientSecret().map(Secret::new), p.Certificate().map(Secret::new), p.CertificatePassword().map(Secret::new),
                        p.GraphUrl(), p.AuthorityUrl(), p.MaxRequestsPerMailbox(), p.MaxRequestsInFlight()))));
    }

    /** {@code Get-CsOnlineDialInConferencingTenantSettings}. */
    private void dialInSettings(Context ctx) {
        Query.of(ctx);
        ctx.json(admin.dialInTenantSettings(BearerAuthentication.tenant(ctx)));
    }

    /** {@code Set-CsOnlineDialInConferencingTenantSettings}. */
    private void setDialInSettings(Context ctx) {
        Query.of(ctx);
        Bodies.DialInTenantSettingsPatch p = body.read(ctx, Bodies.DialInTenantSettingsPatch.class);
        ctx.json(admin.setDialInTenantSettings(BearerAuthentication.tenant(ctx),
                new Requests.DialInTenantSettingsChange(p.AutomaticallyMigrateUserMeetings(), p.AutomaticallyReplaceAcpProvider())));
    }

    /** {@code Update-CsTenantMeetingUrl}. */
    private void updateMeetingUrl(Context ctx) {
        Admin admin = WhatIf.admin(ctx, this.admin);
        ctx.json(admin.updateTenantMeetingUrl(BearerAuthentication.tenant(ctx)));
    }
}
