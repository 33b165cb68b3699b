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
 */
public record ServiceConfig(Path dataDir, DatabaseConfig database, Http http, Workers workers, Mail mail, Map<String, Double> haltAt) {

    public ServiceConfig {
        haltAt = Map.copyOf(haltAt);
    }

    public ServiceConfig withDatabase(DatabaseConfig other) {
        return new ServiceConfig(dataDir, other, http, workers, mail, haltAt);
    }

    public ServiceConfig withHttp(Http other) {
        return new ServiceConfig(dataDir, database, other, workers, mail, haltAt);
    }

    public ServiceConfig withWorkers(Workers other) {
        return new ServiceConfig(dataDir, database, http, other, mail, haltAt);
    }

    public ServiceConfig withMail(Mail other) {
        return new ServiceConfig(dataDir, database, http, workers, other, haltAt);
    }

    /**
     * The API's address (port 0 picks a free one) and the largest body each kind of route reads
     * ({@code http.maxBodyBytes.json}, {@code .directoryImport}, {@code .calendarImport}).
     */
    public record Http(String host, int port, BodyLimits maxBodyBytes) {
        public static final int DEFAULT_PORT = 8470;

        public Http(String host, int port) {
            this(host, port, BodyLimits.DEFAULTS);
        }
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
                "http: " + http.host() + ":" + http.port() + " (bodies up to " + http.maxBodyBytes().json() + " bytes; directory import "
                        + http.maxBodyBytes().directoryImport() + ", calendar import " + http.maxBodyBytes().calendarImport() + ")",
                "workers: " + workers.threads() + " (poll " + workers.pollInterval().toMillis() + " ms, lease " + workers.lease().toSeconds() + " s)",
                mail.smtp().map(smtp -> "mail: SMTP " + smtp.describe() + ", at most " + smtp.maxMessagesPerSecond() + " messages/s")
                        .orElse("mail: pickup directory " + mail.pickupDirectory().toAbsolutePath()) + " (" + mail.senders() + " senders)",
                "sender: " + mail.sender().orElse("(none)"));
    }
}
