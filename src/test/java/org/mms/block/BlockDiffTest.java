package org.mms.block;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The dry run's diff, and the organization text it names among the lines only the old block has. */
class BlockDiffTest {

    private static final String OLD_SWEDISH_BLOCK = String.join("\n",
            BlockFences.SKYPE_TEXT,
            "Anslut till Skype-mötet <https://meet.contoso.se/anna/6N2YGD5G>",
            "Anslut via telefon",
            "+46 8 123 456 78 (Stockholm)",
            "Konferens-ID: 68138",
            "________________________________",
            "För videosystem, ring 21033@contoso.se och ange Konferens-ID ovan.",
            "Kontakta servicedesken på anknytning 4357",
            "",
            "[!OC([1053])!]",
            BlockFences.SKYPE_TEXT);

    @Test
    void organization_text_is_what_the_new_block_drops_that_is_neither_a_link_a_number_a_rule_nor_a_label() {
        String newBlock = BlockRenderer.render(SampleCoordinates.teams(Locale.US, true)).text();

        assertThat(BlockDiff.removedOrganizationText(OLD_SWEDISH_BLOCK, newBlock)).containsExactly(
                "För videosystem, ring 21033@contoso.se och ange Konferens-ID ovan.",
                "Kontakta servicedesken på anknytning 4357");
    }

    @Test
    void a_line_the_new_block_keeps_is_not_removed() {
        String newBlock = OLD_SWEDISH_BLOCK.replace("anna/6N2YGD5G", "anna/NEWKEY12");

        assertThat(BlockDiff.removedOrganizationText(OLD_SWEDISH_BLOCK, newBlock)).isEmpty();
        assertThat(BlockDiff.lines(OLD_SWEDISH_BLOCK, newBlock)).contains(
                "- Anslut till Skype-mötet <https://meet.contoso.se/anna/6N2YGD5G>",
                "+ Anslut till Skype-mötet <https://meet.contoso.se/anna/NEWKEY12>",
                "  Kontakta servicedesken på anknytning 4357");
    }
}
