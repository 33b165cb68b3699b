package org.mms.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mms.config.ServiceConfig;
import org.mms.sample.SampleOrganization;
import tools.jackson.databind.JsonNode;

/**
 * Defect 6 of issue 13: the data directory holds the calendars, the messages and the tokens, and it was
 * 755 with a 644 database in it. After a start on a fresh directory and a migration that writes messages,
 * nothing under it is open to the group or to others, and neither is a calendar exported.
 */
class DataFilesOwnerOnlyTest {

    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_EXECUTE);

    @TempDir
    Path dir;

    @Test
    void the_data_directory_and_every_file_in_it_after_a_migration_are_its_owners_alone() throws Exception {
        Path data = dir.resolve("data");
        ServiceConfig config = LoopbackConfig.of(data, 1);
        SampleOrganization org = new SampleOrganization(2);
        try (MmsService service = MmsService.start(config, Clock.systemUTC())) {
            AdminShell admin = new AdminShell(service, data);
            Path directory = Files.writeString(dir.resolve("directory.json"), org.directoryJson());
            admin.run("Import-CsDirectory", "-Path", directory.toString());
            SampleOrganization.Organizer organizer = org.organizers().getFirst();
            Path ics = Files.write(dir.resolve("calendar.ics"), org.calendar(organizer, Instant.now(), 5, 7));
            admin.run("Import-CsCalendar", "-Identity", organizer.upn(), "-Path", ics.toString());
            admin.run("Set-CsTenantMigrationConfiguration", "-SettleWindowSeconds", "0");
            admin.run("Move-CsUser", "-Identity", organizer.upn(), "-Target", "sipfed.online.lync.com");
            JsonNode statuses = admin.waitForMigrations(Duration.ofSeconds(60));
            assertThat(statuses.get(0).path("State").asString()).as(statuses.toString()).isEqualTo("Succeeded");
            waitForMessages(config.mail().pickupDirectory());
            Path exported = dir.resolve("exported.ics");
            admin.run("Export-CsCalendar", "-Identity", organizer.upn(), "-Path", exported.toString());

            assertThat(openToOthers(data)).as("modes under " + data).isEmpty();
            assertThat(mode(data)).isEqualTo("rwx------");
            assertThat(mode(data.resolve("mms.mv.db"))).isEqualTo("rw-------");
            assertThat(mode(exported)).isEqualTo("rw-------");
        }
    }

    @Test
    void a_data_directory_left_open_by_an_earlier_version_is_closed_at_start() throws Exception {
        Path data = Files.createDirectories(dir.resolve("old-data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path left = Files.writeString(data.resolve("notes.txt"), "left by hand");
        Files.setPosixFilePermissions(left, PosixFilePermissions.fromString("rw-r--r--"));
        ServiceConfig config = LoopbackConfig.of(data, 0);

        try (MmsService service = MmsService.start(config, Clock.systemUTC())) {
            assertThat(openToOthers(data)).isEmpty();
            assertThat(mode(left)).isEqualTo("rw-------");
        }
    }

    private static void waitForMessages(Path pickup) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            if (Files.isDirectory(pickup)) {
                try (Stream<Path> files = Files.list(pickup)) {
                    if (files.anyMatch(f -> f.getFileName().toString().endsWith(".eml"))) {
                        return;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no message written to " + pickup);
    }

    /** Every path under {@code root} (and {@code root}) with a bit for the group or others, with its mode. */
    private static List<String> openToOthers(Path root) throws IOException {
        List<String> open = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(root)) {
            paths.forEach(path -> {
                try {
                    Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path);
                    if (mode.stream().anyMatch(OTHERS::contains)) {
                        open.add(root.relativize(path) + " " + PosixFilePermissions.toString(mode));
                    }
                } catch (NoSuchFileException gone) {
                    // A temporary file that went away while the tree was walked.
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return open;
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
