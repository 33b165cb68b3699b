package org.mms.detection;

import org.mms.directory.TenantSettings;

/** Tenant settings: the original service's defaults, with the switches the trigger table reads turned as a test needs. */
final class Settings {

    private boolean meetingMigrationEnabled = true;
    private boolean automaticallyMigrateUserMeetings = true;
    private boolean automaticallyReplaceAcpProvider = false;
    private boolean migrateOnSipAddressChange = false;
    private boolean migrateOnMeetingUrlChange = false;

    private Settings() {
    }

    static TenantSettings defaults() {
        return tenant().build();
    }

    static Settings tenant() {
        return new Settings();
    }

    Settings meetingMigrationEnabled(boolean value) {
        meetingMigrationEnabled = value;
        return this;
    }

    Settings automaticallyMigrateUserMeetings(boolean value) {
        automaticallyMigrateUserMeetings = value;
        return this;
    }

    Settings automaticallyReplaceAcpProvider(boolean value) {
        automaticallyReplaceAcpProvider = value;
        return this;
    }

    Settings migrateOnSipAddressChange(boolean value) {
        migrateOnSipAddressChange = value;
        return this;
    }

    Settings migrateOnMeetingUrlChange(boolean value) {
        migrateOnMeetingUrlChange = value;
        return this;
    }

    TenantSettings build() {
        TenantSettings d = TenantSettings.defaults("contoso", "contoso.com");
        return new TenantSettings(meetingMigrationEnabled, automaticallyMigrateUserMeetings, automaticallyReplaceAcpProvider,
                migrateOnSipAddressChange, migrateOnMeetingUrlChange, d.settleWindow(), d.attendeeLimit(), d.retryAttempts(),
                d.retryWindow(), d.retention(), d.onlineMeetingUrl(), d.onPremisesMeetingUrl(), d.teamsJoinUrlTemplate(),
                d.localNumbersUrl(), d.pinResetUrl(), d.helpUrl(), d.requireAddInProperties(), d.customFooter(), d.pacing());
    }
}
