package org.mms.directory;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a tenant's calendars live. {@link Kind#EMBEDDED}: in MMS's own database (the default).
 * {@link Kind#CALDAV}: on a CalDAV server at {@code baseUrl}, each user's calendar at
 * {@code calendarPath} ({@code {user}} is the local part of the UPN, {@code {upn}} the whole UPN) unless
 * the user has an explicit calendar URL; MMS signs in as {@code username}.
 *
 * @param scheduling whether the server sends attendees the updates itself (RFC 6638), or MMS does; AUTO asks the server
 */
public record CalendarStoreSettings(Kind kind, Optional<URI> baseUrl, Optional<String> calendarPath, Optional<String> username,
        Optional<String> password, Scheduling scheduling) {

    public enum Kind { EMBEDDED, CALDAV }

    public enum Scheduling { AUTO, SERVER_SCHEDULES, MMS_SENDS }

    public CalendarStoreSettings {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(scheduling, "scheduling");
        if (kind == Kind.CALDAV) {
            URI base = baseUrl.orElseThrow(() -> new IllegalArgumentException("a CalDAV store needs a URL"));
            if (base.getScheme() == null || !base.getScheme().matches("(?i)https?") || base.getHost() == null) {
                throw new IllegalArgumentException("the CalDAV URL must be http or https with a host, not " + base);
            }
        }
        calendarPath.filter(p -> !p.startsWith("/") && !p.matches("(?i)https?://.*"))
                .ifPresent(p -> {
                    throw new IllegalArgumentException("the calendar path must start with / (or be a full URL), not " + p);
                });
    }

    public static CalendarStoreSettings embedded() {
        return new CalendarStoreSettings(Kind.EMBEDDED, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Scheduling.MMS_SENDS);
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
                + username.map(u -> " as " + u).orElse("") + (password.isPresent() ? " (password set)" : "") + " scheduling " + scheduling + "]";
    }
}
