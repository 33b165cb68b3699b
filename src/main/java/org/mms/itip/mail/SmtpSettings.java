package org.mms.itip.mail;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@link SmtpMailer} reaches the mail server.
 *
 * @param host                  the server's name, as its certificate names it when TLS is used
 * @param port                  e.g. 587 for STARTTLS submission, 465 for implicit TLS, 25 for a relay
 * @param security              how the connection is protected
 * @param login                 the account to log in with; none sends without logging in (a relay
 *                              that trusts the network)
 * @param connectTimeout        how long to wait for the connection (and TLS handshake)
 * @param readTimeout           how long to wait for any one reply or write
 * @param maxMessagesPerSecond  at most this many messages per second, evenly spaced (fractions allowed,
 *                              0.5 is one message every two seconds); many providers throttle or
 *                              block senders that go faster than their published limit
 */
public record SmtpSettings(
        String host,
        int port,
        Security security,
        Optional<Login> login,
        Duration connectTimeout,
        Duration readTimeout,
        double maxMessagesPerSecond) {

    /** How the connection is protected. Certificates are checked against the JDK's trust store, and the host name against the certificate. */
    public enum Security {
        /** Plain text: only for a relay on the same host or a trusted network; with a login, only to this machine. */
        NONE,
        /** Plain connection upgraded with STARTTLS before anything else is said; a server that does not offer it is refused, never used in clear. */
        STARTTLS,
        /** TLS from the first byte ("SMTPS", implicit TLS, RFC 8314). */
        TLS
    }

    /**
     * An account on the mail server. {@link #toString()} never shows the password.
     *
     * @param username the login name, often the service's address
     * @param password its password
     */
    public record Login(String username, String password) {
        public Login {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
            if (username.isBlank()) {
                throw new IllegalArgumentException("SMTP username must not be blank");
            }
        }

        @Override
        public String toString() {
            return "Login[username=" + username + ", password=****]";
        }
    }

    /** Defaults that suit a submission server: 30 s to connect, 60 s per reply. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);
    /** Well under what common providers allow, and far above what one tenant's migrations need. */
    public static final double DEFAULT_MAX_MESSAGES_PER_SECOND = 10;

    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (host.isBlank() || host.chars().anyMatch(c -> c <= ' ' || c == '/' || c == '@')) {
            throw new IllegalArgumentException("SMTP host must be a host name or address: '" + host + "'");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("SMTP port must be 1..65535: " + port);
        }
        requirePositiveMillis("connectTimeout", connectTimeout);
        requirePositiveMillis("readTimeout", readTimeout);
        if (!(maxMessagesPerSecond > 0) || Double.isInfinite(maxMessagesPerSecond)) {
            throw new IllegalArgumentException("maxMessagesPerSecond must be a positive number: " + maxMessagesPerSecond);
        }
        if (security == Security.NONE && login.isPresent() && !isLoopback(host)) {
            throw new IllegalArgumentException("an SMTP login over a plain connection would send the password in clear;"
                    + " use STARTTLS or TLS (plain with a login is allowed only to this machine)");
        }
    }

    /** By name only: resolving a host name here would make validation depend on DNS. */
    private static boolean isLoopback(String host) {
        return host.equalsIgnoreCase("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
    }

    /** STARTTLS on {@code port} with a login and the default timeouts and rate. */
    public static SmtpSettings startTls(String host, int port, String username, String password) {
        return new SmtpSettings(host, port, Security.STARTTLS, Optional.of(new Login(username, password)),
                DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT, DEFAULT_MAX_MESSAGES_PER_SECOND);
    }

    public SmtpSettings withSecurity(Security other) {
        return new SmtpSettings(host, port, other, login, connectTimeout, readTimeout, maxMessagesPerSecond);
    }

    public SmtpSettings withLogin(Optional<Login> other) {
        return new SmtpSettings(host, port, security, other, connectTimeout, readTimeout, maxMessagesPerSecond);
    }

    public SmtpSettings withMaxMessagesPerSecond(double other) {
        return new SmtpSettings(host, port, security, login, connectTimeout, readTimeout, other);
    }

    public SmtpSettings withReadTimeout(Duration other) {
        return new SmtpSettings(host, port, security, login, connectTimeout, other, maxMessagesPerSecond);
    }

    /** Where and how, for messages: {@code smtp.contoso.com:587 (STARTTLS) as mms@contoso.com}; never the password. */
    public String describe() {
        return host + ":" + port + " (" + security + ")" + login.map(l -> " as " + l.username()).orElse("");
    }

    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", security=" + security + ", login=" + login
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", maxMessagesPerSecond=" + maxMessagesPerSecond + "]";
    }

    private static void requirePositiveMillis(String name, Duration duration) {
        if (duration.isNegative() || duration.toMillis() < 1 || duration.toMillis() > Integer.MAX_VALUE) {
            // Zero means "wait forever" to Jakarta Mail: a hung server would stop the sender for good.
            throw new IllegalArgumentException(name + " must be between 1 ms and about 24 days: " + duration);
        }
    }
}
