package org.mms.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Instant FAILED_AT = Instant.parse("2026-11-23T09:00:00Z");

    @Test
    void the_default_nine_retries_add_up_to_a_day_within_a_second() {
        RetryPolicy policy = RetryPolicy.defaults();

        Duration sum = Duration.ZERO;
        for (int n = 1; n <= 9; n++) {
            sum = sum.plus(policy.delayBefore(n));
        }

        assertThat(policy.maxRetries()).isEqualTo(9);
        assertThat(sum).isBetween(Duration.ofHours(24).minusSeconds(1), Duration.ofHours(24).plusSeconds(1));
    }

    @Test
    void each_default_delay_is_longer_than_the_one_before() {
        RetryPolicy policy = RetryPolicy.defaults();
        List<Duration> delays = new ArrayList<>();
        for (int n = 1; n <= 9; n++) {
            delays.add(policy.delayBefore(n));
        }

        assertThat(delays).isSortedAccordingTo(Duration::compareTo).doesNotHaveDuplicates();
        assertThat(delays.getFirst()).isPositive().isLessThan(Duration.ofMinutes(5));
        assertThat(delays.getLast()).isGreaterThan(Duration.ofHours(11)).isLessThan(Duration.ofHours(13));
    }

    @Test
    void each_default_delay_doubles_the_one_before_give_or_take_the_rounding_to_milliseconds() {
        RetryPolicy policy = RetryPolicy.defaults();

        // Each delay is within 1 ms of its exact value, so twice the one before is within 2 ms: 3 ms apart at most.
        for (int n = 2; n <= 9; n++) {
            long before = policy.delayBefore(n - 1).toMillis();
            assertThat(policy.delayBefore(n).toMillis()).as("retry %d", n).isBetween(2 * before - 3, 2 * before + 3);
        }
    }

    @Test
    void the_policy_retries_until_the_ninth_retry_then_gives_up() {
        RetryPolicy policy = RetryPolicy.defaults();

        assertThat(policy.afterFailure(0, FAILED_AT)).isEqualTo(new RetryPolicy.Decision.RetryAt(1, FAILED_AT.plus(policy.delayBefore(1))));
        assertThat(policy.afterFailure(8, FAILED_AT)).isEqualTo(new RetryPolicy.Decision.RetryAt(9, FAILED_AT.plus(policy.delayBefore(9))));
        assertThat(policy.afterFailure(9, FAILED_AT)).isEqualTo(new RetryPolicy.Decision.GiveUp(9));
    }

    @Test
    void the_tenants_retry_settings_shape_the_policy() {
        RetryPolicy even = new RetryPolicy(4, Duration.ofHours(2), 1.0);
        assertThat(even.delayBefore(1)).isEqualTo(Duration.ofMinutes(30));
        assertThat(even.delayBefore(4)).isEqualTo(Duration.ofMinutes(30));

        RetryPolicy three = RetryPolicy.of(3, Duration.ofMinutes(7));
        assertThat(List.of(three.delayBefore(1), three.delayBefore(2), three.delayBefore(3)))
                .containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4));

        assertThat(RetryPolicy.of(0, Duration.ofHours(1)).afterFailure(0, FAILED_AT)).isEqualTo(new RetryPolicy.Decision.GiveUp(0));
    }

    @Test
    void nonsense_settings_and_retry_numbers_are_refused() {
        assertThatThrownBy(() -> RetryPolicy.of(-1, Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryPolicy.of(3, Duration.ofHours(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofHours(1), 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofHours(1), Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryPolicy.defaults().delayBefore(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryPolicy.defaults().delayBefore(10)).isInstanceOf(IllegalArgumentException.class);
    }
}
