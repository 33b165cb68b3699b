package org.mms.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResourceEtagTest {

    private static final byte[] DATA = "BEGIN:VCALENDAR\r\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void an_etag_is_a_quoted_version_and_content_hash_that_gives_its_version_back() {
        String etag = ResourceEtag.of(42, DATA);

        assertThat(etag).matches("\"42-[0-9a-f]{16}\"");
        assertThat(ResourceEtag.versionOf(etag)).hasValue(42);
    }

    @Test
    void the_same_version_of_other_bytes_is_another_etag() {
        assertThat(ResourceEtag.of(1, DATA)).isNotEqualTo(ResourceEtag.of(1, "BEGIN:VCALENDAR\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(ResourceEtag.of(1, DATA)).isNotEqualTo(ResourceEtag.of(2, DATA));
        assertThat(ResourceEtag.of(1, DATA)).isEqualTo(ResourceEtag.of(1, DATA.clone()));
    }

    @Test
    void anything_else_names_no_version() {
        assertThat(ResourceEtag.versionOf("\"abc\"")).isEmpty();
        assertThat(ResourceEtag.versionOf("W/" + ResourceEtag.of(3, DATA))).isEmpty();
        assertThat(ResourceEtag.versionOf("\"0-0123456789abcdef\"")).isEmpty();
        assertThat(ResourceEtag.versionOf("*")).isEmpty();
        assertThat(ResourceEtag.versionOf("")).isEmpty();
    }
}
