package org.mms.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PaceTest {

    @Test
    void theTimeLeftIsTheWaitingOrganizersAtThePaceMigrationsEndedInTheWindow() {
        // 20 migrations ended in 10 minutes: 2 a minute; 30 waiting take 15 minutes.
        Pace pace = Pace.of(400, 20, 30);

        assertThat(pace.meetingsPerMinute()).isEqualTo(40.0);
        assertThat(pace.left()).hasValue(Duration.ofMinutes(15));
        assertThat(pace.leftText()).isEqualTo("about 15 min");
    }

    @Test
    void withoutAnyMigrationEndedLatelyTheTimeLeftIsUnknownNotInfinite() {
        Pace pace = Pace.of(0, 0, 12);

        assertThat(pace.left()).isEmpty();
        assertThat(pace.leftText()).startsWith("unknown");
    }

    @Test
    void withNothingWaitingThereIsNoEstimate() {
        assertThat(Pace.of(50, 5, 0).leftText()).isEqualTo("nothing waiting");
    }
}
