package org.mms.detection;

import org.mms.detection.TriggerDecision.NoMigration;
import org.mms.detection.TriggerDecision.Queue;
import org.mms.directory.Hosting;
import org.mms.directory.TenantSettings;
import org.mms.directory.User;
import org.mms.migration.MigrationType;

/**
 * A new SIP address or a new tenant meeting URL changes Skype join links. The article says neither
 * triggers a migration, so by default neither does; each has an opt-in tenant setting. Teams links
 * carry neither, so only Skype meetings are touched ({@code SfbToSfb}).
 */
final class DecideAddressChange {

    private DecideAddressChange() {
    }

    static TriggerDecision sipAddress(User before, User after, TenantSettings settings) {
        return Check.first(
                // SIP addresses compare without case, as everywhere else.
                () -> Check.when(before.sipAddress().equalsIgnoreCase(after.sipAddress()),
                        Gates.nothingChanges("the new SIP address is the old one")),
                () -> Gates.unreachableMailbox(after),
                () -> Gates.migrationDisabled(settings),
                () -> Check.when(!settings.migrateOnSipAddressChange(), new NoMigration(
                        "a SIP address change does not migrate meetings by default, as in the original service: their Skype "
                                + "meeting links still name " + before.sipAddress() + "; turn on MigrateOnSipAddressChange "
                                + "(Set-CsTenantMigrationConfiguration), or run Start-CsExMeetingMigration -SourceMeetingType SfB "
                                + "for this user")))
                .orElseGet(() -> new Queue(MigrationType.SFB_TO_SFB, "their SIP address changed from " + before.sipAddress()
                        + " to " + after.sipAddress() + " and MigrateOnSipAddressChange is on: their Skype meeting links follow "
                        + "the new address"));
    }

    static TriggerDecision meetingUrl(User after, TenantSettings settings) {
        return Check.first(
                // A pool's join links use the pool's own meeting URL, which Update-CsTenantMeetingUrl leaves alone.
                () -> Check.when(after.hosting() == Hosting.ON_PREMISES,
                        Gates.nothingChanges("the user is homed on-premises, where join links use the pool's meeting URL")),
                () -> Gates.unreachableMailbox(after),
                () -> Gates.migrationDisabled(settings),
                () -> Check.when(!settings.migrateOnMeetingUrlChange(), new NoMigration(
                        "Update-CsTenantMeetingUrl does not migrate meetings by default, as in the original service: their Skype "
                                + "meeting links keep the old URL and stop working; turn on MigrateOnMeetingUrlChange "
                                + "(Set-CsTenantMigrationConfiguration), or run Start-CsExMeetingMigration -SourceMeetingType SfB "
                                + "for this user")))
                .orElseGet(() -> new Queue(MigrationType.SFB_TO_SFB, "the tenant's meeting URL was updated and "
                        + "MigrateOnMeetingUrlChange is on: their Skype meeting links move to " + settings.onlineMeetingUrl()));
    }
}
