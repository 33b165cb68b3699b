package org.mms.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What runs without a token: liveness, readiness for load balancers and orchestrators, and the API's own description. */
final class OperationsRoutes {

    /** The hand-written OpenAPI document, a resource beside this class. */
    static final String OPENAPI_RESOURCE = "openapi.json";

    private static final Logger LOG = LoggerFactory.getLogger(OperationsRoutes.class);

    private final ReadinessCheck readiness;
    private final byte[] openApi;

    OperationsRoutes(ReadinessCheck readiness) {
        this.readiness = readiness;
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

    private void ready(Context ctx) {
        ReadinessCheck.Readiness r;
        try {
            r = readiness.check();
        } catch (RuntimeException e) {
            // A check that throws means "not ready"; its details belong in the log, not in an unauthenticated answer.
            LOG.warn("readiness check failed", e);
            r = ReadinessCheck.Readiness.notReady("the readiness check failed; see the server log");
        }
        ctx.status(r.ready() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .json(Map.of("status", r.ready() ? "ready" : "not ready", "detail", r.detail()));
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
