package org.mms.block;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProviderNamesTest {

    @ParameterizedTest(name = "''{0}'' names only a provider: {1}")
    @CsvSource(delimiter = '|', value = {
        "Microsoft Teams Meeting          | true",
        "Microsoft Teams meeting          | true",
        "Microsoft Teams (free)           | true",
        "'  microsoft teams (FREE) '       | true",
        "Microsoft Teams-Besprechung      | true",
        "Skype Meeting                    | true",
        "Skype-möte                       | true",
        "Microsoft Teams (free); Room 4.2 | false",
        "Café Nero, Kungsgatan            | false",
        "Teams                            | false",
    })
    void a_location_that_is_only_a_providers_name_may_follow_the_meeting_to_its_new_type(String location, boolean providerOnly) {
        assertThat(ProviderNames.isProviderOnly(location)).isEqualTo(providerOnly);
    }
}
