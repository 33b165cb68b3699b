package org.mms.block;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads whom a join link names as organizer (see {@link JoinLinkOwner}); any text is safe to give it. */
final class ReadJoinLinkOwner {

    /** Longer values are not links anyone's meeting has; reading them would only cost time. */
    private static final int MAX_LINK = 4096;
    /** The Teams hosts whose meeting-options page names the organizer. */
    private static final Set<String> TEAMS_HOSTS = Set.of("teams.microsoft.com", "gov.teams.microsoft.us", "dod.teams.microsoft.us");
    /** The conference keys Skype for Business makes: letters and digits, usually 8 of them. */
    private static final Pattern CONFERENCE_KEY = Pattern.compile("[A-Za-z0-9]{4,32}");
    /** The user part of a SIP address as it appears in a path (percent-escapes decoded). */
    private static final Pattern SIP_USER = Pattern.compile("[A-Za-z0-9._+'!#$&*=?^`{|}~-]{1,64}");
    private static final String GUID_TEXT = "[0-9A-Fa-f]{8}(?:-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}";
    private static final Pattern GUID = Pattern.compile(GUID_TEXT);
    private static final Pattern CONTEXT_OBJECT_ID = Pattern.compile("\"Oid\"\\s*:\\s*\"(" + GUID_TEXT + ")\"");
    private static final Pattern CONTEXT_TENANT_ID = Pattern.compile("\"Tid\"\\s*:\\s*\"(" + GUID_TEXT + ")\"");

    private ReadJoinLinkOwner() {
    }

    /**
     * Reads a link only where {@link JoinLinkType} knows its kind, so that what counts as a Skype or Teams link
     * is decided in one place; the Teams meeting-options page, which is no join link, names the organizer too.
     */
    static Optional<JoinLinkOwner> of(String link) {
        if (link == null || link.length() > MAX_LINK) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(link.strip());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String host = uri.getHost();
        String path = uri.getRawPath();
        if (host == null || path == null) {
            return Optional.empty();
        }
        Optional<MeetingType> type = JoinLinkType.of(link);
        if (type.isPresent()) {
            return type.get() == MeetingType.TEAMS ? teams(path, uri.getRawQuery()) : skype(path);
        }
        boolean meetingOptions = TEAMS_HOSTS.contains(host.toLowerCase(Locale.ROOT))
                && path.toLowerCase(Locale.ROOT).startsWith("/meetingoptions");
        return meetingOptions ? teams(path, uri.getRawQuery()) : Optional.empty();
    }

    /**
     * A Teams join link names the organizer's object id in its {@code context} ({@code "Oid"}); the
     * meeting-options link Teams puts in the same block names it as {@code organizerId}.
     */
    private static Optional<JoinLinkOwner> teams(String path, String query) {
        if (query == null) {
            return Optional.empty();
        }
        String lowerPath = path.toLowerCase(Locale.ROOT);
        boolean join = lowerPath.startsWith("/l/meetup-join/");
        boolean options = lowerPath.startsWith("/meetingoptions");
        if (!join && !options) {
            return Optional.empty();
        }
        String objectId = null;
        String tenantId = "";
        for (String pair : query.split("&", 16)) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = pair.substring(0, eq);
            String value = decode(pair.substring(eq + 1));
            if (join && name.equalsIgnoreCase("context")) {
                Matcher oid = CONTEXT_OBJECT_ID.matcher(value);
                Matcher tid = CONTEXT_TENANT_ID.matcher(value);
                objectId = oid.find() ? oid.group(1) : null;
                tenantId = tid.find() ? tid.group(1) : "";
            } else if (options && name.equalsIgnoreCase("organizerId") && GUID.matcher(value).matches()) {
                objectId = value;
            } else if (options && name.equalsIgnoreCase("tenantId") && GUID.matcher(value).matches()) {
                tenantId = value;
            }
        }
        return objectId == null ? Optional.empty()
                : Optional.of(new JoinLinkOwner.TeamsObject(objectId.toLowerCase(Locale.ROOT), tenantId.toLowerCase(Locale.ROOT)));
    }

    /**
     * A Skype for Business meeting's simple URL ({@code https://meet.contoso.com/alice/Q7WX2M9Z},
     * {@code https://contoso.com/meet/alice/Q7WX2M9Z}, {@code https://meet.lync.com/contoso/alice/Q7WX2M9Z}): the last
     * two path segments are the organizer's SIP user and the conference key.
     */
    private static Optional<JoinLinkOwner> skype(String path) {
        String[] segments = path.replaceAll("/+$", "").split("/", 8);
        if (segments.length < 3) {
            return Optional.empty();
        }
        String user = decode(segments[segments.length - 2]);
        String key = segments[segments.length - 1];
        if (!SIP_USER.matcher(user).matches() || !CONFERENCE_KEY.matcher(key).matches()) {
            return Optional.empty();
        }
        return Optional.of(new JoinLinkOwner.SkypeUser(user.toLowerCase(Locale.ROOT), key));
    }

    /** Percent-escapes decoded (twice at most: Outlook sometimes escapes an escaped context again); malformed ones kept. */
    private static String decode(String raw) {
        String s = raw;
        for (int round = 0; round < 2 && s.indexOf('%') >= 0; round++) {
            try {
                s = URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                return s;
            }
        }
        return s;
    }
}
