package org.mms.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mms.migration.MigrationType.ALL_TO_TEAMS;
import static org.mms.migration.MigrationType.SFB_TO_TEAMS;
import static org.mms.migration.MigrationType.TEAMS_TO_TEAMS;
import static org.mms.migration.MigrationType.TO_SAME_TYPE;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RequestedChangeTest {

    private static RequestedChange change(String trigger) {
        return new RequestedChange("alice@contoso.com", TO_SAME_TYPE, trigger, Duration.ofMinutes(10));
    }

    @Test
    void a_later_change_brings_its_upn_settle_window_and_cause_and_broadens_the_type() {
        RequestedChange merged = new RequestedChange("alice@contoso.com", SFB_TO_TEAMS, "moved online", Duration.ofMinutes(10))
                .mergedWith(new RequestedChange("alice.s@contoso.com", TEAMS_TO_TEAMS, "bridge changed", Duration.ofSeconds(5)));

        assertThat(merged).isEqualTo(new RequestedChange("alice.s@contoso.com", ALL_TO_TEAMS,
                "moved online; bridge changed", Duration.ofSeconds(5)));
    }

    @Test
    void a_cause_already_listed_is_not_repeated() {
        RequestedChange merged = change("licence assigned").mergedWith(change("bridge changed")).mergedWith(change("licence assigned"));

        assertThat(merged.trigger()).isEqualTo("licence assigned; bridge changed");
    }

    @Test
    void causes_past_the_column_size_end_in_one_ellipsis() {
        RequestedChange merged = change("x".repeat(990));
        merged = merged.mergedWith(change("first cause that does not fit"));
        merged = merged.mergedWith(change("second cause that does not fit"));

        assertThat(merged.trigger()).hasSize(993).endsWith("x; …");
    }

    @Test
    void an_overlong_cause_is_cut_without_splitting_a_character() {
        String emoji = "\uD83D\uDCC5";
        String trigger = "a".repeat(RequestedChange.MAX_TRIGGER_LENGTH - 2) + emoji + "tail";

        String kept = change(trigger).trigger();

        assertThat(kept).hasSizeLessThanOrEqualTo(RequestedChange.MAX_TRIGGER_LENGTH).endsWith("a…");
        assertThat(Character.isHighSurrogate(kept.charAt(kept.length() - 2))).isFalse();
    }

    @Test
    void a_change_needs_a_upn_a_cause_and_a_settle_window_that_is_not_negative() {
        assertThatThrownBy(() -> new RequestedChange(" ", TO_SAME_TYPE, "x", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> change("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RequestedChange("a@b", TO_SAME_TYPE, "x", Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
