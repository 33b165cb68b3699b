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
    @CsvSource({"de-AT, de-DE", "de-CH, de-DE", "de, de-DE", "fr-CA, fr-FR", "sv-FI, sv-SE", "en-GB, en-US"})
    void a_regional_variant_gets_the_labels_of_its_language(String tag, String labelLanguage) {
        assertThat(BlockLabels.forLocale(Locale.forLanguageTag(tag)).languageTag()).isEqualTo(labelLanguage);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ja-JP", "da-DK", "xx-YY", "und"})
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
            Coordinates japanese = SampleCoordinates.skype(Locale.JAPAN, false);

            String text = BlockRenderer.render(japanese).text();

            assertThat(text).contains("Join Skype Meeting", "Trouble Joining? Try Skype Web App")
                    .doesNotContain("Skype-Besprechung");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void austrian_organizer_gets_german_labels_and_the_austrian_lcid() {
        RenderedBlock block = BlockRenderer.render(SampleCoordinates.skype(Locale.forLanguageTag("de-AT"), true));

        assertThat(block.text()).contains("An Skype-Besprechung teilnehmen", "Konferenz-ID: 79261", "[!OC([3079])!]");
        assertThat(block.html()).contains("[!OC([3079])!]");
    }

    @Test
    void teams_html_declares_the_language_its_labels_are_written_in() {
        assertThat(BlockRenderer.render(SampleCoordinates.teams(Locale.forLanguageTag("de-AT"), false)).html())
                .contains("lang=\"de-DE\"");
        assertThat(BlockRenderer.render(SampleCoordinates.teams(Locale.JAPAN, false)).html())
                .contains("lang=\"en-US\"");
    }
}
