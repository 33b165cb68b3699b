package org.mms.itip.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimitTest {

    /** Time that moves only when the limit sleeps or the test says so; every sleep is recorded. */
    static final class FakeTime implements RateLimit.Sleeper {
        long nanos = -5_000_000_000L; // negative on purpose: System.nanoTime may be
        final List<Duration> sleeps = new ArrayList<>();

        @Override
        public void sleep(Duration duration) {
            sleeps.add(duration);
            nanos += duration.toNanos();
        }

        long now() {
            return nanos;
        }

        void advance(Duration by) {
            nanos += by.toNanos();
        }

        Duration slept() {
            return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
        }
    }

    private final FakeTime time = new FakeTime();

    @Test
    void the_first_message_goes_at_once_and_the_next_ones_one_interval_apart() throws Exception {
        RateLimit limit = new RateLimit(4, time::now, time);

        for (int i = 0; i < 5; i++) {
            limit.awaitTurn();
        }

        assertThat(time.sleeps).containsExactly(
                Duration.ofMillis(250), Duration.ofMillis(250), Duration.ofMillis(250), Duration.ofMillis(250));
    }

    @Test
    void time_spent_between_messages_counts_towards_the_interval() throws Exception {
        RateLimit limit = new RateLimit(2, time::now, time);

        limit.awaitTurn();
        time.advance(Duration.ofMillis(300));
        limit.awaitTurn();

        assertThat(time.sleeps).containsExactly(Duration.ofMillis(200));
    }

    @Test
    void an_idle_spell_earns_no_burst() throws Exception {
        RateLimit limit = new RateLimit(10, time::now, time);

        limit.awaitTurn();
        time.advance(Duration.ofMinutes(5));
        limit.awaitTurn();
        limit.awaitTurn();
        limit.awaitTurn();

        assertThat(time.sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(100));
    }

    @Test
    void a_fraction_per_second_spaces_messages_by_more_than_a_second() throws Exception {
        RateLimit limit = new RateLimit(0.5, time::now, time);

        limit.awaitTurn();
        limit.awaitTurn();

        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void a_hundred_messages_at_ten_per_second_take_nine_point_nine_seconds() throws Exception {
        RateLimit limit = new RateLimit(10, time::now, time);

        for (int i = 0; i < 100; i++) {
            limit.awaitTurn();
        }

        assertThat(time.slept()).isEqualTo(Duration.ofMillis(9_900));
    }

    @Test
    void a_rate_that_is_not_positive_is_refused() {
        assertThatThrownBy(() -> new RateLimit(0, time::now, time)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimit(-1, time::now, time)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimit(Double.NaN, time::now, time)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimit(Double.POSITIVE_INFINITY, time::now, time))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
