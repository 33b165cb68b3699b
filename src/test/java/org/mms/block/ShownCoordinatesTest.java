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

    @Test
    void the_digits_of_a_tel_link_are_not_read_as_a_number_the_block_shows() {
        String block = "Dial in by phone\n(866) 679-9995,,369952710#<tel:+18666799995,,369952710#> United States (Toll-free)\n"
                + "+1 323-849-4874,,369952710#<TEL:+13238494874,,369952710#>\nPhone conference ID: 369 952 710#";

        ShownCoordinates shown = ShownCoordinates.of(block, MeetingType.TEAMS);

        assertThat(shown.digitGroups()).containsExactlyInAnyOrder("8666799995", "1323849" + "4874", "369952710");
    }
}
