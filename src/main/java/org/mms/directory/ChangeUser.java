package org.mms.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.mms.block.DialInNumber;
import org.mms.block.MeetingType;

/**
 * The admin operations on one user, as pure functions: the user before and the parameters in, the
 * user after and the changes made out. Refusals (a number that is not on the bridge, a conference ID
 * that is not digits) are {@link InvalidChangeException}s with a message for the admin. Only what
 * really changes produces a change, so a no-op command triggers nothing.
 */
public final class ChangeUser {

    /** The user after an operation, and what changed (possibly nothing). */
    public record Changed(User before, User after, List<DirectoryChange> changes) {
        public Changed {
            changes = List.copyOf(changes);
        }
    }

    /** The operation cannot be carried out as asked. */
    public static final class InvalidChangeException extends RuntimeException {
        public InvalidChangeException(String message) {
            super(message);
        }
    }

    private ChangeUser() {
    }

    /** {@code Move-CsUser} to the online service: meetings are converted to Teams (TeamsOnly), as the service does today. */
    public static Changed moveToOnline(User user) {
        if (user.hosting() == Hosting.ONLINE) {
            return new Changed(user, user, List.of());
        }
        User after = user.withHosting(Hosting.ONLINE, Optional.empty()).withMeetingType(MeetingType.TEAMS)
                .withUpgradeMode(TeamsUpgradeMode.TEAMS_ONLY);
        return new Changed(user, after, List.of(new DirectoryChange.MovedToOnline(user.id(), user.pool())));
    }

    /** {@code Move-CsUser} back to a pool. */
    public static Changed moveToPool(User user, String pool) {
        if (pool == null || pool.isBlank()) {
            throw new InvalidChangeException("a pool is needed to move a user on-premises");
        }
        if (user.hosting() == Hosting.ON_PREMISES && user.pool().map(p -> p.equalsIgnoreCase(pool)).orElse(false)) {
            return new Changed(user, user, List.of());
        }
        User after = user.withHosting(Hosting.ON_PREMISES, Optional.of(pool)).withMeetingType(MeetingType.SKYPE);
        return new Changed(user, after, List.of(new DirectoryChange.MovedToOnPremises(user.id(), pool)));
    }

    /** Assigning or removing the audio-conferencing licence. A third-party ACP user is switched to Microsoft only when the tenant says so. */
    public static Changed setLicence(User user, boolean assigned, TenantSettings settings) {
        if (user.audio().licensed() == assigned) {
            return new Changed(user, user, List.of());
        }
        AudioConferencing audio = user.audio().withLicence(assigned);
        if (assigned && audio.provider() == AudioProvider.THIRD_PARTY && settings.automaticallyReplaceAcpProvider()) {
            audio = audio.withProvider(AudioProvider.MICROSOFT);
        }
        if (assigned && !audio.enabled() && audio.provider() == AudioProvider.MICROSOFT) {
            audio = audio.withEnabled(true);
        }
        User after = user.withAudio(audio);
        DirectoryChange change = assigned ? new DirectoryChange.LicenceAssigned(user.id()) : new DirectoryChange.LicenceRemoved(user.id());
        return new Changed(user, after, List.of(change));
    }

    /** {@code Enable-CsOnlineDialInConferencingUser [-ReplaceProvider]}. */
    public static Changed enable(User user, boolean replaceProvider) {
        AudioConferencing audio = user.audio();
        if (!audio.licensed()) {
            throw new InvalidChangeException(user.upn() + " has no audio-conferencing licence; assign it first");
        }
        boolean replace = replaceProvider && audio.provider() == AudioProvider.THIRD_PARTY;
        if (audio.enabled() && !replace) {
            return new Changed(user, user, List.of());
        }
        AudioConferencing after = audio.withEnabled(true);
        if (replace) {
            after = after.withProvider(AudioProvider.MICROSOFT);
        }
        return new Changed(user, user.withAudio(after), List.of(new DirectoryChange.AudioConferencingEnabled(user.id(), replace)));
    }

    /** {@code Disable-CsOnlineDialInConferencingUser}. */
    public static Changed disable(User user) {
        if (!user.audio().enabled()) {
            return new Changed(user, user, List.of());
        }
        return new Changed(user, user.withAudio(user.audio().withEnabled(false)),
                List.of(new DirectoryChange.AudioConferencingDisabled(user.id())));
    }

    /** The parameters of {@code Set-CsOnlineDialInConferencingUser}. */
    public record DialInSettings(Optional<Bridge> bridge, Optional<String> serviceNumber, Optional<String> tollFreeServiceNumber,
            Optional<String> conferenceId, boolean resetConferenceId) {
    }

    /**
     * {@code Set-CsOnlineDialInConferencingUser}: another bridge (its default toll number unless one is
     * given), other default numbers (which must be on the user's bridge), a new or reset conference ID.
     * {@code currentBridge} is the user's bridge as it is now.
     */
    public static Changed setDialIn(User user, DialInSettings s, Optional<Bridge> currentBridge, RandomGenerator random) {
        if (user.audio().provider() == AudioProvider.THIRD_PARTY) {
            throw new InvalidChangeException(user.upn() + " uses a third-party audio-conferencing provider; this cmdlet does not apply");
        }
        if (s.conferenceId().isPresent() && s.resetConferenceId()) {
            throw new InvalidChangeException("give either -ConferenceId or -ResetConferenceId, not both");
        }
        List<DirectoryChange> changes = new ArrayList<>();
        AudioConferencing audio = user.audio();
        Optional<Bridge> bridge = s.bridge().or(() -> currentBridge);

        if (s.bridge().isPresent() && !s.bridge().get().id().equals(audio.bridgeId().orElse(null))) {
            Bridge to = s.bridge().get();
            Optional<String> toll = to.defaultNumber().or(() -> firstOf(to, DialInNumber.Kind.TOLL));
            audio = audio.withBridge(Optional.of(to.id()), toll, Optional.empty());
            changes.add(new DirectoryChange.BridgeChanged(user.id(), user.audio().bridgeId(), to.name()));
        }
        if (s.serviceNumber().isPresent()) {
            String number = onBridge(s.serviceNumber().get(), DialInNumber.Kind.TOLL, bridge, user);
            if (!audio.tollNumber().equals(Optional.of(number))) {
                changes.add(new DirectoryChange.DefaultNumberChanged(user.id(), DialInNumber.Kind.TOLL, audio.tollNumber(), Optional.of(number)));
                audio = audio.withNumbers(Optional.of(number), audio.tollFreeNumber());
            }
        }
        if (s.tollFreeServiceNumber().isPresent()) {
            String number = onBridge(s.tollFreeServiceNumber().get(), DialInNumber.Kind.TOLL_FREE, bridge, user);
            if (!audio.tollFreeNumber().equals(Optional.of(number))) {
                changes.add(new DirectoryChange.DefaultNumberChanged(user.id(), DialInNumber.Kind.TOLL_FREE, audio.tollFreeNumber(),
                        Optional.of(number)));
                audio = audio.withNumbers(audio.tollNumber(), Optional.of(number));
            }
        }
        if (s.conferenceId().isPresent()) {
            String id = s.conferenceId().get().replaceAll("[\\s-]", "");
            if (!id.matches("[0-9]{4,20}")) {
                throw new InvalidChangeException("a conference ID is 4 to 20 digits, not " + s.conferenceId().get());
            }
            if (!audio.conferenceId().equals(Optional.of(id))) {
                audio = audio.withConferenceId(Optional.of(id));
                changes.add(new DirectoryChange.ConferenceIdChanged(user.id(), false));
            }
        }
        if (s.resetConferenceId()) {
            String id;
            do {
                id = Long.toString(100_000_000L + random.nextLong(900_000_000L));
            } while (audio.conferenceId().equals(Optional.of(id)));
            audio = audio.withConferenceId(Optional.of(id));
            changes.add(new DirectoryChange.ConferenceIdChanged(user.id(), true));
        }
        return new Changed(user, user.withAudio(audio), changes);
    }

    /** {@code Set-CsUser -SipAddress}. */
    public static Changed setSipAddress(User user, String sipAddress) {
        String sip = sipAddress.strip().replaceFirst("(?i)^sip:", "");
        if (!sip.matches("[^@\\s]+@[^@\\s]+")) {
            throw new InvalidChangeException("a SIP address looks like user@domain, not " + sipAddress);
        }
        if (sip.equalsIgnoreCase(user.sipAddress())) {
            return new Changed(user, user, List.of());
        }
        return new Changed(user, user.withSipAddress(sip), List.of(new DirectoryChange.SipAddressChanged(user.id(), user.sipAddress(), sip)));
    }

    /** {@code Grant-CsTeamsUpgradePolicy} for one user. */
    public static Changed grantUpgrade(User user, TeamsUpgradeMode mode) {
        if (mode == TeamsUpgradeMode.TEAMS_ONLY && user.hosting() != Hosting.ONLINE) {
            throw new InvalidChangeException("TeamsOnly can only be granted to users homed online; move " + user.upn() + " with Move-CsUser");
        }
        if (user.upgradeMode() == mode) {
            return new Changed(user, user, List.of());
        }
        User after = user.withUpgradeMode(mode);
        if (mode.meetsInTeams()) {
            after = after.withMeetingType(MeetingType.TEAMS);
        }
        return new Changed(user, after, List.of(new DirectoryChange.TeamsUpgradeGranted(user.id(), mode)));
    }

    /**
     * A number taken off {@code bridge}: every user on it gets the change (the policy decides who shows
     * it), and a user whose default it was moves to the bridge's default toll number (or loses the
     * toll-free one).
     */
    public static Changed numberUnassigned(User user, Bridge bridgeAfter, String number) {
        AudioConferencing audio = user.audio();
        Optional<String> toll = audio.tollNumber().filter(n -> !n.equals(number))
                .or(() -> audio.tollNumber().isPresent() ? bridgeAfter.defaultNumber().or(() -> firstOf(bridgeAfter, DialInNumber.Kind.TOLL))
                        : Optional.empty());
        Optional<String> tollFree = audio.tollFreeNumber().filter(n -> !n.equals(number));
        User after = user.withAudio(audio.withNumbers(toll, tollFree));
        return new Changed(user, after, List.of(new DirectoryChange.ServiceNumberUnassigned(user.id(), bridgeAfter.name(), number)));
    }

    private static String onBridge(String given, DialInNumber.Kind kind, Optional<Bridge> bridge, User user) {
        String number = given.strip().replaceFirst("(?i)^tel:", "").replaceAll("[\\s()\\-.]", "");
        String e164 = number.startsWith("+") ? number : "+" + number;
        Bridge b = bridge.orElseThrow(() -> new InvalidChangeException(user.upn() + " is on no bridge; give -BridgeName"));
        ServiceNumber found = b.number(e164).orElseThrow(() -> new InvalidChangeException(e164 + " is not a number of bridge " + b.name()));
        if (found.kind() != kind) {
            throw new InvalidChangeException(e164 + " is a " + found.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                    + " number; it cannot be the default " + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + " number");
        }
        return e164;
    }

    private static Optional<String> firstOf(Bridge bridge, DialInNumber.Kind kind) {
        return bridge.numbers().stream().filter(n -> n.kind() == kind).map(ServiceNumber::number).findFirst();
    }
}
