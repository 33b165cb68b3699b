package org.mms.service;

import java.nio.file.Path;
import java.time.Duration;
import org.mms.config.ServiceConfig;

/** The service's defaults on a data directory, with the API on a free loopback port and quick workers. */
final class LoopbackConfig {

    private LoopbackConfig() {
    }

    static ServiceConfig of(Path data, int workers) {
        return ServiceConfig.defaults(data).withHttp(new ServiceConfig.Http("127.0.0.1", 0))
                .withWorkers(new ServiceConfig.Workers(workers, Duration.ofMillis(50), Duration.ofMinutes(2)));
    }
}
