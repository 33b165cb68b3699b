package org.mms.block;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything an online-meeting block shows: where to join, how to dial in, where to get help.
 * A meeting's coordinates are a pure function of its registration and its organizer's settings.
 *
 * @param type              Skype for Business or Teams; decides the block's shape
 * @param joinUrl           the join link (http or https)
 * @param meetingId         Teams "Meeting ID" (digits, shown in groups of three), if any
 * @param passcode          Teams meeting passcode, if any
 * @param conferenceId      the audio-conferencing conference ID (digits), if dial-in is on
 * @param dialIn            dial-in numbers, toll first; empty when the organizer has no audio conferencing
 * @param localNumbersUrl   "Find a local number" page
 * @param pinResetUrl       "Reset PIN" / "Forgot your dial-in PIN?" page
 * @param helpUrl           "Help" / "Learn more" page
 * @param meetingOptionsUrl Teams "Meeting options" page
 * @param locale            language of the labels, e.g. en-US or de-DE
 * @param downloadUrl       Teams "Download Teams" page
 * @param webJoinUrl        Teams "Join on the web" page
 * @param footer            the organization's own text at the end of the block, if it configured one
 */
public record Coordinates(
        MeetingType type,
        URI joinUrl,
        Optional<String> meetingId,
        Optional<String> passcode,
        Optional<String> conferenceId,
        List<DialInNumber> dialIn,
        Optional<URI> localNumbersUrl,
        Optional<URI> pinResetUrl,
        Optional<URI> helpUrl,
        Optional<URI> meetingOptionsUrl,
        Locale locale,
        Optional<URI> downloadUrl,
        Optional<URI> webJoinUrl,
        Optional<CustomFooter> footer) {

    public Coordinates {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(locale, "locale");
        requireWebLink("joinUrl", joinUrl);
        meetingId.ifPresent(id -> requireDigits("meetingId", id));
        conferenceId.ifPresent(id -> requireDigits("conferenceId", id));
        passcode.ifPresent(p -> {
            if (!p.matches("[A-Za-z0-9]{1,32}")) {
                throw new IllegalArgumentException("passcode must be 1 to 32 letters or digits: " + p);
            }
        });
        dialIn = List.copyOf(dialIn);
        localNumbersUrl.ifPresent(u -> requireWebLink("localNumbersUrl", u));
        pinResetUrl.ifPresent(u -> requireWebLink("pinResetUrl", u));
        helpUrl.ifPresent(u -> requireWebLink("helpUrl", u));
        meetingOptionsUrl.ifPresent(u -> requireWebLink("meetingOptionsUrl", u));
        downloadUrl.ifPresent(u -> requireWebLink("downloadUrl", u));
        webJoinUrl.ifPresent(u -> requireWebLink("webJoinUrl", u));
        Objects.requireNonNull(footer, "footer");
    }

    /**
     * Coordinates without the "Download Teams | Join on the web" links, which only a meeting's own block gives,
     * and without a footer.
     */
    public Coordinates(MeetingType type, URI joinUrl, Optional<String> meetingId, Optional<String> passcode,
            Optional<String> conferenceId, List<DialInNumber> dialIn, Optional<URI> localNumbersUrl, Optional<URI> pinResetUrl,
            Optional<URI> helpUrl, Optional<URI> meetingOptionsUrl, Locale locale) {
        this(type, joinUrl, meetingId, passcode, conferenceId, dialIn, localNumbersUrl, pinResetUrl, helpUrl, meetingOptionsUrl,
                locale, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** These coordinates with {@code footer} at the end of the block instead of the one they have. */
    public Coordinates withFooter(Optional<CustomFooter> value) {
        return new Coordinates(type, joinUrl, meetingId, passcode, conferenceId, dialIn, localNumbersUrl, pinResetUrl, helpUrl,
                meetingOptionsUrl, locale, downloadUrl, webJoinUrl, value);
    }

    public boolean hasDialIn() {
        return !dialIn.isEmpty();
    }

    private static void requireWebLink(String what, URI uri) {
        Objects.requireNonNull(uri, what);
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http")) || uri.getHost() == null) {
            throw new IllegalArgumentException(what + " must be an http or https link with a host: " + uri);
        }
    }

    private static void requireDigits(String what, String value) {
        if (!value.matches("[0-9]{1,20}")) {
            throw new IllegalArgumentException(what + " must be 1 to 20 digits: " + value);
        }
    }
}
