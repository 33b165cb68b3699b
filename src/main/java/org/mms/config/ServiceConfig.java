package org.mms.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.mms.api.BodyLimits;
import org.mms.db.DatabaseConfig;
import org.mms.itip.mail.SmtpSettings;

/**
 * Everything {@code mms serve} needs to know.
 *
 * @param dataDir  where the embedded database, the admin token and the pickup directory live
 * @param database the database (the embedded H2 file under {@code dataDir} unless a URL is given)
 * @param http     where the REST API listens
 * @param workers  how migrations are worked off
 * @param mail     where update messages go
 * @param haltAt   for the crash test only: checkpoints where the process kills itself, each with a
 *                 probability (environment {@code MMS_HALT_AT=chunk-written:0.05,...}); empty otherwise
 * @param metrics  who may read {@code /metrics} without a token
 */
public record ServiceConfig(Path dataDir, DatabaseConfig database, Http http, Workers workers, Mail mail, Map<String, Double> haltAt,
        Metrics metrics) {

    public ServiceConfig {
        haltAt = Map.copyOf(haltAt);
        java.util.Objects.requireNonNull(metrics, "metrics");
    }

    public ServiceConfig(Path dataDir, DatabaseConfig database, Http http, Workers workers, Mail mail, Map<String, Double> haltAt) {
        this(dataDir, database, http, workers, mail, haltAt, Metrics.TOKEN_ONLY);
    }

    public ServiceConfig withMetrics(Metrics other) {
        return new ServiceConfig(dataDir, database, http, workers, mail, haltAt, other);
    }

    public ServiceConfig withDatabase(DatabaseConfig other) {
        return new ServiceConfig(dataDir, other, http, workers, mail, haltAt, metrics);
    }

    public ServiceConfig withHttp(Http other) {
        return new ServiceConfig(dataDir, database, other, workers, mail, haltAt, metrics);
    }

    public ServiceConfig withWorkers(Workers other) {
        return new ServiceConfig(dataDir, database, http, other, mail, haltAt, metrics);
    }

    public ServiceConfig withMail(Mail other) {
        return new ServiceConfig(dataDir, database, http, workers, other, haltAt, metrics);
    }

    /**
     * The API's address (port 0 picks a free one) and the largest body each kind of route reads
     * ({@code http.maxBodyBytes.json}, {@code .directoryImport}, {@code .calendarImport}).
     *
     * @param tls            HTTPS with these PEM files; none serves plain HTTP
     * @param allowPlainHttp plain HTTP on an address other than loopback, for a server behind a TLS proxy
     */
    public record Http(String host, int port, Optional<Tls> tls, boolean allowPlainHttp, BodyLimits maxBodyBytes) {
        public static final int DEFAULT_PORT = 8470;

        public Http {
            java.util.Objects.requireNonNull(host, "host");
            java.util.Objects.requireNonNull(tls, "tls");
            java.util.Objects.requireNonNull(maxBodyBytes, "maxBodyBytes");
        }

        /** Plain HTTP, as on loopback. */
        public Http(String host, int port) {
            this(host, port, Optional.empty(), false, BodyLimits.DEFAULTS);
        }

        /** With the default body limits. */
        public Http(String host, int port, Optional<Tls> tls, boolean allowPlainHttp) {
            this(host, port, tls, allowPlainHttp, BodyLimits.DEFAULTS);
        }

        public Http withPort(int other) {
            return new Http(host, other, tls, allowPlainHttp, maxBodyBytes);
        }

        /** {@code https} or {@code http}. */
        public String scheme() {
            return tls.isPresent() ? "https" : "http";
        }

        /**
         * Why this address must not be served as it is: plain HTTP where others can listen in carries the
         * bearer tokens in clear. Loopback is only reachable from this machine; anything else needs TLS, or
         * {@code allowPlainHttp} when a TLS proxy in front does it.
         */
        public Optional<String> plainExposure() {
            if (tls.isPresent() || allowPlainHttp || isLoopback(host)) {
                return Optional.empty();
            }
            return Optional.of("the API would listen on " + host + " over plain HTTP, so bearer tokens would cross the network in clear; "
                    + "set http.tls.certificate and http.tls.privateKey (PEM files) to serve HTTPS, or http.allowPlainHttp true "
                    + "when a TLS proxy in front of MMS does it (MMS_HTTP_ALLOW_PLAIN=true), or listen on 127.0.0.1");
        }

        /** Whether every address the name stands for is this machine's loopback (a name that does not resolve is not). */
        public static boolean isLoopback(String host) {
            try {
                java.net.InetAddress[] all = java.net.InetAddress.getAllByName(host);
                return all.length > 0 && java.util.Arrays.stream(all).allMatch(java.net.InetAddress::isLoopbackAddress);
            } catch (java.net.UnknownHostException e) {
                return false;
            }
        }
    }

    /** The API's certificate (chain) and private key, PEM files. */
    public record Tls(Path certificate, Path privateKey) {
    }

    /**
     * @param threads        migrations worked on at once in this process
     * @param pollInterval   how often an idle worker looks for due requests
     * @param lease          how long a claimed request is ours without a heartbeat
     */
    public record Workers(int threads, Duration pollInterval, Duration lease) {
    }

    /**
     * @param pickupDirectory where {@code .eml} files are written when no SMTP server is configured
     * @param sender          the service's own address for the {@code Sender:} header and the envelope
     * @param smtp            the mail server to send through; none writes to the pickup directory
     * @param senders         threads sending at once in this process, each with its own SMTP connection
     */
    public record Mail(Path pickupDirectory, Optional<String> sender, Optional<SmtpSettings> smtp, int senders) {
        /**
         * Writing a pickup file waits mostly for the disk to confirm it (fsync), and an SMTP server mostly
         * for the network; four at once keep two cores busy without many connections to one mail server.
         */
        public static final int DEFAULT_SENDERS = 4;

        public Mail {
            if (senders < 1) {
                throw new IllegalArgumentException("mail.senders must be at least 1, not " + senders);
            }
        }
    }

    /**
     * {@code GET /metrics}: a Metrics (or the service operator's) token reads it from anywhere; the addresses
     * of {@code allowFrom} (CIDR blocks, e.g. the Prometheus server's network) read it without one. The
     * address is the connection's: behind a proxy, the proxy's, so list it only when the proxy does not
     * forward {@code /metrics} from elsewhere.
     *
     * @param port where a {@code --workers-only} process answers {@code /health}, {@code /ready} and {@code /metrics}
     *             (on {@code http.host}, with {@code http.tls}); none: such a process listens nowhere. A process
     *             with the API answers them on the API's port and ignores this.
     */
    public record Metrics(java.util.List<org.mms.metrics.AddressRange> allowFrom, Optional<Integer> port) {
        public static final Metrics TOKEN_ONLY = new Metrics(java.util.List.of(), Optional.empty());

        public Metrics {
            allowFrom = java.util.List.copyOf(allowFrom);
            java.util.Objects.requireNonNull(port, "port");
        }

        public Metrics(java.util.List<org.mms.metrics.AddressRange> allowFrom) {
            this(allowFrom, Optional.empty());
        }

        public Metrics withPort(int other) {
            return new Metrics(allowFrom, Optional.of(other));
        }
    }

    /** The embedded default for a data directory. */
    public static ServiceConfig defaults(Path dataDir) {
        return new ServiceConfig(dataDir, DatabaseConfig.embedded(dataDir), new Http("127.0.0.1", Http.DEFAULT_PORT),
                new Workers(2, Duration.ofMillis(250), Duration.ofMinutes(2)),
                new Mail(dataDir.resolve("outbox").resolve("pickup"), Optional.empty(), Optional.empty(), Mail.DEFAULT_SENDERS), Map.of());
    }

    /** This configuration as lines an admin can read, secrets masked. */
    public String describe() {
        return String.join("\n",
                "data directory: " + dataDir.toAbsolutePath(),
                "database: " + database.maskedUrl() + " (pool " + database.poolSize() + ")",
                "http: " + http.host() + ":" + http.port() + http.tls().map(t -> " (HTTPS, certificate " + t.certificate() + ")")
                        .orElse(http.allowPlainHttp() ? " (plain HTTP, allowed for a TLS proxy in front)" : "")
                        + " (bodies up to " + http.maxBodyBytes().json() + " bytes; directory import "
                        + http.maxBodyBytes().directoryImport() + ", calendar import " + http.maxBodyBytes().calendarImport() + ")",
                "workers: " + workers.threads() + " (poll " + workers.pollInterval().toMillis() + " ms, lease " + workers.lease().toSeconds() + " s)",
                mail.smtp().map(smtp -> "mail: SMTP " + smtp.describe() + ", at most " + smtp.maxMessagesPerSecond() + " messages/s")
                        .orElse("mail: pickup directory " + mail.pickupDirectory().toAbsolutePath()) + " (" + mail.senders() + " senders)",
                "sender: " + mail.sender().orElse("(none)"),
                "metrics: GET /metrics with a Metrics token" + (metrics.allowFrom().isEmpty() ? ""
                        : ", or without one from " + metrics.allowFrom())
                        + metrics.port().map(p -> "; a workers-only process answers /health, /ready and /metrics on port " + p).orElse(""));
    }
}
