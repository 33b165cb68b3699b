package org.mms.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static final Secret PASSWORD = new Secret("pässwört 🔑 correct horse");
    private static final String CONTOSO = "tenant_calendar_store.password:contoso";

    private final SecretBox box = SecretBox.ephemeral();

    @Test
    void a_sealed_secret_opens_again_with_the_same_key_and_place() {
        String sealed = box.seal(PASSWORD, CONTOSO);

        assertThat(box.open(sealed, CONTOSO)).isEqualTo(PASSWORD);
    }

    @Test
    void the_sealed_form_is_versioned_text_that_holds_nothing_of_the_secret() {
        String sealed = box.seal(PASSWORD, CONTOSO);

        assertThat(sealed).startsWith("v1:").doesNotContain(PASSWORD.reveal()).doesNotContain("correct");
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        assertThat(raw).hasSize(12 + PASSWORD.reveal().getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 16);
    }

    @Test
    void every_seal_of_the_same_secret_differs_because_each_has_a_new_nonce() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            seen.add(box.seal(PASSWORD, CONTOSO));
        }
        assertThat(seen).hasSize(200);
        assertThat(seen.stream().map(s -> s.substring(3, 19)).distinct()).hasSize(200);
    }

    @Test
    void a_secret_sealed_for_one_tenant_does_not_open_for_another() {
        String sealed = box.seal(PASSWORD, CONTOSO);

        assertThatThrownBy(() -> box.open(sealed, "tenant_calendar_store.password:fabrikam"))
                .isInstanceOf(SecretBox.SealedSecretException.class).hasMessageNotContaining(PASSWORD.reveal());
    }

    @Test
    void another_key_does_not_open_a_sealed_secret() {
        String sealed = box.seal(PASSWORD, CONTOSO);

        assertThatThrownBy(() -> SecretBox.ephemeral().open(sealed, CONTOSO)).isInstanceOf(SecretBox.SealedSecretException.class)
                .hasMessageContaining("does not open");
    }

    @Test
    void a_changed_byte_anywhere_in_the_sealed_form_is_refused() {
        byte[] raw = Base64.getDecoder().decode(box.seal(PASSWORD, CONTOSO).substring(3));
        for (int i = 0; i < raw.length; i++) {
            byte[] changed = raw.clone();
            changed[i] ^= 0x01;
            String tampered = "v1:" + Base64.getEncoder().encodeToString(changed);
            assertThatThrownBy(() -> box.open(tampered, CONTOSO)).as("byte %d changed", i).isInstanceOf(SecretBox.SealedSecretException.class);
        }
    }

    @Test
    void an_unknown_version_or_broken_text_is_refused_with_the_reason() {
        assertThatThrownBy(() -> box.open("v2:AAAA", CONTOSO)).hasMessageContaining("unknown version");
        assertThatThrownBy(() -> box.open("v1:not base64!", CONTOSO)).hasMessageContaining("not base64");
        assertThatThrownBy(() -> box.open("v1:AAAA", CONTOSO)).hasMessageContaining("too short");
    }

    @Test
    void a_key_must_have_32_bytes() {
        assertThatThrownBy(() -> new SecretBox(new byte[16])).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32");
    }

    @Test
    void a_secret_and_a_box_never_show_what_they_hold() {
        record Settings(String user, Secret password) {
        }

        assertThat(PASSWORD.toString()).isEqualTo("****");
        assertThat(new Settings("mms", PASSWORD).toString()).doesNotContain(PASSWORD.reveal()).contains("****");
        assertThat(java.util.Optional.of(PASSWORD).toString()).doesNotContain(PASSWORD.reveal());
        assertThat(box.toString()).isEqualTo("SecretBox[AES-256-GCM]");
    }
}
