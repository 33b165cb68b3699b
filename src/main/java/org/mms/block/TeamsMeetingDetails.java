package org.mms.block;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Teams block shows about the meeting itself rather than its audio: the meeting ID and passcode
 * people join with, the "Meeting options" page, and the "Download Teams | Join on the web" links. The
 * Teams service made them for this meeting; an audio change (conference ID, bridge, numbers) changes
 * none of them, so the block MMS renders for the same meeting shows them as the old one did.
 *
 * <p>Read without labels, as everything else in a block: the links by their addresses, the meeting ID as
 * the first "label: value" line near the top whose value is digits in groups of three (the phone
 * conference ID ends in {@code #} and never matches), the passcode as the "label: value" line right after it.
 */
public record TeamsMeetingDetails(Optional<String> meetingId, Optional<String> passcode, Optional<URI> meetingOptionsUrl,
        Optional<URI> downloadUrl, Optional<URI> webJoinUrl) {

    private static final Pattern MEETING_ID = Pattern.compile(
            "^[^\\d:：]{1,40}[:：][ \\t\\u00a0]*([0-9]{3}(?:[ \\u00a0][0-9]{1,3}){2,5})[ \\t\\u00a0]*$");
    private static final Pattern PASSCODE = Pattern.compile("^[^:：]{1,40}[:：][ \\t\\u00a0]*([A-Za-z0-9]{1,32})[ \\t\\u00a0]*$");

    /** The details {@code shown} in a Teams block; nothing for a Skype block. */
    public static TeamsMeetingDetails of(ShownCoordinates shown) {
        if (shown.type() != MeetingType.TEAMS) {
            return new TeamsMeetingDetails(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
        Optional<String> meetingId = Optional.empty();
        Optional<String> passcode = Optional.empty();
        String[] lines = shown.text().split("\r?\n");
        int firstLink = 0;
        while (firstLink < lines.length && Links.in(lines[firstLink]).isEmpty()) {
            firstLink++;
        }
        // Every template shows the meeting ID within two lines of its first link (the join link, or T3's
        // help link just before it); further down a "Video Conference ID" of the video section looks the same.
        for (int i = firstLink + 1; i < Math.min(lines.length, firstLink + 3) && meetingId.isEmpty(); i++) {
            Matcher id = MEETING_ID.matcher(lines[i].strip());
            if (id.matches()) {
                meetingId = Optional.of(id.group(1).replaceAll("[^0-9]", ""));
                Matcher code = i + 1 < lines.length ? PASSCODE.matcher(lines[i + 1].strip()) : null;
                if (code != null && code.matches()) {
                    passcode = Optional.of(code.group(1));
                }
            }
        }
        return new TeamsMeetingDetails(meetingId, passcode, link(shown.links(), "/meetingoptions"),
                link(shown.links(), "microsoft-teams/download-app"), link(shown.links(), "microsoft-teams/join-a-meeting"));
    }

    /**
     * {@code target} with these details where it has none of its own, when it is a Teams meeting that keeps
     * {@code currentJoinLink} (the same meeting); otherwise {@code target} as it is.
     */
    public Coordinates keptIn(Coordinates target, Optional<String> currentJoinLink) {
        if (target.type() != MeetingType.TEAMS
                || currentJoinLink.filter(link -> Links.same(link, target.joinUrl().toString())).isEmpty()) {
            return target;
        }
        return new Coordinates(target.type(), target.joinUrl(), target.meetingId().or(this::meetingId),
                target.passcode().or(this::passcode), target.conferenceId(), target.dialIn(), target.localNumbersUrl(),
                target.pinResetUrl(), target.helpUrl(), target.meetingOptionsUrl().or(this::meetingOptionsUrl), target.locale(),
                target.downloadUrl().or(this::downloadUrl), target.webJoinUrl().or(this::webJoinUrl));
    }

    /** The first http(s) link with a host whose address contains {@code part} (any case). */
    private static Optional<URI> link(List<String> links, String part) {
        for (String link : links) {
            if (!link.toLowerCase(Locale.ROOT).contains(part)) {
                continue;
            }
            try {
                URI uri = new URI(link);
                if (uri.getHost() != null) {
                    return Optional.of(uri);
                }
            } catch (URISyntaxException e) {
                // Not a link a block can show again: leave it out.
            }
        }
        return Optional.empty();
    }
}
