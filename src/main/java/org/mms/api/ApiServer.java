package org.mms.api;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson3;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.mms.admin.Admin;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST API server: routes under {@value #V1} over one {@link Admin}, each call scoped to the tenant
 * of its bearer token; {@code /health}, {@code /ready} and the OpenAPI document answer without one.
 */
public final class ApiServer {

    public static final String V1 = "/api/v1";

    /** How long {@link #stop()} lets requests in flight finish before it cuts them off. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Admin admin;
    private final TokenAuthenticator tokens;
    private final ReadinessCheck readiness;
    private final BodyLimits limits;
    private List<Route> routes = List.of();
    private Javalin app;

    public ApiServer(Admin admin, TokenAuthenticator tokens, ReadinessCheck readiness) {
        this(admin, tokens, readiness, BodyLimits.DEFAULTS);
    }

    public ApiServer(Admin admin, TokenAuthenticator tokens, ReadinessCheck readiness, BodyLimits limits) {
        this.admin = Objects.requireNonNull(admin, "admin");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.readiness = Objects.requireNonNull(readiness, "readiness");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** Starts listening on {@code host:port}; port 0 picks a free port, which {@link #port()} then tells. */
    public synchronized ApiServer start(String host, int port) {
        if (app != null) {
            throw new IllegalStateException("the API server is already started");
        }
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
            cfg.events.handlerAdded(h -> {
                if (h.getHttpMethod().isHttpMethod()) {
                    registered.add(new Route(h.getHttpMethod().name(), h.getPath()));
                }
            });
            Problems.register(cfg.routes, json);
            cfg.routes.beforeMatched(new BearerAuthentication(tokens));
            cfg.routes.beforeMatched(RequestBody::refuseOnGet);
            new OperationsRoutes(readiness).addTo(cfg.routes);
            new TenantRoutes(admin, body).addTo(cfg.routes);
            new UserRoutes(admin, body).addTo(cfg.routes);
            new BridgeRoutes(admin, body).addTo(cfg.routes);
            new MigrationRoutes(admin, body).addTo(cfg.routes);
            new TriggerDecisionRoutes(admin).addTo(cfg.routes);
            new ImportRoutes(admin, body, limits).addTo(cfg.routes);
        });
        // Only a server that is listening counts as started: after a failure (port taken) start may be called again.
        created.start(host, port);
        app = created;
        routes = List.copyOf(registered);
        return this;
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
