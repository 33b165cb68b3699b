package org.mms.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.mms.access.AccessControl;
import org.mms.access.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What runs without a token: liveness, readiness for load balancers and orchestrators, and the API's own description. */
final class OperationsRoutes {

    /** The hand-written OpenAPI document, a resource beside this class. */
    static final String OPENAPI_RESOURCE = "openapi.json";

    private static final Logger LOG = LoggerFactory.getLogger(OperationsRoutes.class);

    /** What an unauthenticated caller learns about a process that is not ready: that it is not, no more. */
    static final String NOT_READY_PUBLIC = "not ready; a caller with a token sees why, and so does the server log";

    private final ReadinessCheck readiness;
    private final AccessControl access;
    private final FailedLogins failedLogins;
    private final byte[] openApi;
    private volatile String lastLogged;

    OperationsRoutes(ReadinessCheck readiness, AccessControl access, FailedLogins failedLogins) {
        this.readiness = readiness;
        this.access = access;
        this.failedLogins = failedLogins;
        this.openApi = readOpenApi();
    }

    void addTo(RoutesConfig routes) {
        routes.get("/health", this::health, Access.PUBLIC);
        routes.get("/ready", this::ready, Access.PUBLIC);
        routes.get(ApiServer.V1 + "/openapi.json", this::openApi, Access.PUBLIC);
    }

    private void health(Context ctx) {
        ctx.json(Map.of("status", "up"));
    }

    /**
     * 200 or 503 for anyone (load balancers and orchestrators send no token); the reason only for a
     * caller whose token is valid, whatever its role, since it can name the process's threads and state.
     */
    private void ready(Context ctx) {
        ReadinessCheck.Readiness r;
        try {
            r = readiness.check();
        } catch (RuntimeException e) {
            // A check that throws means "not ready"; its details belong in the log, not in an answer.
            LOG.warn("readiness check failed", e);
            r = ReadinessCheck.Readiness.notReady("the readiness check failed; see the server log");
        }
        String logged = lastLogged;
        if (!r.ready() && !r.detail().equals(logged)) {
            // Once per reason, not on every poll of a load balancer.
            LOG.warn("not ready: {}", r.detail());
        }
        lastLogged = r.ready() ? null : r.detail();
        String detail = r.ready() || authenticated(ctx) ? r.detail() : NOT_READY_PUBLIC;
        ctx.status(r.ready() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .json(Map.of("status", r.ready() ? "ready" : "not ready", "detail", detail));
    }

    /** Whether the request carries a valid token; a refused one counts towards the address's failed logins, as on every route. */
    private boolean authenticated(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.substring(7).isBlank()) {
            return false;
        }
        failedLogins.check(ctx.ip());
        Authentication result;
        try {
            result = access.authenticate(header.substring(7).strip());
        } catch (RuntimeException e) {
            // Tokens live in the database; when it cannot be used, nobody can be shown more than "not ready".
            return false;
        }
        return switch (result) {
            case Authentication.Granted g -> true;
            case Authentication.Refused refused -> {
                failedLogins.failed(ctx.ip());
                yield false;
            }
        };
    }

    private void openApi(Context ctx) {
        ctx.contentType("application/json").result(openApi);
    }

    private static byte[] readOpenApi() {
        try (InputStream in = OperationsRoutes.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the OpenAPI document " + OPENAPI_RESOURCE + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
