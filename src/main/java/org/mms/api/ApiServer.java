package org.mms.api;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson3;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.mms.access.AccessControl;
import org.mms.admin.Admin;
import org.mms.dashboard.DashboardRoutes;
import org.mms.dashboard.SignInThrottle;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST API server: routes under {@value #V1} over one {@link Admin}, each call scoped to the tenant
 * of its bearer token and allowed by the token's role; {@code /health}, {@code /ready} and the OpenAPI
 * document answer without one; {@code /metrics} answers a metrics token, or an address its settings allow. Plain HTTP, or HTTPS with a PEM certificate and key.
 */
public final class ApiServer {

    public static final String V1 = "/api/v1";

    /** How long {@link #stop()} lets requests in flight finish before it cuts them off. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Admin admin;
    private final AccessControl access;
    private final ReadinessCheck readiness;
    private final Clock clock;
    private final BodyLimits limits;
    private final MetricsEndpoint metrics;
    private List<Route> routes = List.of();
    private Optional<DashboardRoutes> dashboard = Optional.empty();
    private boolean operationsOnly;
    private Javalin app;

    public ApiServer(Admin admin, AccessControl access, ReadinessCheck readiness, Clock clock, BodyLimits limits) {
        this(admin, access, readiness, clock, limits, MetricsEndpoint.own());
    }

    /** With the service's metrics on {@code /metrics}. */
    public ApiServer(Admin admin, AccessControl access, ReadinessCheck readiness, Clock clock, BodyLimits limits, MetricsEndpoint metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.admin = Objects.requireNonNull(admin, "admin");
        this.access = Objects.requireNonNull(access, "access");
        this.readiness = Objects.requireNonNull(readiness, "readiness");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public ApiServer(Admin admin, AccessControl access, ReadinessCheck readiness, Clock clock) {
        this(admin, access, readiness, clock, BodyLimits.DEFAULTS);
    }

    /** Every token an admin token of its tenant, no token management and no audit log: for tests of the tenant routes. */
    public ApiServer(Admin admin, TokenAuthenticator tokens, ReadinessCheck readiness) {
        this(admin, tokens, readiness, BodyLimits.DEFAULTS);
    }

    /** As {@link #ApiServer(Admin, TokenAuthenticator, ReadinessCheck)}, with body limits of its own. */
    public ApiServer(Admin admin, TokenAuthenticator tokens, ReadinessCheck readiness, BodyLimits limits) {
        this(admin, new AdminTokensOnly(tokens), readiness, Clock.systemUTC(), limits);
    }

    /** Serves the browser dashboard at {@code /} too (call before {@link #start}). */
    public synchronized ApiServer withDashboard(DashboardRoutes pages) {
        this.dashboard = Optional.of(pages);
        return this;
    }

    /**
     * Serves only what runs a process rather than a tenant: {@code /health}, {@code /ready}, the OpenAPI
     * document and {@code /metrics}; no tenant route, no dashboard (call before {@link #start}). For a
     * workers-only process, which its orchestrator and Prometheus must still be able to see.
     */
    public synchronized ApiServer operationsOnly() {
        this.operationsOnly = true;
        return this;
    }

    /** Starts listening on {@code host:port} over plain HTTP; port 0 picks a free port, which {@link #port()} then tells. */
    public synchronized ApiServer start(String host, int port) {
        return start(host, port, Optional.empty());
    }

    /** Starts listening on {@code host:port}, over HTTPS when {@code tls} is given (and then only over HTTPS). */
    public synchronized ApiServer start(String host, int port, Optional<Tls> tls) {
        if (app != null) {
            throw new IllegalStateException("the API server is already started");
        }
        Optional<SslContextFactory.Server> ssl = tls.map(ApiServer::ssl);
        JsonMapper json = ApiJson.mapper();
        JsonBody body = new JsonBody(json, limits.json());
        List<Route> registered = new ArrayList<>();
        Javalin created = Javalin.create(cfg -> {
            cfg.jsonMapper(new JavalinJackson3(json, false));
            cfg.concurrency.useVirtualThreads = true;
            cfg.startup.showJavalinBanner = false;
            cfg.http.prefer405over404 = true;
            // Each route reads its body under its own limit (RequestBody); this is only Javalin's outer bound.
            cfg.http.maxRequestSize = limits.largest();
            // Graceful stop: close the listener first, then wait for requests in flight (up to STOP_TIMEOUT).
            cfg.jetty.modifyServer(server -> {
                server.insertHandler(new GracefulHandler());
                server.setStopTimeout(STOP_TIMEOUT.toMillis());
                server.setErrorHandler(new Problems.WebServerErrors(json));
            });
            ssl.ifPresent(factory -> cfg.jetty.addConnector((server, http) -> {
                // Javalin adds its plain connector only when none is given: with this one the API speaks HTTPS alone.
                http.addCustomizer(new SecureRequestCustomizer());
                ServerConnector https = new ServerConnector(server, new SslConnectionFactory(factory, "http/1.1"),
                        new HttpConnectionFactory(http));
                https.setHost(host);
                https.setPort(port);
                return https;
            }));
            cfg.events.handlerAdded(h -> {
                // The API's routes, which the OpenAPI document describes; the dashboard's pages are not part of it.
                if (h.getHttpMethod().isHttpMethod() && !h.getRoles().contains(Access.DASHBOARD)) {
                    registered.add(new Route(h.getHttpMethod().name(), h.getPath()));
                }
            });
            Problems.register(cfg.routes, json);
            FailedLogins failedLogins = new FailedLogins(clock);
            cfg.requestLogger.http((ctx, millis) -> MetricsRoutes.count(metrics.metrics().registry(), ctx, millis));
            cfg.routes.beforeMatched(new BearerAuthentication(access, failedLogins, metrics.allowFrom()));
            cfg.routes.beforeMatched(RequestBody::refuseOnGet);
            cfg.routes.afterMatched(new AuditTrail(access, clock));
            new OperationsRoutes(readiness, access, failedLogins).addTo(cfg.routes);
            new MetricsRoutes(metrics).addTo(cfg.routes);
            if (operationsOnly) {
                return;
            }
            new TenantRoutes(admin, body).addTo(cfg.routes);
            new UserRoutes(admin, body).addTo(cfg.routes);
            new BridgeRoutes(admin, body).addTo(cfg.routes);
            new MigrationRoutes(admin, body).addTo(cfg.routes);
            new TriggerDecisionRoutes(admin).addTo(cfg.routes);
            new ImportRoutes(admin, body, limits).addTo(cfg.routes);
            new AccessRoutes(access, body, clock).addTo(cfg.routes);
            dashboard.ifPresent(pages -> pages.addTo(cfg.routes, Access.DASHBOARD, new SignInThrottle() {
                @Override
                public boolean heldBack(String client) {
                    try {
                        failedLogins.check(client);
                        return false;
                    } catch (TooManyFailures e) {
                        return true;
                    }
                }

                @Override
                public void failed(String client) {
                    failedLogins.failed(client);
                }
            }));
        });
        // Only a server that is listening counts as started: after a failure (port taken) start may be called again.
        created.start(host, port);
        app = created;
        routes = List.copyOf(registered);
        return this;
    }

    private static SslContextFactory.Server ssl(Tls tls) {
        SslContextFactory.Server factory = new SslContextFactory.Server();
        factory.setKeyStore(PemKeyStore.load(tls));
        factory.setKeyStorePassword(new String(PemKeyStore.PASSWORD));
        return factory;
    }

    /** The port the server listens on. */
    public synchronized int port() {
        if (app == null) {
            throw new IllegalStateException("the API server is not started");
        }
        return app.port();
    }

    /** Every route the server answers, for the check that the OpenAPI document describes exactly these. */
    public synchronized List<Route> routes() {
        return routes;
    }

    /** Stops accepting connections, lets requests in flight finish, then stops. Safe to call twice. */
    public synchronized void stop() {
        if (app != null) {
            app.stop();
        }
    }
}
