package org.mms.block;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WindowsLcidTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "en-US, 1033", "de-DE, 1031", "fr-FR, 1036", "sv-SE, 1053", "da-DK, 1030", "ja-JP, 1041",
        "de-AT, 3079", "en-GB, 2057", "fr-CA, 3084",
    })
    void known_locales_get_their_decimal_lcid(String tag, int lcid) {
        assertThat(WindowsLcid.of(Locale.forLanguageTag(tag))).isEqualTo(lcid);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"de-LI, 1031", "sv-AX, 1053", "ja, 1041", "xx-YY, 1033", "und, 1033"})
    void unknown_regions_fall_back_to_the_language_then_to_en_us(String tag, int lcid) {
        assertThat(WindowsLcid.of(Locale.forLanguageTag(tag))).isEqualTo(lcid);
    }
}
