package org.mms.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mms.migration.ComponentPlan;
import org.mms.migration.Organizer;
import org.mms.migration.Outcome;
import org.mms.migration.SelectionRules;
import org.mms.migration.SkipReason;

/**
 * An Outlook desktop export keeps none of the scheduling add-in's properties. Alice's own meetings in it
 * are still migrated, each decision naming what showed it is hers (her SIP user in the Skype link, her
 * object id in the Teams link, or her conference ID); a block pasted from Bob's invitation stays skipped;
 * the original service's strict rule is one switch away.
 */
class OutlookExportWithoutAddInPropertiesTest {

    private static final String FILE = "ics/outlook-export-no-addin-properties.ics";
    private static final String PROFILE = "teams-new-bridge.json";
    /** The conference ID Alice's Teams meeting in the fixture shows. */
    private static final String ALICE_CONFERENCE_ID = "658389278";

    @TempDir
    Path work;

    @Test
    void each_own_meeting_is_migrated_and_says_which_evidence_showed_it_is_the_organizers() {
        List<ComponentPlan> plans = migrate(SelectionRules.of(Fixtures.ALICE, Fixtures.NOW)).components();

        assertThat(plans).extracting(OutlookExportWithoutAddInPropertiesTest::decision).containsExactly(
                "migrated by SKYPE_JOIN_LINK", "migrated by TEAMS_JOIN_LINK", "skipped NO_ONLINE_MEETING", "skipped PAST");
        assertThat(((Outcome.Migrated) plans.get(0).outcome()).evidence().detail()).contains("alice", "6N2YGD5G");
        assertThat(((Outcome.Migrated) plans.get(1).outcome()).evidence().detail()).contains(Fixtures.ALICE_OBJECT_ID);
    }

    @Test
    void a_block_pasted_from_someone_elses_invitation_stays_skipped_and_says_whose_link_it_carries() {
        Outcome pasted = migrate(SelectionRules.of(Fixtures.ALICE, Fixtures.NOW)).components().get(2).outcome();

        assertThat(pasted).isInstanceOfSatisfying(Outcome.Skipped.class, s -> {
            assertThat(s.reason()).isEqualTo(SkipReason.NO_ONLINE_MEETING);
            assertThat(s.detail()).contains("3e9a6f21-47c8-4b5d-a1e0-8c2d9f6b7a43", "not the organizer's");
        });
    }

    @Test
    void without_the_object_id_the_organizers_conference_id_shows_the_teams_meeting_is_theirs_and_not_the_pasted_one() {
        Organizer alice = Organizer.of("alice@contoso.com", "alice.smith@contoso.com").withConferenceIds(Set.of(ALICE_CONFERENCE_ID));

        List<ComponentPlan> plans = migrate(SelectionRules.of(alice, Fixtures.NOW)).components();

        assertThat(plans).extracting(OutlookExportWithoutAddInPropertiesTest::decision).containsExactly(
                "migrated by SKYPE_JOIN_LINK", "migrated by CONFERENCE_ID", "skipped NO_ONLINE_MEETING", "skipped PAST");
    }

    @Test
    void with_nothing_known_but_the_address_a_teams_meeting_without_properties_cannot_be_shown_to_be_theirs() {
        List<ComponentPlan> plans = migrate(SelectionRules.of(Organizer.of("alice@contoso.com"), Fixtures.NOW)).components();

        assertThat(plans).extracting(OutlookExportWithoutAddInPropertiesTest::decision).containsExactly(
                "migrated by SKYPE_JOIN_LINK", "skipped NO_ONLINE_MEETING", "skipped NO_ONLINE_MEETING", "skipped PAST");
    }

    @Test
    void requiring_the_add_in_properties_restores_the_strict_rule_and_leaves_the_file_as_it_was() throws IOException {
        Fixtures.Run run = migrate(SelectionRules.of(Fixtures.ALICE, Fixtures.NOW).withAddInPropertiesRequired(true));

        assertThat(run.components()).allSatisfy(c -> assertThat(c.outcome()).isInstanceOfSatisfying(Outcome.Skipped.class,
                s -> assertThat(s.reason()).isEqualTo(SkipReason.NO_ONLINE_MEETING)));
        assertThat(((Outcome.Skipped) run.components().get(0).outcome()).detail()).contains("which this run requires");
        assertThat(run.output()).isEqualTo(Files.readAllBytes(Fixtures.path(FILE)));
    }

    @Test
    void a_migrated_meeting_carries_its_join_link_property_so_the_next_run_knows_it_without_the_evidence() throws IOException {
        Fixtures.Run first = migrate(SelectionRules.of(Fixtures.ALICE, Fixtures.NOW));
        Path once = work.resolve("once.ics");
        Files.write(once, first.output());

        Fixtures.Run second = Fixtures.migrate(once, work, PROFILE, SelectionRules.of(Organizer.of("alice@contoso.com"), Fixtures.NOW), false);

        assertThat(second.components()).extracting(OutlookExportWithoutAddInPropertiesTest::decision).containsExactly(
                "unchanged by ADD_IN_PROPERTIES", "unchanged by ADD_IN_PROPERTIES", "skipped NO_ONLINE_MEETING", "skipped PAST");
        assertThat(second.output()).isEqualTo(first.output());
    }

    private Fixtures.Run migrate(SelectionRules rules) {
        return Fixtures.migrate(Fixtures.path(FILE), work, PROFILE, rules, false);
    }

    private static String decision(ComponentPlan plan) {
        return switch (plan.outcome()) {
            case Outcome.Migrated m -> "migrated by " + m.evidence().kind();
            case Outcome.Unchanged u -> "unchanged by " + u.evidence().kind();
            case Outcome.Skipped s -> "skipped " + s.reason();
            case Outcome.Failed f -> "failed " + f.reason() + ": " + f.detail();
        };
    }
}
