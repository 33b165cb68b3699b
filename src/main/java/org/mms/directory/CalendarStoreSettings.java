package org.mms.directory;

import java.net.URI;
import java.util.Objects;
import java.util.Locale;
import java.util.Optional;
import org.mms.secret.Secret;

/**
 * Where a tenant's calendars live. {@link Kind#EMBEDDED}: in MMS's own database (the default).
 * {@link Kind#CALDAV}: on a CalDAV server at {@code baseUrl}, each user's calendar at
 * {@code calendarPath} ({@code {user}} is the local part of the UPN, {@code {upn}} the whole UPN) unless
 * the user has an explicit calendar URL; MMS signs in as {@code username}. {@link Kind#GRAPH}: on
 * Exchange Online through Microsoft Graph, as {@code graph} says (the CalDAV fields are empty then).
 *
 * <p>The credentials go to the store's own origin (scheme, host and port of {@code baseUrl}) and nowhere
 * else: see {@link #sameOrigin(URI)}.
 *
 * @param scheduling        whether the server sends attendees the updates itself (RFC 6638), or MMS does; AUTO asks the server
 * @param allowInsecureHttp whether plain {@code http} to a host other than this machine was set up on purpose
 *                          ({@code -AllowInsecureHttp}); without it such a store gets no credentials
 * @param graph             the Exchange Online application, present exactly when the kind is GRAPH
 */
public record CalendarStoreSettings(Kind kind, Optional<URI> baseUrl, Optional<String> calendarPath, Optional<String> username,
        Optional<Secret> password, Scheduling scheduling, boolean allowInsecureHttp, Optional<GraphStoreSettings> graph) {

    public enum Kind { EMBEDDED, CALDAV, GRAPH }

    public enum Scheduling { AUTO, SERVER_SCHEDULES, MMS_SENDS }

    public CalendarStoreSettings {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(scheduling, "scheduling");
        Objects.requireNonNull(graph, "graph");
        if ((kind == Kind.GRAPH) != graph.isPresent()) {
            throw new IllegalArgumentException(kind == Kind.GRAPH ? "an Exchange Online store needs its tenant id, client id and credential"
                    : "only an Exchange Online store has Graph settings");
        }
        if (kind == Kind.CALDAV) {
            URI base = baseUrl.orElseThrow(() -> new IllegalArgumentException("a CalDAV store needs a URL"));
            if (base.getRawUserInfo() != null) {
                // Said without the URL: it holds the very credentials that must never be shown.
                throw new IllegalArgumentException("the CalDAV URL must not hold a user name or password; give them as UserName and Password");
            }
            if (base.getScheme() == null || !base.getScheme().matches("(?i)https?") || base.getHost() == null) {
                throw new IllegalArgumentException("the CalDAV URL must be http or https with a host, not " + base);
            }
        }
        calendarPath.filter(p -> !p.startsWith("/") && !p.matches("(?i)https?://.*"))
                .ifPresent(p -> {
                    throw new IllegalArgumentException("the calendar path must start with / (or be a full URL), not " + p);
                });
    }

    /** A store that is not on Exchange Online. */
    public CalendarStoreSettings(Kind kind, Optional<URI> baseUrl, Optional<String> calendarPath, Optional<String> username,
            Optional<Secret> password, Scheduling scheduling, boolean allowInsecureHttp) {
        this(kind, baseUrl, calendarPath, username, password, scheduling, allowInsecureHttp, Optional.empty());
    }

    /** Without {@code allowInsecureHttp}. */
    public CalendarStoreSettings(Kind kind, Optional<URI> baseUrl, Optional<String> calendarPath, Optional<String> username,
            Optional<Secret> password, Scheduling scheduling) {
        this(kind, baseUrl, calendarPath, username, password, scheduling, false);
    }

    public static CalendarStoreSettings embedded() {
        return new CalendarStoreSettings(Kind.EMBEDDED, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Scheduling.MMS_SENDS);
    }

    /**
     * Exchange Online. Exchange sends attendees the update itself when the organizer's copy changes, as an
     * RFC 6638 server does, so the scheduling is the server's.
     */
    public static CalendarStoreSettings graph(GraphStoreSettings graph) {
        return new CalendarStoreSettings(Kind.GRAPH, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Scheduling.SERVER_SCHEDULES, false, Optional.of(graph));
    }

    /**
     * Whether {@code url} is on the store's own origin: the same scheme, host and port (the default
     * port of the scheme when none is written). Only there do the store's credentials go.
     */
    public boolean sameOrigin(URI url) {
        return baseUrl.map(base -> origin(base).equals(origin(url))).orElse(false);
    }

    /** {@code scheme://host:port} of a URL, lower-cased, with the scheme's default port when none is written. */
    public static String origin(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        int port = url.getPort() != -1 ? url.getPort() : scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
        return scheme + "://" + host + ":" + port;
    }

    /**
     * Why the store must not be given its credentials as it stands: plain {@code http} to a host other
     * than this machine carries the password in clear, unless {@code allowInsecureHttp} says the
     * network is trusted.
     */
    public Optional<String> insecureHttp() {
        return baseUrl.filter(base -> "http".equalsIgnoreCase(base.getScheme()) && !isLoopback(base.getHost()) && !allowInsecureHttp)
                .map(base -> "the CalDAV URL is plain http to " + base.getHost() + ", so the password would cross the network in clear; "
                        + "use https, or set the store up with AllowInsecureHttp when the network is trusted");
    }

    /** By name only: the directory is pure, and resolving names here would make validation depend on DNS. */
    static boolean isLoopback(String host) {
        String h = host == null ? "" : host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
    }

    /** The default path of a user's calendar on the server: {@code /{user}/calendar/}. */
    public static final String DEFAULT_CALENDAR_PATH = "/{user}/calendar/";

    /** The calendar collection of {@code user}, from the template. */
    public URI calendarOf(User user) {
        String local = user.upn().substring(0, user.upn().indexOf('@'));
        String path = calendarPath.orElse(DEFAULT_CALENDAR_PATH).replace("{user}", encode(local)).replace("{upn}", encode(user.upn()));
        if (!path.endsWith("/")) {
            path = path + "/";
        }
        return path.matches("(?i)https?://.*") ? URI.create(path) : baseUrl.orElseThrow().resolve(path);
    }

    private static String encode(String segment) {
        return java.net.URLEncoder.encode(segment, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Never the password: it is only ever given, not shown. */
    @Override
    public String toString() {
        return "CalendarStoreSettings[" + kind + baseUrl.map(u -> " " + u).orElse("") + calendarPath.map(p -> " path " + p).orElse("")
                + username.map(u -> " as " + u).orElse("") + (password.isPresent() ? " (password set)" : "") + " scheduling " + scheduling
                + (allowInsecureHttp ? " insecure http allowed" : "") + graph.map(g -> " " + g).orElse("") + "]";
    }
}
