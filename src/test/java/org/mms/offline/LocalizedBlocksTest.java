package org.mms.offline;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mms.migration.ComponentPlan;
import org.mms.migration.Outcome;
import org.mms.migration.SelectionRules;
import org.mms.testing.GoldenRule;
import org.mms.testing.UnfoldedText;

/**
 * An invitation written in another language, migrated for an organizer of that language: the engine finds
 * the old block whatever its labels say, writes the new one in the same language, changes nothing outside
 * it (the golden rule), and a second run leaves the result alone. The fixtures and where their wording
 * comes from are described in {@code fixtures/ics/localized/README.md}.
 */
class LocalizedBlocksTest {

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "skype-de | de-DE | skype-online.json    | An Skype-Besprechung teilnehmen | Konferenzkennung: 48213",
        "skype-fr | fr-FR | skype-online.json    | Rejoindre la réunion Skype      | ID de conférence : 48213",
        "skype-sv | sv-SE | skype-online.json    | Anslut till Skype-mötet         | Konferens-ID: 48213",
        "skype-es | es-ES | skype-online.json    | Unirse a la reunión de Skype    | ID de conferencia: 48213",
        "skype-it | it-IT | skype-online.json    | Partecipa alla riunione Skype   | ID conferenza: 48213",
        "skype-nl | nl-NL | skype-online.json    | Deelnemen aan Skype-vergadering | Vergaderings-id: 48213",
        "skype-ja | ja-JP | skype-online.json    | Skype 会議に参加                 | 会議 ID: 48213",
        "teams-de | de-DE | teams-new-bridge.json | Microsoft Teams-Besprechung    | Telefonkonferenz-ID: 582 913 407#",
        "teams-fr | fr-FR | teams-new-bridge.json | Réunion Microsoft Teams        | ID de conférence téléphonique : 582 913 407#",
        "teams-sv | sv-SE | teams-new-bridge.json | Microsoft Teams-möte           | Telefonkonferens-ID: 582 913 407#",
        "teams-es | es-ES | teams-new-bridge.json | Reunión de Microsoft Teams     | ID de conferencia telefónica: 582 913 407#",
        "teams-it | it-IT | teams-new-bridge.json | Riunione di Microsoft Teams    | ID conferenza telefonica: 582 913 407#",
        "teams-nl | nl-NL | teams-new-bridge.json | Microsoft Teams-vergadering    | Telefonische vergadering-id: 582 913 407#",
        "teams-ja | ja-JP | teams-new-bridge.json | Microsoft Teams ミーティング     | 電話会議 ID: 582 913 407#",
        // An audio change keeps the meeting: its ID and passcode are read from the old block whatever its labels.
        "teams-de | de-DE | teams-conference-id-reset.json | Besprechungs-ID: 281 143 778 467 | Kennung: EQ475F",
        "teams-fr | fr-FR | teams-conference-id-reset.json | ID de la réunion : 214 232 260 982 | Code secret : 5D5CD9",
        "teams-ja | ja-JP | teams-conference-id-reset.json | 会議 ID: 149 100 460 005         | パスコード: 4C4455",
    })
    void a_localized_block_is_found_replaced_in_its_language_and_left_alone_the_second_time(
            String fixture, String locale, String profile, String expectedLine, String otherExpectedLine) throws IOException {
        Path input = Fixtures.path("ics/localized/" + fixture + ".ics");
        ReadProfile.Profile target = profileIn(profile, locale);
        SelectionRules rules = SelectionRules.of(Fixtures.ALICE, Fixtures.NOW);

        Fixtures.Run first = Fixtures.migrate(input, work, target, rules, false);

        assertThat(first.components()).hasSize(1);
        ComponentPlan meeting = first.components().getFirst();
        assertThat(meeting.outcome()).as("the %s block is found and replaced", fixture).isInstanceOf(Outcome.Migrated.class);
        Outcome.Migrated migrated = (Outcome.Migrated) meeting.outcome();
        GoldenRule.check(meeting.original(), migrated.bytes(), migrated.edits());
        String written = UnfoldedText.of(first.output());
        assertThat(written).as("the new block is written in %s", locale).contains(expectedLine, otherExpectedLine);

        Path once = work.resolve("once-" + fixture + "-" + profile + ".ics");
        Files.write(once, first.output());
        Fixtures.Run second = Fixtures.migrate(once, work, target, rules, false);

        assertThat(second.components()).singleElement().extracting(ComponentPlan::outcome).isInstanceOf(Outcome.Unchanged.class);
        assertThat(second.output()).isEqualTo(first.output());
    }

    private static ReadProfile.Profile profileIn(String profile, String locale) throws IOException {
        String json = Files.readString(Fixtures.path("profiles/" + profile), UTF_8);
        assertThat(json).contains("\"locale\": \"en-US\"");
        return ReadProfile.from(json.replace("\"locale\": \"en-US\"", "\"locale\": \"" + locale + "\""));
    }
}
