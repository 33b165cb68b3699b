package org.mms.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResourceRefTest {

    private static final String OUTLOOK_UID =
            "040000008200E00074C5B7101A82E00800000000D0A1B2C3D4E5F601000000000000000010000000E8B1B7F0C0FFEE42A1B2C3D4E5F60718";

    @Test
    void the_name_for_a_uid_is_32_hex_digits_of_its_sha_256_and_ics() {
        // SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
        assertThat(ResourceRef.forUid("abc").href()).isEqualTo("ba7816bf8f01cfea414140de5dae2223.ics");
        assertThat(ResourceRef.forUid(OUTLOOK_UID).href()).matches("[0-9a-f]{32}\\.ics");
    }

    @Test
    void the_same_uid_always_gives_the_same_name_and_other_uids_other_names() {
        assertThat(ResourceRef.forUid(OUTLOOK_UID)).isEqualTo(ResourceRef.forUid(OUTLOOK_UID));
        assertThat(ResourceRef.forUid("Meeting-1")).isNotEqualTo(ResourceRef.forUid("meeting-1"));
        assertThat(ResourceRef.forUid("a/b c@ünï")).isNotEqualTo(ResourceRef.forUid("a/b c@uni"));
    }

    @Test
    void a_blank_uid_names_nothing() {
        assertThatThrownBy(() -> ResourceRef.forUid(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"6f1c2a3e-9b7d-4c1e-8f2a-0123456789ab.ics", "uid%40example.com.ics", "event@host.ics",
        "A_b~c!$&'()*+,;=:.ics", "x"})
    void names_servers_give_are_taken_as_they_are(String href) {
        assertThat(new ResourceRef(href).href()).isEqualTo(href);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "a/b.ics", "a b.ics", "ünï.ics", "a?b", "a#b", "50%.ics", "%4g.ics", "a\nb", "\"q\""})
    void anything_that_is_not_one_url_path_segment_is_refused(String href) {
        assertThatThrownBy(() -> new ResourceRef(href)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void names_longer_than_255_characters_are_refused() {
        assertThat(new ResourceRef("a".repeat(255)).href()).hasSize(255);
        assertThatThrownBy(() -> new ResourceRef("a".repeat(256))).isInstanceOf(IllegalArgumentException.class);
    }
}
