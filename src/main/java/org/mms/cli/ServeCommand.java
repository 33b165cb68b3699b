package org.mms.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.mms.config.LoadConfig;
import org.mms.config.ServiceConfig;
import org.mms.service.MmsService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mms serve}: the REST API and the workers in one process, until stopped (Ctrl-C or SIGTERM stops it gracefully). */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs MMS: the REST API under /api/v1 (OpenAPI at /api/v1/openapi.json), the dashboard at /, the migration workers and "
            + "the sender that sends update messages by SMTP or writes them to the pickup directory. On first start with an empty data directory it "
            + "creates the first tenant and writes its admin token to DATA/admin-token and the service operator's token to "
            + "DATA/operator-token, both readable only by you. Listening on an address other than loopback needs HTTPS "
            + "(http.tls) or http.allowPlainHttp behind a TLS proxy.",
            "",
            "Settings come from defaults, then --config FILE, then the environment: MMS_DATA, MMS_DB_URL, MMS_DB_USER, "
                + "MMS_DB_PASSWORD, MMS_HTTP_HOST, MMS_HTTP_PORT, MMS_HTTP_TLS_CERTIFICATE, MMS_HTTP_TLS_PRIVATE_KEY, MMS_HTTP_ALLOW_PLAIN, MMS_WORKERS, MMS_PICKUP_DIR, MMS_SENDER, MMS_SMTP_HOST, MMS_SMTP_PORT, "
                + "MMS_SMTP_SECURITY, MMS_SMTP_USER, MMS_SMTP_PASSWORD, MMS_SMTP_RATE, MMS_SECRET_KEY (see README).", ""})
final class ServeCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    MmsCommand mms;

    @Option(names = "--data", paramLabel = "DIR", description = "The data directory (database, admin token, pickup directory). Default: ./data.")
    Path data;

    @Option(names = "--config", paramLabel = "FILE", description = "A JSON configuration file (see README).")
    Path config;

    @Option(names = "--port", paramLabel = "N", description = "Where the API listens (overrides the configuration; 0 picks a free port). "
            + "With --workers-only: where /health, /ready and /metrics answer (overrides metrics.port).")
    Integer port;

    @Option(names = "--workers-only", description = "Run only the migration workers and the sender, no API: one more process "
            + "sharing the work of a PostgreSQL database with the process that serves the API.")
    boolean workersOnly;

    @Override
    public Integer call() throws Exception {
        ServiceConfig fromFiles = LoadConfig.load(Optional.ofNullable(data), Optional.ofNullable(config), mms.env);
        ServiceConfig loaded = port == null ? fromFiles
                : workersOnly ? fromFiles.withMetrics(fromFiles.metrics().withPort(port))
                : fromFiles.withHttp(fromFiles.http().withPort(port));
        CountDownLatch stopped = new CountDownLatch(1);
        if (workersOnly && !loaded.database().isPostgres()) {
            mms.err.println("mms: --workers-only shares a PostgreSQL database with other processes; the embedded database "
                    + "belongs to one process. Set MMS_DB_URL=jdbc:postgresql://...");
            return ExitCodes.USAGE;
        }
        if (workersOnly && loaded.workers().threads() == 0) {
            mms.err.println("mms: --workers-only with workers.threads 0 would do nothing");
            return ExitCodes.USAGE;
        }
        Optional<String> exposed = workersOnly && loaded.metrics().port().isEmpty() ? Optional.empty() : loaded.http().plainExposure();
        if (exposed.isPresent()) {
            mms.err.println("mms: refusing to start: " + exposed.get());
            return ExitCodes.USAGE;
        }
        MmsService service = MmsService.start(loaded, Clock.systemUTC(),
                workersOnly ? MmsService.Role.WORKERS_ONLY : MmsService.Role.API_AND_WORKERS);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            mms.err.println("mms: stopping (finishing the current work)...");
            service.close();
            stopped.countDown();
        }));
        if (workersOnly) {
            mms.out.println("MMS workers are running (no API in this process).");
            mms.out.println(loaded.describe());
            mms.out.println(loaded.metrics().port().isPresent()
                    ? "Health, readiness and metrics: " + clientUrl(loaded.http(), service.port()) + "/health, /ready, /metrics"
                    : "Nothing listens in this process: set metrics.port (MMS_METRICS_PORT, or --port) for /health, /ready and /metrics.");
            mms.out.flush();
            stopped.await();
            return ExitCodes.OK;
        }
        mms.out.println("MMS is running.");
        mms.out.println(loaded.describe().replace(":" + loaded.http().port(), ":" + service.port()));
        String url = clientUrl(loaded.http(), service.port());
        mms.out.println("API: " + url + "/api/v1  (OpenAPI: /api/v1/openapi.json)");
        mms.out.println("Dashboard: " + url + "/  (sign in with an API token)");
        mms.out.println(firstStartHint(loaded, url, service.newTokenFile(), service.newOperatorTokenFile()));
        mms.out.flush();
        stopped.await();
        return ExitCodes.OK;
    }

    /** Where a cmdlet on this machine reaches the API: a wildcard address is reached on loopback. */
    static String clientUrl(ServiceConfig.Http http, int port) {
        String host = http.host().equals("0.0.0.0") || http.host().equals("::") || http.host().equals("[::]") ? "127.0.0.1" : http.host();
        return http.scheme() + "://" + (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
    }

    /**
     * What to tell the admin about tokens: on first start where they are and a cmdlet that works as it
     * stands (with MMS_URL when the server is not where the cmdlets look by default); later, where the
     * admin token is only if the file is really there, else how to make a new one.
     */
    static String firstStartHint(ServiceConfig config, String url, Optional<Path> adminToken, Optional<Path> operatorToken) {
        Path data = config.dataDir();
        String env = (url.equals(ServerSettings.DEFAULT_URL) ? "" : "MMS_URL=" + url + " ") + "MMS_DATA=" + data;
        StringBuilder hint = new StringBuilder();
        adminToken.ifPresent(file -> hint.append("First start: the admin token is in ").append(file.toAbsolutePath())
                .append(" (readable only by you). The cmdlets read it from there: ").append(env)
                .append(" ./mms Get-CsMeetingMigrationStatus -SummaryOnly"));
        operatorToken.ifPresent(file -> hint.append(hint.isEmpty() ? "" : System.lineSeparator())
                .append("The service operator's token (New-CsTenant, Get-CsTenant, Remove-CsTenant) is in ").append(file.toAbsolutePath())
                .append(" (readable only by you)."));
        if (adminToken.isEmpty()) {
            Path file = data.resolve(ServerSettings.TOKEN_FILE);
            hint.append(hint.isEmpty() ? "" : System.lineSeparator()).append(Files.exists(file)
                    ? "The admin token is in " + file.toAbsolutePath() + "."
                    : "There is no admin token file " + file.toAbsolutePath() + "; ./mms token --data " + data
                            + " makes a new admin token there (stop the server first when it uses the embedded database).");
        }
        return hint.toString();
    }
}
