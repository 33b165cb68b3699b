package org.mms.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Radicale (Debian package {@code radicale}) on a free port of 127.0.0.1, with a private configuration
 * and storage directory (never the system's {@code /etc/radicale/config}), and HTTP Basic
 * authentication against a plain htpasswd file, so that every test also exercises the credentials.
 * Its rights are Radicale's default, {@code owner_only}: the account reaches {@code /<user>/<calendar>/}.
 */
public final class RadicaleServer implements CalDavServer {

    public static final String USER = "mms";

    private final ServerProcess process;
    private final String password;

    private RadicaleServer(ServerProcess process, String password) {
        this.process = process;
        this.password = password;
    }

    /** Starts one; skips the test (or fails under CI) when Radicale is not installed. */
    public static RadicaleServer start() {
        Path binary = RequiredServer.assumeOrFail("radicale", "radicale");
        Path directory = ServerProcess.privateDirectory("radicale");
        String password = "pw-" + UUID.randomUUID();
        try {
            Files.createDirectories(directory.resolve("collections"));
            Files.writeString(directory.resolve("users"), USER + ":" + password + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RadicaleServer(ServerProcess.startOnFreePort("radicale", directory, port -> {
            writeConfig(directory, port);
            return List.of(binary.toString(), "--config", directory.resolve("config").toString());
        }), password);
    }

    private static void writeConfig(Path directory, int port) {
        try {
            Files.writeString(directory.resolve("config"), String.join("\n",
                    "[server]",
                    "hosts = 127.0.0.1:" + port,
                    "[auth]",
                    "type = htpasswd",
                    "htpasswd_filename = " + directory.resolve("users"),
                    "htpasswd_encryption = plain",
                    // Radicale waits this long after a failed login; the tests make some on purpose.
                    "delay = 0",
                    "[storage]",
                    "filesystem_folder = " + directory.resolve("collections"),
                    "[logging]",
                    "level = warning",
                    ""), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + process.port() + "/");
    }

    @Override
    public Optional<String> username() {
        return Optional.of(USER);
    }

    @Override
    public Optional<String> password() {
        return Optional.of(password);
    }

    /** Calendars directly under the principal: Radicale's rights refuse deeper collections. */
    @Override
    public String calendarPathTemplate() {
        return "/" + USER + "/{name}/";
    }

    @Override
    public String log() {
        return process.log();
    }

    /** The private directory of configuration, storage and log. */
    Path directory() {
        return process.directory();
    }

    /** The server process (its children are stopped with it). */
    ProcessHandle processHandle() {
        return process.handle();
    }

    @Override
    public void close() {
        process.close();
    }
}
