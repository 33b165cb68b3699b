package org.mms.block;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Labels follow the organizer's language, fall back by language, and end in en-US, never in the JVM's locale. */
class BlockLabelsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "en-US, en-US, Microsoft Teams meeting, Join Skype Meeting",
        "de-DE, de-DE, Microsoft Teams-Besprechung, An Skype-Besprechung teilnehmen",
        "fr-FR, fr-FR, Réunion Microsoft Teams, Rejoindre la réunion Skype",
        "sv-SE, sv-SE, Microsoft Teams-möte, Anslut till Skype-mötet",
        "es-ES, es-ES, Reunión de Microsoft Teams, Unirse a la reunión de Skype",
        "it-IT, it-IT, Riunione di Microsoft Teams, Partecipa alla riunione Skype",
        "nl-NL, nl-NL, Microsoft Teams-vergadering, Deelnemen aan Skype-vergadering",
        "ja-JP, ja-JP, Microsoft Teams ミーティング, Skype 会議に参加",
    })
    void each_language_file_defines_every_label(String tag, String languageTag, String teamsTitle, String skypeJoin) {
        BlockLabels labels = BlockLabels.forLocale(Locale.forLanguageTag(tag));

        assertThat(labels.languageTag()).isEqualTo(languageTag);
        assertThat(labels.texts()).containsOnlyKeys(BlockLabels.Key.values());
        assertThat(labels.texts().values()).allSatisfy(text -> assertThat(text).isNotBlank().isEqualTo(text.strip()));
        assertThat(labels.get(BlockLabels.Key.TEAMS_TITLE)).isEqualTo(teamsTitle);
        assertThat(labels.get(BlockLabels.Key.SKYPE_JOIN)).isEqualTo(skypeJoin);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"de-AT, de-DE", "de-CH, de-DE", "de, de-DE", "fr-CA, fr-FR", "sv-FI, sv-SE", "en-GB, en-US", "es-MX, es-ES",
        "it-CH, it-IT", "nl-BE, nl-NL", "ja, ja-JP"})
    void a_regional_variant_gets_the_labels_of_its_language(String tag, String labelLanguage) {
        assertThat(BlockLabels.forLocale(Locale.forLanguageTag(tag)).languageTag()).isEqualTo(labelLanguage);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"pt-BR", "da-DK", "xx-YY", "und"})
    void a_language_without_labels_falls_back_to_en_us(String tag) {
        BlockLabels labels = BlockLabels.forLocale(Locale.forLanguageTag(tag));

        assertThat(labels.languageTag()).isEqualTo("en-US");
        assertThat(labels.get(BlockLabels.Key.TEAMS_CLICK_TO_JOIN)).isEqualTo("Click here to join the meeting");
    }

    @Test
    void fallback_ignores_the_default_locale_of_the_jvm() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            Coordinates brazilian = SampleCoordinates.skype(Locale.forLanguageTag("pt-BR"), false);

            String text = BlockRenderer.render(brazilian).text();

            assertThat(text).contains("Join Skype Meeting", "Trouble Joining? Try Skype Web App")
                    .doesNotContain("Skype-Besprechung");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void austrian_organizer_gets_german_labels_and_the_austrian_lcid() {
        RenderedBlock block = BlockRenderer.render(SampleCoordinates.skype(Locale.forLanguageTag("de-AT"), true));

        assertThat(block.text()).contains("An Skype-Besprechung teilnehmen", "Konferenzkennung: 79261", "[!OC([3079])!]");
        assertThat(block.html()).contains("[!OC([3079])!]");
    }

    @Test
    void teams_html_declares_the_language_its_labels_are_written_in() {
        assertThat(BlockRenderer.render(SampleCoordinates.teams(Locale.forLanguageTag("de-AT"), false)).html())
                .contains("lang=\"de-DE\"");
        assertThat(BlockRenderer.render(SampleCoordinates.teams(Locale.forLanguageTag("pt-BR"), false)).html())
                .contains("lang=\"en-US\"");
    }

    @Test
    void a_german_skype_block_reads_as_real_german_invitations_do() {
        String text = BlockRenderer.render(SampleCoordinates.skype(Locale.GERMANY, true)).text();

        assertThat(text).contains(
                "Falls Sie Schwierigkeiten bei der Teilnahme haben, bitte Skype Web App ausprobieren <",
                "\nLokale Rufnummer suchen <", "\nKonferenzkennung: 79261\n", "\nPIN für Einwahl vergessen? <")
                .doesNotContain("Probleme beim Beitreten", "Ortsgebundene", "Konferenz-ID", "Einwahl-PIN");
    }

    @Test
    void a_swedish_skype_block_asks_for_the_pin_for_uppringning() {
        String text = BlockRenderer.render(SampleCoordinates.skype(Locale.forLanguageTag("sv-SE"), true)).text();

        assertThat(text).contains("Har du glömt din PIN-kod för uppringning? <").doesNotContain("inringning");
    }
}
