package org.mms.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mms.migration.MigrationType;

class TriggerDecisionTest {

    @Test
    void each_decision_carries_the_label_the_status_output_shows_and_only_a_queue_has_a_migration_type() {
        TriggerDecision queue = new TriggerDecision.Queue(MigrationType.SFB_TO_TEAMS, "granted TeamsOnly");
        TriggerDecision none = new TriggerDecision.NoMigration("AutomaticallyMigrateUserMeetings is off for the tenant");
        TriggerDecision unsupported = new TriggerDecision.NotSupported("the user's mailbox is on-premises; use mms migrate-ics");

        assertThat(queue.label()).isEqualTo("Queue");
        assertThat(none.label()).isEqualTo("NoMigration");
        assertThat(unsupported.label()).isEqualTo("NotSupported");
        assertThat(queue.migrationType()).contains(MigrationType.SFB_TO_TEAMS);
        assertThat(none.migrationType()).isEmpty();
        assertThat(unsupported.migrationType()).isEmpty();
    }

    @Test
    void a_decision_without_a_reason_an_admin_can_read_is_refused() {
        assertThatThrownBy(() -> new TriggerDecision.NoMigration(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reason");
        assertThatThrownBy(() -> new TriggerDecision.NotSupported(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TriggerDecision.Queue(MigrationType.TO_SAME_TYPE, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TriggerDecision.Queue(null, "licence assigned")).isInstanceOf(NullPointerException.class);
    }
}
