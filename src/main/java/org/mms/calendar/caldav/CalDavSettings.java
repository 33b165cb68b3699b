package org.mms.calendar.caldav;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach one CalDAV server.
 *
 * @param baseUrl    the server's root ({@code https://dav.example.com/} or a prefix under it); http or
 *                   https, without user information (credentials go in {@code username} and
 *                   {@code password}, where they are kept out of every message)
 * @param username   for HTTP Basic authentication, sent with every request; empty for a server without
 *                   authentication
 * @param password   goes with {@code username}; never shown by {@link #toString()}
 * @param scheduling who tells the attendees about an update: see {@link Scheduling}
 * @param timeout    for connecting and for each request as a whole
 */
public record CalDavSettings(URI baseUrl, Optional<String> username, Optional<String> password, Scheduling scheduling,
        Duration timeout) {

    /** Who sends the update to the attendees when MMS writes the organizer's copy of a meeting. */
    public enum Scheduling {
        /**
         * Ask the server: one that advertises RFC 6638 server-side scheduling ({@code calendar-auto-schedule}
         * in the {@code DAV} header of OPTIONS) sends the updates itself.
         */
        AUTO,
        /** The server sends the updates (RFC 6638); MMS sends none, or attendees would get two. */
        SERVER_SCHEDULES,
        /** MMS sends iMIP itself; the server only stores. */
        MMS_SENDS
    }

    public CalDavSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(scheduling, "scheduling");
        Objects.requireNonNull(timeout, "timeout");
        String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("the CalDAV base URL must be an absolute http or https URL");
        }
        if (baseUrl.getHost() == null) {
            throw new IllegalArgumentException("the CalDAV base URL has no host");
        }
        if (baseUrl.getRawUserInfo() != null) {
            // Said without the URL: it holds the very credentials that must not appear in messages.
            throw new IllegalArgumentException("the CalDAV base URL must not carry user information; "
                    + "give the username and password as settings of their own");
        }
        if (password.isPresent() && username.isEmpty()) {
            throw new IllegalArgumentException("a CalDAV password needs a username");
        }
        if (username.isPresent() && username.get().contains(":")) {
            throw new IllegalArgumentException("a username for HTTP Basic authentication cannot contain ':'");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the CalDAV timeout must be positive, not " + timeout);
        }
    }

    /** A server without authentication, scheduling detected, 30 s timeout. */
    public static CalDavSettings anonymous(URI baseUrl) {
        return new CalDavSettings(baseUrl, Optional.empty(), Optional.empty(), Scheduling.AUTO, Duration.ofSeconds(30));
    }

    /** A server with Basic authentication, scheduling detected, 30 s timeout. */
    public static CalDavSettings basic(URI baseUrl, String username, String password) {
        return new CalDavSettings(baseUrl, Optional.of(username), Optional.of(password), Scheduling.AUTO,
                Duration.ofSeconds(30));
    }

    public CalDavSettings withScheduling(Scheduling other) {
        return new CalDavSettings(baseUrl, username, password, other, timeout);
    }

    public CalDavSettings withTimeout(Duration other) {
        return new CalDavSettings(baseUrl, username, password, scheduling, other);
    }

    /** The {@code Authorization} header value, when there are credentials. */
    Optional<String> basicAuthorization() {
        return username.map(user -> "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + password.orElse("")).getBytes(StandardCharsets.UTF_8)));
    }

    /** Everything but the password, of which only whether there is one. */
    @Override
    public String toString() {
        return "CalDavSettings[baseUrl=" + baseUrl + ", username=" + username.orElse("(none)") + ", password="
                + (password.isPresent() ? "(set)" : "(none)") + ", scheduling=" + scheduling + ", timeout=" + timeout + "]";
    }
}
