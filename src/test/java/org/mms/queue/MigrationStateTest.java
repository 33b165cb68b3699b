package org.mms.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mms.queue.MigrationState.AWAITING_APPROVAL;
import static org.mms.queue.MigrationState.DENIED;
import static org.mms.queue.MigrationState.FAILED;
import static org.mms.queue.MigrationState.IN_PROGRESS;
import static org.mms.queue.MigrationState.PENDING;
import static org.mms.queue.MigrationState.SUCCEEDED;

import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MigrationStateTest {

    @Test
    void the_transition_table_allows_exactly_claim_finish_retry_reap_the_approval_moves_and_a_denial_after_a_notice() {
        Set<String> allowed = new TreeSet<>();
        for (MigrationState from : MigrationState.values()) {
            for (MigrationState to : MigrationState.values()) {
                if (from.canMoveTo(to)) {
                    allowed.add(from + "->" + to);
                }
            }
        }

        assertThat(allowed).containsExactlyInAnyOrder(
                "PENDING->IN_PROGRESS", "IN_PROGRESS->SUCCEEDED", "IN_PROGRESS->FAILED", "IN_PROGRESS->PENDING",
                "PENDING->AWAITING_APPROVAL", "AWAITING_APPROVAL->PENDING", "AWAITING_APPROVAL->DENIED",
                "PENDING->DENIED");
    }

    @Test
    void an_illegal_move_throws_and_names_both_states() {
        assertThatThrownBy(() -> SUCCEEDED.moveTo(PENDING))
                .isInstanceOfSatisfying(IllegalStateChangeException.class, e -> {
                    assertThat(e.from()).isEqualTo(SUCCEEDED);
                    assertThat(e.to()).isEqualTo(PENDING);
                })
                .hasMessageContaining("Succeeded").hasMessageContaining("Pending");
        assertThatThrownBy(() -> PENDING.moveTo(SUCCEEDED)).isInstanceOf(IllegalStateChangeException.class);
        assertThatThrownBy(() -> PENDING.moveTo(PENDING)).isInstanceOf(IllegalStateChangeException.class);
        assertThat(IN_PROGRESS.moveTo(FAILED)).isEqualTo(FAILED);
    }

    @Test
    void finished_states_are_final_and_only_pending_waiting_and_in_progress_are_active() {
        assertThat(SUCCEEDED.next()).isEmpty();
        assertThat(FAILED.next()).isEmpty();
        assertThat(DENIED.next()).isEmpty();
        assertThat(EnumSet.allOf(MigrationState.class)).filteredOn(MigrationState::isActive)
                .containsExactly(PENDING, AWAITING_APPROVAL, IN_PROGRESS);
    }

    @Test
    void states_show_the_cmdlets_names_and_summarise_in_its_order() {
        assertThat(MigrationState.values()).extracting(MigrationState::displayName)
                .containsExactly("Pending", "AwaitingApproval", "InProgress", "Succeeded", "Failed", "Denied");
        assertThat(MigrationState.SUMMARY_ORDER).extracting(MigrationState::displayName)
                .containsExactly("Pending", "AwaitingApproval", "InProgress", "Failed", "Succeeded", "Denied");
    }

    @Test
    void a_state_is_found_by_its_display_or_enum_name_in_any_case() {
        assertThat(MigrationState.byDisplayName("inprogress")).contains(IN_PROGRESS);
        assertThat(MigrationState.byDisplayName("IN_PROGRESS")).contains(IN_PROGRESS);
        assertThat(MigrationState.byDisplayName("awaitingapproval")).contains(AWAITING_APPROVAL);
        assertThat(MigrationState.byDisplayName("Done")).isEmpty();
    }
}
