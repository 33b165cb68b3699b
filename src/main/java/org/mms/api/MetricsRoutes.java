package org.mms.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * {@code GET /metrics} in Prometheus's text format, and the meter every request is counted in:
 * {@code mms_http_requests_seconds} by method, route template ({@code /api/v1/users/{identity}}, never the
 * path as sent, so neither a user nor an unbounded number of paths reaches a label; {@code unmatched} for a
 * path no route has) and status.
 */
final class MetricsRoutes {

    static final String PATH = "/metrics";

    private final MetricsEndpoint endpoint;

    MetricsRoutes(MetricsEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    void addTo(RoutesConfig routes) {
        routes.get(PATH, this::scrape, Access.METRICS);
    }

    private void scrape(Context ctx) {
        Query.of(ctx);
        ctx.contentType(org.mms.metrics.ServiceMetrics.CONTENT_TYPE).result(endpoint.metrics().scrape());
    }

    /** Counts a finished request (Javalin's request logger, which runs for every request, refused ones included). */
    static void count(MeterRegistry registry, Context ctx, float millis) {
        Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        String route = matched == null ? "unmatched" : matched.path;
        Timer.builder("mms.http.requests").description("HTTP requests by method, route template and status")
                .tags("method", ctx.method().name(), "route", route, "status", Integer.toString(ctx.statusCode()))
                .register(registry).record(Duration.ofNanos((long) (millis * 1_000_000)));
    }
}
