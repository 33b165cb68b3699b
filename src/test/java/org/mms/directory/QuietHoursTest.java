package org.mms.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Quiet hours read in the tenant's zone: across midnight, and on the nights the clocks change. */
class QuietHoursTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private final QuietHours night = new QuietHours(LocalTime.of(22, 0), LocalTime.of(6, 30), BERLIN);

    @Test
    void a_span_across_midnight_holds_both_sides_of_it_and_ends_the_next_morning() {
        Instant evening = Instant.parse("2026-11-23T21:00:00Z"); // 22:00 in Berlin
        Instant small = Instant.parse("2026-11-24T02:00:00Z"); // 03:00
        Instant morning = Instant.parse("2026-11-24T05:30:00Z"); // 06:30

        assertThat(night.contains(evening.minusSeconds(1))).isFalse();
        assertThat(night.contains(evening)).isTrue();
        assertThat(night.contains(small)).isTrue();
        assertThat(night.contains(morning)).isFalse();
        assertThat(night.endAfter(evening)).isEqualTo(morning);
        assertThat(night.endAfter(small)).isEqualTo(morning);
        assertThat(night.endAfter(morning)).as("outside quiet hours").isEqualTo(morning);
    }

    @Test
    void a_span_within_one_day_holds_only_between_its_times() {
        QuietHours office = new QuietHours(LocalTime.of(8, 0), LocalTime.of(18, 0), ZoneId.of("UTC"));

        assertThat(office.contains(Instant.parse("2026-11-23T07:59:59Z"))).isFalse();
        assertThat(office.contains(Instant.parse("2026-11-23T12:00:00Z"))).isTrue();
        assertThat(office.contains(Instant.parse("2026-11-23T18:00:00Z"))).isFalse();
        assertThat(office.endAfter(Instant.parse("2026-11-23T12:00:00Z"))).isEqualTo(Instant.parse("2026-11-23T18:00:00Z"));
    }

    @Test
    void the_night_the_clocks_go_back_the_span_keeps_its_local_hours_and_lasts_an_hour_longer() {
        Instant evening = Instant.parse("2026-10-24T20:00:00Z"); // 22:00 CEST
        Instant morning = Instant.parse("2026-10-25T05:30:00Z"); // 06:30 CET

        assertThat(night.contains(evening)).isTrue();
        assertThat(night.contains(Instant.parse("2026-10-25T01:30:00Z"))).as("02:30 CET, the second time round").isTrue();
        assertThat(night.endAfter(evening)).isEqualTo(morning);
        assertThat(java.time.Duration.between(evening, morning)).isEqualTo(java.time.Duration.ofMinutes(9 * 60 + 30));
    }

    @Test
    void the_night_the_clocks_go_forward_the_span_keeps_its_local_hours_and_a_start_in_the_skipped_hour_begins_after_it() {
        QuietHours skipped = new QuietHours(LocalTime.of(2, 30), LocalTime.of(5, 0), BERLIN);

        assertThat(skipped.contains(Instant.parse("2026-03-29T00:59:59Z"))).as("01:59:59 CET").isFalse();
        assertThat(skipped.contains(Instant.parse("2026-03-29T01:00:00Z"))).as("03:00 CEST, straight after 01:59:59 CET").isTrue();
        assertThat(skipped.endAfter(Instant.parse("2026-03-29T01:00:00Z"))).isEqualTo(Instant.parse("2026-03-29T03:00:00Z"));
        assertThat(night.endAfter(Instant.parse("2026-03-28T22:00:00Z"))).as("23:00 CET to 06:30 CEST")
                .isEqualTo(Instant.parse("2026-03-29T04:30:00Z"));
    }

    @Test
    void quiet_hours_that_start_and_end_at_once_are_refused() {
        assertThatThrownBy(() -> new QuietHours(LocalTime.of(22, 0), LocalTime.of(22, 0), BERLIN))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
