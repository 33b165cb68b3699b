package org.mms.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretKeyFileTest {

    private static final Secret PASSWORD = new Secret("s3cret-for-the-key-file");
    private static final String PLACE = "tenant_calendar_store.password:default";

    @TempDir
    Path data;

    @Test
    void on_first_start_the_key_file_is_made_readable_by_its_owner_only_and_holds_a_32_byte_key() throws Exception {
        SecretKeyFile.open(data, Map.of());

        Path file = data.resolve("secret.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        try (var files = Files.list(data)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("secret.key");
        }
    }

    @Test
    void a_later_start_uses_the_same_key_so_what_was_sealed_opens() throws Exception {
        String sealed = SecretKeyFile.open(data, Map.of()).seal(PASSWORD, PLACE);

        assertThat(SecretKeyFile.open(data, Map.of()).open(sealed, PLACE)).isEqualTo(PASSWORD);
    }

    @Test
    void processes_starting_at_once_all_end_up_with_one_key() throws Exception {
        List<Callable<SecretBox>> starts = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            starts.add(() -> SecretKeyFile.open(data, Map.of()));
        }
        List<SecretBox> boxes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (Future<SecretBox> f : pool.invokeAll(starts)) {
                boxes.add(f.get());
            }
        }
        String sealed = boxes.getFirst().seal(PASSWORD, PLACE);
        boxes.forEach(box -> assertThat(box.open(sealed, PLACE)).isEqualTo(PASSWORD));
        try (var files = Files.list(data)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary files left").containsExactly("secret.key");
        }
    }

    @Test
    void the_key_from_the_environment_wins_and_no_file_is_made() throws Exception {
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        String sealed = new SecretBox(new byte[32]).seal(PASSWORD, PLACE);

        SecretBox box = SecretKeyFile.open(data, Map.of("MMS_SECRET_KEY", key));

        assertThat(box.open(sealed, PLACE)).isEqualTo(PASSWORD);
        assertThat(data.resolve("secret.key")).doesNotExist();
    }

    @Test
    void a_key_of_the_wrong_size_is_refused_without_being_repeated() {
        String shortKey = Base64.getEncoder().encodeToString("sixteen-byte-key".getBytes());

        assertThatThrownBy(() -> SecretKeyFile.open(data, Map.of("MMS_SECRET_KEY", shortKey)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MMS_SECRET_KEY").hasMessageContaining("32 bytes")
                .hasMessageNotContaining(shortKey);
        assertThatThrownBy(() -> SecretKeyFile.open(data, Map.of("MMS_SECRET_KEY", "not base64 at all!")))
                .hasMessageNotContaining("not base64 at all");
    }
}
