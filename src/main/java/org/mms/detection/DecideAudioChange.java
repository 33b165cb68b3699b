package org.mms.detection;

import java.util.Optional;
import org.mms.block.DialInNumber;
import org.mms.detection.TriggerDecision.NoMigration;
import org.mms.detection.TriggerDecision.Queue;
import org.mms.directory.AudioProvider;
import org.mms.directory.DirectoryChange;
import org.mms.directory.DirectoryChange.AudioConferencingDisabled;
import org.mms.directory.DirectoryChange.AudioConferencingEnabled;
import org.mms.directory.DirectoryChange.BridgeChanged;
import org.mms.directory.DirectoryChange.ConferenceIdChanged;
import org.mms.directory.DirectoryChange.DefaultNumberChanged;
import org.mms.directory.DirectoryChange.LicenceAssigned;
import org.mms.directory.DirectoryChange.LicenceRemoved;
import org.mms.directory.DirectoryChange.ServiceNumberUnassigned;
import org.mms.directory.Hosting;
import org.mms.directory.TenantSettings;
import org.mms.directory.User;
import org.mms.migration.MigrationType;

/**
 * The audio-conferencing rows: licence assigned or removed, audio conferencing enabled or disabled,
 * conference ID changed or reset, another bridge, another default number, a number taken off the
 * bridge. In order, a migration needs: the user homed online; the change to concern them (public
 * meetings for a conference ID, the number shown for an unassigned number); a third-party user switched
 * to Microsoft only under {@code AutomaticallyReplaceAcpProvider}; Microsoft dial-in after the change;
 * something in the invitations to change; a reachable mailbox; {@code MeetingMigrationEnabled}; and
 * {@code AutomaticallyMigrateUserMeetings}. Meetings keep their type; only coordinates change
 * ({@code ToSameType}).
 */
final class DecideAudioChange {

    private DecideAudioChange() {
    }

    static TriggerDecision decide(DirectoryChange change, User before, User after, TenantSettings settings) {
        ShownDialIn was = ShownDialIn.of(before.audio());
        ShownDialIn now = ShownDialIn.of(after.audio());
        return Check.first(
                () -> homedOnPremises(after),
                () -> notShownByThisUser(change, after, was, now),
                () -> acpKept(change, before, settings),
                () -> thirdPartyProvider(after),
                () -> Check.when(was.equals(now), Gates.nothingChanges(sameDialIn(was))),
                () -> Gates.unreachableMailbox(after),
                () -> Gates.migrationDisabled(settings),
                () -> Gates.audioChangesNotMigrated(settings))
                .orElseGet(() -> new Queue(MigrationType.TO_SAME_TYPE, happened(change, before, after) + ": " + was.changeTo(now)));
    }

    /**
     * A user still homed on a pool meets with the pool's conferencing, not the online bridge: the article
     * advises assigning the licence before {@code Move-CsUser} precisely so that the move's migration is
     * the only one.
     */
    private static Optional<TriggerDecision> homedOnPremises(User after) {
        return Check.when(after.hosting() == Hosting.ON_PREMISES, new NoMigration(
                "the user is homed on-premises" + after.pool().map(p -> " (" + p + ")").orElse("")
                        + ": their meetings use the pool's conferencing, so this change reaches their invitations only when "
                        + "Move-CsUser moves them online, and that move migrates their meetings"));
    }

    /** The rows that concern only some users: public-meeting organizers, and those whose invitations show the number. */
    private static Optional<TriggerDecision> notShownByThisUser(DirectoryChange change, User after, ShownDialIn was,
            ShownDialIn now) {
        return switch (change) {
            case ConferenceIdChanged c -> Check.when(!after.audio().publicMeetings(), new NoMigration(
                    "the user schedules private meetings, which have their own conference IDs: their invitations do not show "
                            + "the " + (c.reset() ? "reset" : "changed") + " conference ID"));
            case ServiceNumberUnassigned(_, String bridge, String number) -> {
                if (!was.showsBridgeNumber(number)) {
                    yield Optional.of(new NoMigration("their invitations do not show " + number + ": "
                            + (was.source() == ShownDialIn.Source.MICROSOFT
                                    ? "it is not their default toll or toll-free number"
                                    : "they have no Microsoft dial-in")));
                }
                // The runbook moves users off a number before it is released; a user still on it has nothing new to show.
                yield Check.when(now.showsBridgeNumber(number), new NoMigration("their invitations show " + number
                        + ", which is still their default " + now.kindOf(number) + " number although it was unassigned from "
                        + bridge + ": give them another (Set-CsOnlineDialInConferencingUser -ServiceNumber or "
                        + "-TollFreeServiceNumber), and that change migrates their meetings"));
            }
            default -> Optional.empty();
        };
    }

    /**
     * Assigning the licence to a third-party-ACP user switches them to Microsoft only when the tenant
     * says so; otherwise they keep the provider's numbers and their invitations stay as they are.
     */
    private static Optional<TriggerDecision> acpKept(DirectoryChange change, User before, TenantSettings settings) {
        return Check.when(change instanceof LicenceAssigned && before.audio().provider() == AudioProvider.THIRD_PARTY
                && !settings.automaticallyReplaceAcpProvider(), new NoMigration(
                "AutomaticallyReplaceAcpProvider is off for the tenant: assigning the licence keeps the user on their "
                        + "third-party audio conferencing provider, whose numbers their invitations keep showing; run "
                        + "Enable-CsOnlineDialInConferencingUser -ReplaceProvider to switch them to Microsoft, which migrates "
                        + "their meetings"));
    }

    /** MMS updates only meetings on the Microsoft bridge (the article); a third-party provider's numbers are its own. */
    private static Optional<TriggerDecision> thirdPartyProvider(User after) {
        return Check.when(after.audio().provider() == AudioProvider.THIRD_PARTY, new NoMigration(
                "the user's audio conferencing is a third-party provider's: MMS updates only meetings on the Microsoft bridge, "
                        + "and their invitations keep the provider's numbers; run Enable-CsOnlineDialInConferencingUser "
                        + "-ReplaceProvider to switch them to Microsoft"));
    }

    private static String sameDialIn(ShownDialIn shown) {
        return switch (shown.source()) {
            case NONE -> "they show no dial-in numbers, before or after";
            case MICROSOFT -> "they show the same dial-in numbers and conference ID as before";
            case THIRD_PARTY -> "they show the same provider's numbers as before";
        };
    }

    private static String happened(DirectoryChange change, User before, User after) {
        return switch (change) {
            case LicenceAssigned _ -> before.audio().provider() == AudioProvider.THIRD_PARTY
                    && after.audio().provider() == AudioProvider.MICROSOFT
                            ? "the audio-conferencing licence was assigned and AutomaticallyReplaceAcpProvider switched the user "
                                    + "from their third-party provider to Microsoft"
                            : "the audio-conferencing licence was assigned";
            case LicenceRemoved _ -> "the audio-conferencing licence was removed";
            case AudioConferencingEnabled c -> c.replacedProvider()
                    ? "audio conferencing was enabled with Microsoft replacing their third-party provider"
                    : "audio conferencing was enabled";
            case AudioConferencingDisabled _ -> "audio conferencing was disabled";
            case ConferenceIdChanged c -> c.reset() ? "their conference ID was reset" : "their conference ID was changed";
            case BridgeChanged c -> "they were moved to bridge " + c.toBridge();
            case DefaultNumberChanged c -> "their default " + (c.kind() == DialInNumber.Kind.TOLL ? "toll" : "toll-free")
                    + " number was changed";
            case ServiceNumberUnassigned c -> c.number() + " was unassigned from bridge " + c.bridge();
            default -> throw new IllegalArgumentException("not an audio-conferencing change: " + change);
        };
    }
}
