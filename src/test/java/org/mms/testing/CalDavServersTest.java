package org.mms.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The harness itself: each server starts privately, answers, makes calendars, and is gone after close. */
class CalDavServersTest {

    @Test
    void radicale_starts_in_a_private_directory_asks_for_credentials_and_leaves_nothing_behind() throws Exception {
        Path directory;
        ProcessHandle process;
        URI base;
        try (RadicaleServer server = RadicaleServer.start()) {
            directory = server.directory();
            process = server.processHandle();
            base = server.baseUrl();
            assertThat(Files.readString(directory.resolve("config"))).contains("hosts = 127.0.0.1:" + base.getPort());
            assertThat(statusOf("PROPFIND", base.resolve("/mms/"))).isEqualTo(401);
            URI calendar = server.makeCalendar("harness");
            assertThat(calendar).isEqualTo(base.resolve("/mms/harness/"));
        }
        assertStopped(process, base, directory);
    }

    @Test
    void xandikos_starts_in_a_private_directory_with_its_default_calendar_and_leaves_nothing_behind() throws Exception {
        Path directory;
        ProcessHandle process;
        URI base;
        try (XandikosServer server = XandikosServer.start()) {
            directory = server.directory();
            process = server.processHandle();
            base = server.baseUrl();
            assertThat(statusOf("OPTIONS", base.resolve("/user/calendars/calendar/"))).isEqualTo(200);
            assertThat(server.makeCalendar("harness")).isEqualTo(base.resolve("/user/calendars/harness/"));
        }
        assertStopped(process, base, directory);
    }

    @Test
    void cyrus_starts_in_a_private_directory_with_the_accounts_calendars_and_leaves_nothing_behind() throws Exception {
        Path directory;
        ProcessHandle process;
        URI base;
        try (CyrusServer server = CyrusServer.start("alice")) {
            directory = server.directory();
            process = server.processHandle();
            base = server.baseUrl();
            assertThat(Files.readString(directory.resolve("cyrus.conf"))).contains("listen=\"127.0.0.1:" + base.getPort() + "\"");
            assertThat(statusOf("PROPFIND", base.resolve("/dav/calendars/user/alice/"))).isEqualTo(401);
            assertThat(server.makeCalendar("harness")).isEqualTo(base.resolve("/dav/calendars/user/alice/harness/"));
            assertThat(server.mailSent()).isEmpty();
        }
        assertStopped(process, base, directory);
    }

    private static void assertStopped(ProcessHandle process, URI base, Path directory) throws InterruptedException {
        assertThat(process.isAlive()).isFalse();
        assertThat(process.descendants()).isEmpty();
        assertThat(directory).doesNotExist();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 500);
            throw new AssertionError("something still listens on " + base);
        } catch (IOException refused) {
            // nothing listens any more
        }
    }

    private static int statusOf(String method, URI url) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            return client.send(HttpRequest.newBuilder(url).method(method, HttpRequest.BodyPublishers.noBody())
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }
}
