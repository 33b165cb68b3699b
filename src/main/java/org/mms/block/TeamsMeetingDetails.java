package org.mms.block;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
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
 * the first "label: value" line whose value is digits in groups of three, above the video and dial-in
 * sections, the passcode as the "label: value" line right after it.
 */
public record TeamsMeetingDetails(Optional<String> meetingId, Optional<String> passcode, Optional<URI> meetingOptionsUrl,
        Optional<URI> downloadUrl, Optional<URI> webJoinUrl) {

    private static final Pattern MEETING_ID = Pattern.compile(
            "^[^\\d:：]{1,40}[:：][ \\t\\u00a0]*([0-9]{3}(?:[ \\u00a0][0-9]{1,3}){2,5})[ \\t\\u00a0]*$");
    private static final Pattern PASSCODE = Pattern.compile("^[^:：]{1,40}[:：][ \\t\\u00a0]*([A-Za-z0-9]{1,32})[ \\t\\u00a0]*$");

    /** The details {@code shown} in a Teams block; nothing for a Skype block. */
    public static TeamsMeetingDetails of(ShownCoordinates shown) {
        return of(shown, List.of());
    }

    /** As {@link #of(ShownCoordinates)}, with the links an HTML block has behind its labels ({@code hrefs}). */
    public static TeamsMeetingDetails of(ShownCoordinates shown, List<String> hrefs) {
        if (shown.type() != MeetingType.TEAMS) {
            return new TeamsMeetingDetails(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
        Optional<String> meetingId = Optional.empty();
        Optional<String> passcode = Optional.empty();
        String[] lines = shown.text().split("\r?\n");
        // The meeting ID comes before the video and dial-in sections, which start with a device address
        // (key@partner) or a number to dial (…#): a "Video Conference ID" down there looks the same.
        for (int i = 0; i < lines.length && meetingId.isEmpty(); i++) {
            String line = withoutLinks(lines[i]);
            if (line.indexOf('@') >= 0 || line.indexOf('#') >= 0) {
                break;
            }
            Matcher id = MEETING_ID.matcher(line.strip());
            if (id.matches()) {
                meetingId = Optional.of(id.group(1).replaceAll("[^0-9]", ""));
                Matcher code = i + 1 < lines.length ? PASSCODE.matcher(withoutLinks(lines[i + 1]).strip()) : null;
                if (code != null && code.matches()) {
                    passcode = Optional.of(code.group(1));
                }
            }
        }
        List<String> links = new ArrayList<>(shown.links());
        links.addAll(hrefs);
        return new TeamsMeetingDetails(meetingId, passcode, link(links, "/meetingoptions"),
                link(links, "microsoft-teams/download-app"), link(links, "microsoft-teams/join-a-meeting"));
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
                target.downloadUrl().or(this::downloadUrl), target.webJoinUrl().or(this::webJoinUrl), target.footer());
    }

    private static String withoutLinks(String line) {
        StringBuilder sb = new StringBuilder(line);
        Links.forEach(line, (start, end) -> {
            for (int k = start; k < end; k++) {
                sb.setCharAt(k, ' ');
            }
        });
        return sb.toString();
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
