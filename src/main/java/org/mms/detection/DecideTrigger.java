package org.mms.detection;

import java.util.Objects;
import org.mms.directory.DirectoryChange;
import org.mms.directory.DirectoryChange.AudioConferencingDisabled;
import org.mms.directory.DirectoryChange.AudioConferencingEnabled;
import org.mms.directory.DirectoryChange.BridgeChanged;
import org.mms.directory.DirectoryChange.ConferenceIdChanged;
import org.mms.directory.DirectoryChange.DefaultNumberChanged;
import org.mms.directory.DirectoryChange.LicenceAssigned;
import org.mms.directory.DirectoryChange.LicenceRemoved;
import org.mms.directory.DirectoryChange.ManualMigration;
import org.mms.directory.DirectoryChange.MeetingUrlUpdated;
import org.mms.directory.DirectoryChange.MovedToOnPremises;
import org.mms.directory.DirectoryChange.MovedToOnline;
import org.mms.directory.DirectoryChange.ServiceNumberUnassigned;
import org.mms.directory.DirectoryChange.SipAddressChanged;
import org.mms.directory.DirectoryChange.TeamsUpgradeGranted;
import org.mms.directory.TenantSettings;
import org.mms.directory.User;

/**
 * The trigger policy (DESIGN §3): from a change to one user, the user before and after it and the
 * tenant's settings, whether to queue a migration of their future meetings, and why not when not.
 * Stateless and pure; one instance serves every tenant.
 */
public final class DecideTrigger {

    public TriggerDecision decide(DirectoryChange change, User before, User after, TenantSettings settings) {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(settings, "settings");
        // Deciding on someone else's settings would be a bug in the caller, not a decision to record.
        if (!before.id().equals(change.user()) || !after.id().equals(change.user())) {
            throw new IllegalArgumentException("the change concerns user " + change.user() + " but was given users "
                    + before.id() + " and " + after.id());
        }
        // Exhaustive: a new kind of change does not compile until it has a row here.
        return switch (change) {
            case MovedToOnline c -> DecideMove.toOnline(c, before, after, settings);
            case MovedToOnPremises c -> DecideMove.toOnPremises(c, before);
            case LicenceAssigned _, LicenceRemoved _, AudioConferencingEnabled _, AudioConferencingDisabled _,
                    ConferenceIdChanged _, BridgeChanged _, DefaultNumberChanged _, ServiceNumberUnassigned _ ->
                    DecideAudioChange.decide(change, before, after, settings);
            case SipAddressChanged _ -> DecideAddressChange.sipAddress(before, after, settings);
            case MeetingUrlUpdated _ -> DecideAddressChange.meetingUrl(after, settings);
            case TeamsUpgradeGranted c -> DecideTeamsUpgrade.decide(c, before, after, settings);
            case ManualMigration c -> DecideManualRun.decide(c, after, settings);
        };
    }
}
