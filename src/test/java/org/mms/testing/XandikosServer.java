package org.mms.testing;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Xandikos (Debian package {@code xandikos}) on a free port of 127.0.0.1 with a private data directory,
 * started with {@code --defaults} (principal {@code /user/}, calendar home {@code /user/calendars/}).
 * Xandikos has no authentication at all.
 */
public final class XandikosServer implements CalDavServer {

    private final ServerProcess process;

    private XandikosServer(ServerProcess process) {
        this.process = process;
    }

    /** Starts one; skips the test (or fails under CI) when Xandikos is not installed. */
    public static XandikosServer start() {
        Path binary = RequiredServer.assumeOrFail("xandikos", "xandikos");
        Path directory = ServerProcess.privateDirectory("xandikos");
        return new XandikosServer(ServerProcess.startOnFreePort("xandikos", directory, port -> List.of(binary.toString(),
                "-d", directory.resolve("data").toString(), "-l", "127.0.0.1", "-p", String.valueOf(port),
                "--defaults", "--current-user-principal", "/user/")));
    }

    @Override
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + process.port() + "/");
    }

    @Override
    public Optional<String> username() {
        return Optional.empty();
    }

    @Override
    public Optional<String> password() {
        return Optional.empty();
    }

    @Override
    public String calendarPathTemplate() {
        return "/user/calendars/{name}/";
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
