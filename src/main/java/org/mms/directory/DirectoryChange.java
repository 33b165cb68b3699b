package org.mms.directory;

import java.util.Optional;
import org.mms.block.DialInNumber;
import org.mms.migration.MigrationType;

/**
 * One change an admin made, as it concerns one user. Operations that concern many users (a number
 * taken off a bridge, a new tenant meeting URL) become one change per user. The trigger policy
 * decides from the change and the user before and after whether the user's meetings are migrated.
 */
public sealed interface DirectoryChange {

    UserId user();

    /** {@code Move-CsUser} from a pool to the online service. */
    record MovedToOnline(UserId user, Optional<String> fromPool) implements DirectoryChange {
    }

    /** {@code Move-CsUser} from the online service back to a pool. */
    record MovedToOnPremises(UserId user, String pool) implements DirectoryChange {
    }

    record LicenceAssigned(UserId user) implements DirectoryChange {
    }

    record LicenceRemoved(UserId user) implements DirectoryChange {
    }

    /** {@code Enable-CsOnlineDialInConferencingUser}; with {@code replacedProvider} when it switched a third-party user to Microsoft. */
    record AudioConferencingEnabled(UserId user, boolean replacedProvider) implements DirectoryChange {
    }

    record AudioConferencingDisabled(UserId user) implements DirectoryChange {
    }

    /** {@code -ConferenceId} or {@code -ResetConferenceId}. */
    record ConferenceIdChanged(UserId user, boolean reset) implements DirectoryChange {
    }

    /** {@code -BridgeName} / {@code -BridgeId}. */
    record BridgeChanged(UserId user, Optional<String> fromBridge, String toBridge) implements DirectoryChange {
    }

    /** {@code -ServiceNumber} / {@code -TollFreeServiceNumber}, or a default number that had to move. */
    record DefaultNumberChanged(UserId user, DialInNumber.Kind kind, Optional<String> from, Optional<String> to)
            implements DirectoryChange {
    }

    /** {@code Unregister-CsOnlineDialInConferencingServiceNumber}, for one user on that bridge. */
    record ServiceNumberUnassigned(UserId user, String bridge, String number) implements DirectoryChange {
    }

    /** {@code Set-CsUser -SipAddress}. */
    record SipAddressChanged(UserId user, String from, String to) implements DirectoryChange {
    }

    /** {@code Update-CsTenantMeetingUrl}, for one user of the tenant. */
    record MeetingUrlUpdated(UserId user) implements DirectoryChange {
    }

    /** {@code Grant-CsTeamsUpgradePolicy} for this user. */
    record TeamsUpgradeGranted(UserId user, TeamsUpgradeMode mode) implements DirectoryChange {
    }

    /** {@code Start-CsExMeetingMigration}. */
    record ManualMigration(UserId user, MigrationType.SourceMeetingType source, MigrationType.TargetMeetingType target)
            implements DirectoryChange {
    }
}
