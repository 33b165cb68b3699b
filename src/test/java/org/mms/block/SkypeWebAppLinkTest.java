package org.mms.block;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SkypeWebAppLinkTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "https://meet.example.com/alice/6N2YGD5G           | https://meet.example.com/alice/6N2YGD5G?sl=1",
        "https://meet.example.com/alice/6N2YGD5G?          | https://meet.example.com/alice/6N2YGD5G?sl=1",
        "https://meet.example.com/alice/6N2YGD5G?a=1       | https://meet.example.com/alice/6N2YGD5G?a=1&sl=1",
        "https://meet.example.com/alice/6N2YGD5G?a=1&b=2&  | https://meet.example.com/alice/6N2YGD5G?a=1&b=2&sl=1",
        "https://meet.example.com/alice/6N2YGD5G?sl=1      | https://meet.example.com/alice/6N2YGD5G?sl=1",
        "https://meet.example.com/alice/6N2YGD5G?a=1&sl=1  | https://meet.example.com/alice/6N2YGD5G?a=1&sl=1",
        "https://meet.example.com/alice/6N2YGD5G?xsl=1     | https://meet.example.com/alice/6N2YGD5G?xsl=1&sl=1",
        "https://meet.example.com/alice/6N2YGD5G#top       | https://meet.example.com/alice/6N2YGD5G?sl=1#top",
        "https://meet.example.com/alice/6N2YGD5G?a=1#top   | https://meet.example.com/alice/6N2YGD5G?a=1&sl=1#top",
        "https://meet.example.com/alice/6N2YGD5G?q=%3F%23#x | https://meet.example.com/alice/6N2YGD5G?q=%3F%23&sl=1#x",
    })
    void web_app_link_adds_sl_1_to_the_query(String joinUrl, String expected) {
        assertThat(SkypeWebAppLink.of(URI.create(joinUrl))).isEqualTo(expected);
    }
}
