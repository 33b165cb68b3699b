package org.mms.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The process's meters and their Prometheus text. Meters that mirror state kept elsewhere (the database's
 * counts) are brought up to date by the refreshers just before each scrape, so a scrape nobody asks for
 * costs nothing.
 */
public final class ServiceMetrics implements AutoCloseable {

    /** The content type of {@link #scrape()}: Prometheus's text exposition format 0.0.4. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<Runnable> beforeScrape = new CopyOnWriteArrayList<>();
    private final JvmGcMetrics gc = new JvmGcMetrics();

    private ServiceMetrics() {
    }

    /** A registry with the JVM's meters (memory, garbage collection, threads, classes, CPU, uptime). */
    public static ServiceMetrics create() {
        ServiceMetrics metrics = new ServiceMetrics();
        MeterRegistry r = metrics.registry;
        new JvmMemoryMetrics().bindTo(r);
        metrics.gc.bindTo(r);
        new JvmThreadMetrics().bindTo(r);
        new ClassLoaderMetrics().bindTo(r);
        new ProcessorMetrics().bindTo(r);
        new UptimeMetrics().bindTo(r);
        return metrics;
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Runs {@code refresh} before every scrape, e.g. to read counts from the database. */
    public void beforeScrape(Runnable refresh) {
        beforeScrape.add(refresh);
    }

    /** Every meter, in Prometheus's text format; label values are escaped by the registry. */
    public String scrape() {
        beforeScrape.forEach(Runnable::run);
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
