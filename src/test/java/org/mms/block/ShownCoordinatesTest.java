package org.mms.block;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShownCoordinatesTest {

    @Test
    void reads_numbers_and_ids_as_digit_groups_without_labels_or_links() {
        String block = "Rufen Sie an\n+49 69 365 3010,,582913407# Deutschland, Frankfurt\nKonferenz-ID: 582 913 407#\n"
                + "Ortsnummer <https://dialin.teams.microsoft.com/x?id=582913407>\n[!OC([1031])!]";

        ShownCoordinates shown = ShownCoordinates.of(block, MeetingType.TEAMS);

        assertThat(shown.digitGroups()).containsExactlyInAnyOrder("496936530" + "10", "582913407");
        assertThat(shown.links()).containsExactly("https://dialin.teams.microsoft.com/x?id=582913407");
    }
}
