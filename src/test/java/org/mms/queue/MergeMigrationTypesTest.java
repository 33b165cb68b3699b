package org.mms.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mms.migration.MigrationType.ALL_TO_TEAMS;
import static org.mms.migration.MigrationType.SFB_TO_SFB;
import static org.mms.migration.MigrationType.SFB_TO_TEAMS;
import static org.mms.migration.MigrationType.TEAMS_TO_TEAMS;
import static org.mms.migration.MigrationType.TO_SAME_TYPE;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mms.migration.MigrationType;

class MergeMigrationTypesTest {

    private static final List<MigrationType> ORDER = List.of(SFB_TO_SFB, SFB_TO_TEAMS, TEAMS_TO_TEAMS, TO_SAME_TYPE, ALL_TO_TEAMS);

    /** The table documented on {@link MergeMigrationTypes}, row by row in {@link #ORDER}. */
    private static final MigrationType[][] TABLE = {
        {SFB_TO_SFB, SFB_TO_TEAMS, TO_SAME_TYPE, TO_SAME_TYPE, ALL_TO_TEAMS},
        {SFB_TO_TEAMS, SFB_TO_TEAMS, ALL_TO_TEAMS, ALL_TO_TEAMS, ALL_TO_TEAMS},
        {TO_SAME_TYPE, ALL_TO_TEAMS, TEAMS_TO_TEAMS, TO_SAME_TYPE, ALL_TO_TEAMS},
        {TO_SAME_TYPE, ALL_TO_TEAMS, TO_SAME_TYPE, TO_SAME_TYPE, ALL_TO_TEAMS},
        {ALL_TO_TEAMS, ALL_TO_TEAMS, ALL_TO_TEAMS, ALL_TO_TEAMS, ALL_TO_TEAMS},
    };

    @Test
    void every_pair_merges_as_the_documented_table_says() {
        assertThat(ORDER).containsExactlyInAnyOrder(java.util.Arrays.stream(MigrationType.values())
                .filter(t -> t != MigrationType.UNDO).toArray(MigrationType[]::new));
        for (int i = 0; i < ORDER.size(); i++) {
            for (int j = 0; j < ORDER.size(); j++) {
                assertThat(MergeMigrationTypes.merge(ORDER.get(i), ORDER.get(j)))
                        .as("%s + %s", ORDER.get(i).displayName(), ORDER.get(j).displayName())
                        .isEqualTo(TABLE[i][j]);
            }
        }
    }

    @Test
    void an_undo_waiting_gives_way_to_any_change_that_joins_it() {
        for (MigrationType change : ORDER) {
            assertThat(MergeMigrationTypes.merge(MigrationType.UNDO, change)).isEqualTo(change);
            assertThat(MergeMigrationTypes.merge(change, MigrationType.UNDO)).isEqualTo(change);
        }
    }

    @Test
    void the_merge_touches_every_meeting_either_type_touches() {
        for (MigrationType a : MigrationType.values()) {
            for (MigrationType b : MigrationType.values()) {
                MigrationType merged = MergeMigrationTypes.merge(a, b);
                assertThat(merged.sources()).containsAll(a.sources()).containsAll(b.sources());
                if (a.target().isPresent() && a.sources().size() > 1 || b.target().isPresent() && b.sources().size() > 1) {
                    assertThat(merged).as("%s + %s converts everything", a, b).isEqualTo(ALL_TO_TEAMS);
                }
            }
        }
    }

    @Test
    void the_order_and_repetition_of_changes_do_not_matter() {
        for (MigrationType a : MigrationType.values()) {
            assertThat(MergeMigrationTypes.merge(a, a)).isEqualTo(a);
            for (MigrationType b : MigrationType.values()) {
                assertThat(MergeMigrationTypes.merge(a, b)).isEqualTo(MergeMigrationTypes.merge(b, a));
                for (MigrationType c : MigrationType.values()) {
                    assertThat(MergeMigrationTypes.merge(MergeMigrationTypes.merge(a, b), c))
                            .isEqualTo(MergeMigrationTypes.merge(a, MergeMigrationTypes.merge(b, c)));
                }
            }
        }
    }
}
