package org.mms.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntConsumer;
import org.mms.admin.AdminService;
import org.mms.api.ApiServer;
import org.mms.dashboard.DashboardRoutes;
import org.mms.db.JdbcDashboardQueries;
import org.mms.checkpoint.Checkpoint;
import org.mms.config.ServiceConfig;
import org.mms.db.Database;
import org.mms.access.ApiToken;
import org.mms.access.AuditEvent;
import org.mms.api.MetricsEndpoint;
import org.mms.api.Tls;
import org.mms.db.CountForMetrics;
import org.mms.metrics.DatabaseGauges;
import org.mms.metrics.MeasuredCalendarStore;
import org.mms.metrics.ServiceMetrics;
import org.mms.db.JdbcAccessControl;
import org.mms.calendar.CalendarStore;
import org.mms.calendar.RoutingCalendarStore;
import org.mms.calendar.graph.GraphCalendarStore;
import org.mms.db.JdbcCalendarFrames;
import org.mms.db.JdbcCalendarStore;
import org.mms.db.JdbcDecisionLog;
import org.mms.db.JdbcDirectory;
import org.mms.db.JdbcMessageOutbox;
import org.mms.db.JdbcMigrationJournal;
import org.mms.db.JdbcMigrationQueue;
import org.mms.directory.Tenant;
import org.mms.directory.TenantId;
import org.mms.directory.TenantSettings;
import org.mms.files.OwnerOnly;
import org.mms.itip.Mailbox;
import org.mms.itip.Mailer;
import org.mms.itip.SendOutbox;
import org.mms.itip.mail.ComposeImipMessage;
import org.mms.itip.mail.PickupDirectory;
import org.mms.itip.mail.SmtpMailer;
import org.mms.itip.mail.SmtpSettings;
import org.mms.itip.MailRejectedException;
import org.mms.db.SealClearPasswords;
import org.mms.secret.SecretBox;
import org.mms.secret.SecretKeyFile;
import org.mms.migration.MigrateOrganizer;
import org.mms.migration.RunMigrations;
import org.mms.queue.WorkerId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service in one process: the database, the REST API, the migration workers, the sender that
 * sends update messages by SMTP or writes them to the pickup directory, and the housekeeping (expired leases, old records).
 * This is the only class that knows every adapter.
 */
public final class MmsService implements AutoCloseable {

    /** The tenant created on first start; an import gives it its real name and domains. */
    public static final TenantId FIRST_TENANT = new TenantId("default");
    private static final Logger LOG = LoggerFactory.getLogger(MmsService.class);
    /** Messages a sender claims at a time. */
    private static final int SEND_CLAIM = 25;

    private final ServiceConfig config;
    private final Clock clock;
    private final Database db;
    private final AdminService admin;
    private final ApiServer api;
    private final JdbcMigrationQueue queue;
    private final JdbcMessageOutbox outbox;
    private final JdbcMigrationJournal journal;
    private final JdbcDirectory directory;
    private final JdbcAccessControl access;
    private final JdbcCalendarStore store;
    private final ServiceMetrics metrics = ServiceMetrics.create();
    private final List<Loop> loops = new ArrayList<>();
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private Optional<Path> newTokenFile = Optional.empty();
    private Optional<Path> newOperatorTokenFile = Optional.empty();
    private Optional<Path> newMetricsTokenFile = Optional.empty();

    /** The first tenant's admin token, written on first start (and by {@code mms token}). */
    public static final String ADMIN_TOKEN_FILE = "admin-token";
    /** The service operator's token, written on first start: it manages tenants. */
    public static final String OPERATOR_TOKEN_FILE = "operator-token";
    /** The token that reads {@code /metrics}, written on first start: for the Prometheus server's {@code credentials_file}. */
    public static final String METRICS_TOKEN_FILE = "metrics-token";

    /** Ends the process with a status; on a thread of its own, since System.exit runs the shutdown hook, which waits for the loops to stop. */
    static final IntConsumer SYSTEM_EXIT = status -> Thread.ofPlatform().start(() -> System.exit(status));

    private MmsService(ServiceConfig config, Clock clock, SecretBox secrets, IntConsumer exit) {
        this.config = config;
        this.clock = clock;
        this.db = Database.open(config.database(), Optional.of(metrics.registry()));
        int sealed = SealClearPasswords.run(db, secrets);
        if (sealed > 0) {
            LOG.info("sealed {} calendar store password(s) kept in clear by an earlier version", sealed);
        }
        this.directory = new JdbcDirectory(db, secrets);
        this.queue = new JdbcMigrationQueue(db);
        this.journal = new JdbcMigrationJournal(db);
        this.outbox = new JdbcMessageOutbox(db);
        this.access = new JdbcAccessControl(db, clock);
        this.store = new JdbcCalendarStore(db, clock);
        ChooseCalendarStore chooser = new ChooseCalendarStore(directory, store, GraphCalendarStore::new,
                (kind, chosen) -> new MeasuredCalendarStore(chosen, kind.name(), metrics.registry()));
        closeables.add(chooser);
        CalendarStore calendars = new RoutingCalendarStore(chooser);
        this.admin = new AdminService(directory, queue, queue, journal, new JdbcDecisionLog(db), calendars,
                new JdbcCalendarFrames(db, clock), outbox, clock, new SecureRandom(), new TryCalendarStore());
        this.api = new ApiServer(admin, access, new CheckReadiness(db, () -> loops), clock, config.http().maxBodyBytes(),
                new MetricsEndpoint(metrics, config.metrics().allowFrom()))
                .withDashboard(new DashboardRoutes(admin, access, new JdbcDashboardQueries(db), clock));
        metrics.beforeScrape(new DatabaseGauges(metrics.registry(), new CountForMetrics(db, clock), clock));

        Checkpoint checkpoint = HaltAtCheckpoints.of(config.haltAt());
        if (!config.haltAt().isEmpty()) {
            LOG.warn("MMS_HALT_AT is set: this process will kill itself at checkpoints {} (for the crash test only)", config.haltAt());
        }
        MigrateOrganizer migrate = new MigrateOrganizer(calendars, journal, clock, checkpoint);
        String host = hostName();
        // A turn without a sign of life for longer than a lease is stuck: its lease ran out and another worker may take its request.
        Duration stallAfter = config.workers().lease();
        for (int i = 0; i < config.workers().threads(); i++) {
            Loop[] loop = new Loop[1];
            RunMigrations worker = new RunMigrations(queue, directory, migrate, clock,
                    new WorkerId(host + "/" + ProcessHandle.current().pid() + "/" + (i + 1) + "/" + UUID.randomUUID().toString().substring(0, 8)),
                    config.workers().lease(), checkpoint, () -> loop[0].alive());
            loop[0] = new Loop("migration-worker-" + (i + 1), config.workers().pollInterval(), stallAfter, worker::runOnce);
            loops.add(loop[0]);
        }
        if (config.workers().threads() > 0) {
            List<Mailer> mailers = mailers(config.mail(), new ComposeImipMessage(clock, config.mail().sender().map(Mailbox::of)));
            for (int i = 0; i < mailers.size(); i++) {
                SendOutbox sender = new SendOutbox(outbox, mailers.get(i), clock, config.workers().lease(), checkpoint);
                // Small claims, so that every sender has some while the migrations are still queueing messages.
                loops.add(new Loop("outbox-sender-" + (i + 1), config.workers().pollInterval(), stallAfter,
                        () -> sender.runOnce(SEND_CLAIM) > 0));
            }
            loops.add(new Loop("housekeeping", Duration.ofSeconds(5), stallAfter, this::housekeeping));
        }
        WatchDatabase watch = new WatchDatabase(db, 3, exit);
        loops.add(new Loop("database-watch", Duration.ofSeconds(5), stallAfter, watch::check));
        MeasureLoops.register(metrics.registry(), loops);
    }

    /**
     * One mailer per sender thread: SMTP connections of their own sharing one rate limit, or the
     * pickup directory, which any number of threads can write to at once.
     */
    private List<Mailer> mailers(ServiceConfig.Mail mail, ComposeImipMessage composer) {
        if (mail.smtp().isPresent()) {
            List<SmtpMailer> smtp = SmtpMailer.sharingRateLimit(mail.smtp().get(), composer, mail.senders());
            closeables.addAll(smtp);
            return List.copyOf(smtp);
        }
        PickupDirectory pickup = new PickupDirectory(mail.pickupDirectory(), composer);
        return java.util.Collections.nCopies(mail.senders(), pickup);
    }

    /** What a process runs: everything, or only the workers (more processes sharing one PostgreSQL database). */
    public enum Role { API_AND_WORKERS, WORKERS_ONLY }

    /** Opens the database, makes sure there is a tenant and an admin token, and starts everything. */
    public static MmsService start(ServiceConfig config, Clock clock) throws IOException {
        return start(config, clock, Role.API_AND_WORKERS);
    }

    /**
     * Opens the database and starts what the role asks for. A workers-only process has no API and
     * never creates the first tenant or token: a process with the API does that.
     */
    public static MmsService start(ServiceConfig config, Clock clock, Role role) throws IOException {
        return start(config, clock, role, SYSTEM_EXIT);
    }

    /** As {@link #start(ServiceConfig, Clock, Role)}, ending the process (a database that stays closed) by {@code exit}; tests record it instead. */
    static MmsService start(ServiceConfig config, Clock clock, Role role, IntConsumer exit) throws IOException {
        if (role == Role.API_AND_WORKERS || config.metrics().port().isPresent()) {
            // A workers-only process's /ready and /metrics read tokens too: the same rule for where they may travel in clear.
            config.http().plainExposure().ifPresent(why -> {
                throw new IllegalStateException("refusing to start: " + why);
            });
        }
        protectDataDirectory(config.dataDir());
        SecretBox secrets;
        try {
            secrets = SecretKeyFile.open(config.dataDir(), System.getenv());
        } catch (IllegalArgumentException e) {
            throw new StartRefused("refusing to start: " + e.getMessage());
        }
        if (config.workers().threads() > 0) {
            config.mail().smtp().ifPresent(smtp -> checkSmtpLogin(smtp, clock, config.mail()));
        }
        MmsService service = new MmsService(config, clock, secrets, exit);
        try {
            // The database files H2 just created (it makes them with the process's umask).
            service.restrictDataFiles();
            if (role == Role.API_AND_WORKERS) {
                service.firstStart();
            }
            // The loops first: a readiness check answered before they run would find them dead.
            service.loops.forEach(Loop::start);
            Optional<Tls> tls = config.http().tls().map(t -> new Tls(t.certificate(), t.privateKey()));
            if (role == Role.API_AND_WORKERS) {
                service.api.start(config.http().host(), config.http().port(), tls);
            } else if (config.metrics().port().isPresent()) {
                service.api.operationsOnly().start(config.http().host(), config.metrics().port().get(), tls);
            }
            return service;
        } catch (RuntimeException | IOException e) {
            service.close();
            throw e;
        }
    }

    /**
     * The SMTP settings tried once before starting: a wrong password, an unreachable
     * server or a failed TLS handshake stops the start with one line, instead of every message failing later.
     */
    private static void checkSmtpLogin(SmtpSettings smtp, Clock clock, ServiceConfig.Mail mail) {
        try (SmtpMailer mailer = new SmtpMailer(smtp, new ComposeImipMessage(clock, mail.sender().map(Mailbox::of)))) {
            mailer.checkLogin();
        } catch (MailRejectedException e) {
            throw new StartRefused("refusing to start: " + e.getMessage() + " (mail.smtp in the configuration)");
        }
    }

    /**
     * On an empty database: the first tenant, and an admin token written where only its owner can read it;
     * on a database without one (new, or from before tenants were managed), the service operator's token.
     */
    private void firstStart() throws IOException {
        if (directory.tenants().isEmpty()) {
            try {
                directory.saveTenant(new Tenant(FIRST_TENANT, "default", List.of("example.com"), TenantSettings.defaults("default", "example.com")));
            } catch (RuntimeException e) {
                // Two processes starting on one empty database both try; the one that loses finds the other's tenant.
                if (directory.tenants().isEmpty()) {
                    throw e;
                }
            }
        }
        // The first tenant may have been removed since; the tenants made later came with admin tokens of their own.
        if (!access.anyToken(org.mms.access.Role.ADMIN) && directory.tenant(FIRST_TENANT).isPresent()) {
            ApiToken.Issued admin = access.issueAdminToken(FIRST_TENANT, "first tenant admin");
            newTokenFile = Optional.of(writeSecret(config.dataDir().resolve(ADMIN_TOKEN_FILE), admin.secret()));
        }
        if (!access.anyToken(org.mms.access.Role.SERVICE_OPERATOR)) {
            ApiToken.Issued operator = access.issueServiceOperatorToken("service operator");
            newOperatorTokenFile = Optional.of(writeSecret(config.dataDir().resolve(OPERATOR_TOKEN_FILE), operator.secret()));
        }
        if (!access.anyToken(org.mms.access.Role.METRICS)) {
            ApiToken.Issued reader = access.issueMetricsToken("metrics");
            newMetricsTokenFile = Optional.of(writeSecret(config.dataDir().resolve(METRICS_TOKEN_FILE), reader.secret()));
        }
    }

    /**
     * {@code mms token}: a new admin token for a tenant, made by opening the database directly, for when
     * every admin token is lost. Whoever can open the data directory (or the configured PostgreSQL) owns
     * the installation anyway; that access is the proof. Written to {@code DATA/admin-token} and returned.
     */
    public static Path recoverAdminToken(ServiceConfig config, TenantId tenant, Clock clock) throws IOException {
        protectDataDirectory(config.dataDir());
        try (Database db = Database.open(config.database())) {
            JdbcAccessControl access = new JdbcAccessControl(db, clock);
            ApiToken.Issued issued = access.issueAdminToken(tenant, "recovered " + clock.instant());
            Path file = writeSecret(config.dataDir().resolve(ADMIN_TOKEN_FILE), issued.secret());
            // Made without a token, so the audit log names the command and the machine instead.
            access.record(new AuditEvent(clock.instant(), Optional.of(tenant), Optional.empty(), "mms token",
                    "name=" + issued.token().name(), 201, "this machine"));
            return file;
        }
    }

    /** A file only its owner can read, holding one secret; an old one of that name is replaced. */
    private static Path writeSecret(Path file, String secret) throws IOException {
        return OwnerOnly.writeFile(file, (secret + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The data directory holds the calendars, the messages, the tokens and the credentials: it is created
     * owner-only (700), and one made by an earlier version, or by hand, is made so, with everything in it.
     */
    private static void protectDataDirectory(Path dataDir) throws IOException {
        OwnerOnly.createDirectories(dataDir);
        OwnerOnly.restrictTree(dataDir);
    }

    private boolean housekeeping() {
        var now = clock.instant();
        restrictDataFiles();
        int reaped = queue.reapExpiredLeases(now).size();
        // Each tenant by its own RetentionDays: one tenant's longer setting keeps no other tenant's records.
        directory.tenants().forEach(t -> queue.purgeFinishedBefore(t.id(), now.minus(t.settings().retention())));
        access.purgeAuditLog();
        if (reaped > 0) {
            LOG.warn("took back {} migration(s) whose worker stopped answering", reaped);
        }
        return false;
    }

    /**
     * Files the database makes while it runs (its trace file, temporary files) come with the process's
     * umask; the data directory's mode already keeps others out, and this keeps the files' own modes true.
     */
    private void restrictDataFiles() {
        List<Path> files;
        try (var listed = Files.list(config.dataDir())) {
            files = listed.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            LOG.warn("could not list {} to keep its files owner-only: {}", config.dataDir(), e.toString());
            return;
        }
        for (Path file : files) {
            try {
                OwnerOnly.restrict(file);
            } catch (IOException e) {
                // Gone meanwhile (a temporary file), or not ours: the directory's mode keeps others out.
            }
        }
    }

    /** Where the admin token was written on this start, if it was created now. */
    public Optional<Path> newTokenFile() {
        return newTokenFile;
    }

    /** Where the service operator's token was written on this start, if it was created now. */
    public Optional<Path> newOperatorTokenFile() {
        return newOperatorTokenFile;
    }

    /** Where the metrics token was written on this start, if it was created now. */
    public Optional<Path> newMetricsTokenFile() {
        return newMetricsTokenFile;
    }

    /** This process's meters, as {@code /metrics} serves them. */
    public ServiceMetrics metrics() {
        return metrics;
    }

    /** Tokens, tenants and the audit log. */
    public JdbcAccessControl access() {
        return access;
    }

    /** The API's port; in a workers-only process, where {@code /health}, {@code /ready} and {@code /metrics} answer ({@code metrics.port}). */
    public int port() {
        return api.port();
    }

    /** Every route the API answers (only for a process with the API). */
    public List<org.mms.api.Route> routes() {
        return api.routes();
    }

    public AdminService admin() {
        return admin;
    }

    public JdbcMigrationJournal journal() {
        return journal;
    }

    /** The embedded calendar store (what the demo and tests read back). */
    public JdbcCalendarStore store() {
        return store;
    }

    public JdbcMessageOutbox outbox() {
        return outbox;
    }

    public ServiceConfig config() {
        return config;
    }

    /** Stops taking work, lets running migrations finish their step, stops the API, closes the database. */
    @Override
    public void close() {
        loops.forEach(Loop::stop);
        loops.forEach(Loop::awaitStop);
        api.stop();
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("closing {}: {}", c, e.toString());
            }
        }
        db.close();
        metrics.close();
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
