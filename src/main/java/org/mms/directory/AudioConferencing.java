package org.mms.directory;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mms.block.DialInNumber;

/**
 * A user's dial-in audio conferencing.
 *
 * @param licensed           holds the audio-conferencing licence
 * @param enabled            audio conferencing is switched on for them
 * @param provider           Microsoft (a bridge of the tenant) or a third-party ACP
 * @param bridgeId           the Microsoft bridge they are on
 * @param tollNumber         their default toll number (a number of the bridge)
 * @param tollFreeNumber     their default toll-free number (a number of the bridge)
 * @param conferenceId       their conference ID (digits)
 * @param publicMeetings     public meetings share the conference ID; private ones get their own
 * @param acpNumbers         a third-party provider's numbers, as it gave them
 * @param acpConferenceId    a third-party provider's conference code
 */
public record AudioConferencing(boolean licensed, boolean enabled, AudioProvider provider, Optional<String> bridgeId,
        Optional<String> tollNumber, Optional<String> tollFreeNumber, Optional<String> conferenceId, boolean publicMeetings,
        List<DialInNumber> acpNumbers, Optional<String> acpConferenceId) {

    public AudioConferencing {
        Objects.requireNonNull(provider, "provider");
        acpNumbers = List.copyOf(acpNumbers);
        conferenceId.ifPresent(id -> {
            if (!id.matches("[0-9]{4,20}")) {
                throw new IllegalArgumentException("a conference ID is 4 to 20 digits: " + id);
            }
        });
    }

    /** No audio conferencing at all. */
    public static AudioConferencing none() {
        return new AudioConferencing(false, false, AudioProvider.MICROSOFT, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), true, List.of(), Optional.empty());
    }

    /** Whether invitations show Microsoft dial-in coordinates. */
    public boolean microsoftDialIn() {
        return licensed && enabled && provider == AudioProvider.MICROSOFT && bridgeId.isPresent();
    }

    public AudioConferencing withLicence(boolean value) {
        return new AudioConferencing(value, enabled, provider, bridgeId, tollNumber, tollFreeNumber, conferenceId, publicMeetings,
                acpNumbers, acpConferenceId);
    }

    public AudioConferencing withEnabled(boolean value) {
        return new AudioConferencing(licensed, value, provider, bridgeId, tollNumber, tollFreeNumber, conferenceId, publicMeetings,
                acpNumbers, acpConferenceId);
    }

    public AudioConferencing withProvider(AudioProvider value) {
        return new AudioConferencing(licensed, enabled, value, bridgeId, tollNumber, tollFreeNumber, conferenceId, publicMeetings,
                acpNumbers, acpConferenceId);
    }

    public AudioConferencing withBridge(Optional<String> bridge, Optional<String> toll, Optional<String> tollFree) {
        return new AudioConferencing(licensed, enabled, provider, bridge, toll, tollFree, conferenceId, publicMeetings,
                acpNumbers, acpConferenceId);
    }

    public AudioConferencing withNumbers(Optional<String> toll, Optional<String> tollFree) {
        return new AudioConferencing(licensed, enabled, provider, bridgeId, toll, tollFree, conferenceId, publicMeetings,
                acpNumbers, acpConferenceId);
    }

    public AudioConferencing withConferenceId(Optional<String> value) {
        return new AudioConferencing(licensed, enabled, provider, bridgeId, tollNumber, tollFreeNumber, value, publicMeetings,
                acpNumbers, acpConferenceId);
    }
}
