package org.mms.api;

import java.util.List;
import java.util.Objects;
import org.mms.metrics.AddressRange;
import org.mms.metrics.ServiceMetrics;

/**
 * What {@code GET /metrics} serves, and the addresses that may read it without a token
 * ({@code metrics.allowFrom}); everyone else needs a Metrics or service-operator token.
 */
public record MetricsEndpoint(ServiceMetrics metrics, List<AddressRange> allowFrom) {

    public MetricsEndpoint {
        Objects.requireNonNull(metrics, "metrics");
        allowFrom = List.copyOf(allowFrom);
    }

    /** A registry of the API's own (HTTP and JVM meters), readable with a token only. */
    public static MetricsEndpoint own() {
        return new MetricsEndpoint(ServiceMetrics.create(), List.of());
    }
}
