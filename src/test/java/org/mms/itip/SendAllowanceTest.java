package org.mms.itip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.mms.directory.OutgoingPacing;
import org.mms.directory.QuietHours;

/** What a tenant may send now, from its pacing and what it sent in the last hour. */
class SendAllowanceTest {

    private static final Instant NOW = Instant.parse("2026-11-23T09:30:00Z");
    private static final OutgoingPacing FOUR_AN_HOUR = new OutgoingPacing(OptionalInt.of(4), Optional.empty());

    @Test
    void without_pacing_anything_may_go_now() {
        assertThat(SendAllowance.of(OutgoingPacing.NONE, NOW, List.of(), 0)).isEqualTo(new SendAllowance(Integer.MAX_VALUE, NOW));
    }

    @Test
    void messages_sent_in_the_hour_and_messages_being_sent_both_use_up_the_limit() {
        List<Instant> sent = List.of(NOW.minus(Duration.ofMinutes(50)), NOW.minus(Duration.ofMinutes(10)));

        assertThat(SendAllowance.of(FOUR_AN_HOUR, NOW, sent, 0).messages()).isEqualTo(2);
        assertThat(SendAllowance.of(FOUR_AN_HOUR, NOW, sent, 1).messages()).isEqualTo(1);
        assertThat(SendAllowance.of(FOUR_AN_HOUR, NOW, sent, 2)).as("the first slot frees when the 08:40 message leaves the hour")
                .isEqualTo(new SendAllowance(0, NOW.plus(Duration.ofMinutes(10))));
    }

    @Test
    void with_only_messages_being_sent_in_the_way_the_next_slot_is_an_hour_away() {
        assertThat(SendAllowance.of(FOUR_AN_HOUR, NOW, List.of(), 4)).isEqualTo(new SendAllowance(0, NOW.plus(Duration.ofHours(1))));
    }

    @Test
    void a_slot_that_frees_during_quiet_hours_is_used_when_they_end() {
        OutgoingPacing pacing = new OutgoingPacing(OptionalInt.of(1),
                Optional.of(new QuietHours(LocalTime.of(10, 0), LocalTime.of(11, 0), ZoneId.of("UTC"))));

        assertThat(SendAllowance.of(pacing, NOW, List.of(NOW.minus(Duration.ofMinutes(5))), 0))
                .isEqualTo(new SendAllowance(0, Instant.parse("2026-11-23T11:00:00Z")));
    }
}
