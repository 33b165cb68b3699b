package org.mms.calendar.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WaitBeforeRetryTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void retry_after_in_seconds_or_as_an_http_date_is_waited_as_said() {
        assertThat(WaitBeforeRetry.after(1, Optional.of("7"), NOW)).isEqualTo(Duration.ofSeconds(7));
        assertThat(WaitBeforeRetry.after(1, Optional.of("Mon, 23 Nov 2026 12:00:30 GMT"), NOW)).isEqualTo(Duration.ofSeconds(30));
        assertThat(WaitBeforeRetry.after(1, Optional.of("Mon, 23 Nov 2026 11:00:00 GMT"), NOW)).isZero();
        assertThat(WaitBeforeRetry.after(1, Optional.of("86400"), NOW)).isEqualTo(WaitBeforeRetry.MOST);
    }

    @Test
    void without_retry_after_the_wait_doubles_with_jitter_up_to_the_cap() {
        for (int attempt = 1; attempt <= 10; attempt++) {
            Duration full = Duration.ofSeconds(Math.min(1L << (attempt - 1), WaitBeforeRetry.MOST.toSeconds()));
            assertThat(WaitBeforeRetry.after(attempt, Optional.of("soon"), NOW)).isBetween(full.dividedBy(2), full);
        }
    }
}
