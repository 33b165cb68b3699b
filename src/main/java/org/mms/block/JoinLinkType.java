package org.mms.block;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The kind of meeting a join link belongs to, read from its host and path. A link says more than the
 * block's fences: consumer Teams (teams.live.com) and Outlook.com draw Teams blocks between Skype's
 * 137-dot fences, but their join links are Teams links all the same.
 *
 * <p>Teams: {@code /l/meetup-join/…} and {@code /meet/…} on the Teams hosts (business, free, US government).
 * Skype for Business: any link on {@code lync.com} (Skype for Business Online), and an organization's own
 * meeting host, which the Skype for Business Server's simple URL makes either {@code https://host/meet/<user>/<key>}
 * or {@code https://meet.<domain>/<user>/<key>} (or a host named for Lync, Skype or SfB).
 * Anything else, and anything that is not a link at all, has no known kind.
 */
public final class JoinLinkType {

    private static final Set<String> TEAMS_HOSTS = Set.of("teams.microsoft.com", "teams.live.com", "gov.teams.microsoft.us",
            "dod.teams.microsoft.us");

    /** Other services whose links look like a meeting host's ({@code meet.google.com/lookup/…}, Webex's {@code /meet/…}). */
    private static final List<String> OTHER_SERVICES = List.of("google.com", "zoom.us", "webex.com");

    private JoinLinkType() {
    }

    /** The meeting type {@code link} joins, when its shape is known. */
    public static Optional<MeetingType> of(String link) {
        if (link == null) {
            return Optional.empty();
        }
        String s = link.strip();
        int schemeEnd = s.indexOf("://");
        if (schemeEnd < 0 || !isWebScheme(s.substring(0, schemeEnd))) {
            return Optional.empty();
        }
        int authorityStart = schemeEnd + 3;
        int authorityEnd = indexOfAny(s, "/\\?#", authorityStart);
        String host = host(s.substring(authorityStart, authorityEnd));
        int pathEnd = indexOfAny(s, "?#", authorityEnd);
        List<String> path = segments(s.substring(authorityEnd, pathEnd));

        if (TEAMS_HOSTS.contains(host)) {
            return isTeamsJoinPath(path) ? Optional.of(MeetingType.TEAMS) : Optional.empty();
        }
        if (!isHostName(host) || OTHER_SERVICES.stream().anyMatch(domain -> host.equals(domain) || host.endsWith("." + domain))) {
            return Optional.empty();
        }
        if (host.equals("lync.com") || host.endsWith(".lync.com")) {
            return Optional.of(MeetingType.SKYPE);
        }
        boolean simpleUrlPath = path.size() == 3 && path.getFirst().equalsIgnoreCase("meet");
        boolean meetingHostPath = path.size() == 2 && isSkypeMeetingHost(host);
        return simpleUrlPath || meetingHostPath ? Optional.of(MeetingType.SKYPE) : Optional.empty();
    }

    /** The type of the first of {@code links} whose kind is known; help and dial-in pages, of no kind, are passed over. */
    public static Optional<MeetingType> firstOf(List<String> links) {
        for (String link : links) {
            Optional<MeetingType> type = of(link);
            if (type.isPresent()) {
                return type;
            }
        }
        return Optional.empty();
    }

    /** As {@link #firstOf(List)}, for the links written out in {@code text}. */
    public static Optional<MeetingType> firstIn(CharSequence text) {
        return firstOf(Links.in(text));
    }

    private static boolean isWebScheme(String scheme) {
        return scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http");
    }

    /**
     * The host, lower case, without user information, port or a trailing dot. The host is what follows the
     * last {@code @}: {@code https://teams.microsoft.com@other.example/…} leads to other.example, and is read so.
     */
    private static String host(String authority) {
        String hostAndPort = authority.substring(authority.lastIndexOf('@') + 1);
        if (hostAndPort.startsWith("[")) {
            return ""; // an IP literal names no meeting service
        }
        int colon = hostAndPort.indexOf(':');
        String host = (colon < 0 ? hostAndPort : hostAndPort.substring(0, colon)).toLowerCase(Locale.ROOT);
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    /** A DNS name of two labels or more: what a meeting server is reached by (not an address, not an escape). */
    private static boolean isHostName(String host) {
        if (host.indexOf('.') <= 0 || host.endsWith(".") || host.contains("..")) {
            return false;
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    private static List<String> segments(String path) {
        return Arrays.stream(path.split("[/\\\\]")).filter(segment -> !segment.isEmpty()).toList();
    }

    private static boolean isTeamsJoinPath(List<String> path) {
        if (path.size() >= 3 && path.get(0).equalsIgnoreCase("l") && path.get(1).equalsIgnoreCase("meetup-join")) {
            return true;
        }
        return path.size() >= 2 && path.getFirst().equalsIgnoreCase("meet");
    }

    /** A host an organization named for its Skype for Business meetings: {@code meet.contoso.com}, {@code lyncweb.contoso.com}. */
    private static boolean isSkypeMeetingHost(String host) {
        String first = host.substring(0, host.indexOf('.'));
        return first.equals("meet") || first.contains("lync") || first.contains("skype") || first.contains("sfb");
    }

    private static int indexOfAny(String s, String chars, int from) {
        for (int i = from; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }
}
