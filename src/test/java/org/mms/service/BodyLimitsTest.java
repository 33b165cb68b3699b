package org.mms.service;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mms.config.LoadConfig;
import org.mms.config.ServiceConfig;
import org.mms.testing.RawHttp;

/**
 * Defect 7 of issue 13: any route read a body of up to 64 MB, so a few large uploads at once could run
 * the process out of memory. Each kind of route now reads only what it needs, set through the config
 * file; a body over its route's limit is a 413 problem, whether it declares its length or not.
 */
class BodyLimitsTest {

    @TempDir
    Path dir;

    @Test
    void every_route_refuses_a_body_over_its_configured_limit_with_a_413_problem_and_the_server_stays_ready() throws Exception {
        Path file = dir.resolve("mms.json");
        Files.writeString(file, "{\"http\": {\"port\": 0, \"maxBodyBytes\": {\"json\": 2048, \"directoryImport\": 8192, \"calendarImport\": 16384}},"
                + " \"workers\": {\"threads\": 0}}");
        ServiceConfig config = LoadConfig.load(Optional.of(dir.resolve("data")), Optional.of(file), Map.of());
        try (MmsService service = MmsService.start(config, Clock.systemUTC())) {
            RawHttp http = new RawHttp(service.port());
            Map<String, String> json = headers(dir, "application/json");
            Map<String, String> ics = headers(dir, "text/calendar");

            String directory = "{\"users\": [{\"upn\": \"alice@contoso.com\", \"hosting\": \"online\", \"displayName\": \"%s\"}]}";
            assertThat(http.send("POST", "/api/v1/directory/import", json, directory.formatted("A".repeat(200)).getBytes(UTF_8)).status())
                    .isEqualTo(200);
            assertProblem(http.send("POST", "/api/v1/directory/import", json, directory.formatted("A".repeat(9000)).getBytes(UTF_8)), 413);
            Map<String, String> chunked = new LinkedHashMap<>(json);
            chunked.put("Transfer-Encoding", "chunked");
            assertProblem(http.send("POST", "/api/v1/directory/import", chunked, chunk(directory.formatted("A".repeat(9000)))), 413);

            String settings = "{\"SettleWindowSeconds\": 60%s}";
            assertThat(http.send("PATCH", "/api/v1/tenant/migration-configuration", json, settings.formatted("").getBytes(UTF_8)).status())
                    .isEqualTo(200);
            assertProblem(http.send("PATCH", "/api/v1/tenant/migration-configuration", json,
                    settings.formatted(" ".repeat(3000)).getBytes(UTF_8)), 413);
            assertProblem(http.send("POST", "/api/v1/users/alice%40contoso.com/move", chunked,
                    chunk("{\"Target\": \"online\"" + " ".repeat(3000) + "}")), 413);

            String calendar = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//x//EN\r\nBEGIN:VEVENT\r\nUID:u1\r\nDTSTART:20301001T090000Z\r\n"
                    + "DTEND:20301001T093000Z\r\nSUMMARY:x\r\nDESCRIPTION:%s\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
            assertThat(http.send("PUT", "/api/v1/users/alice%40contoso.com/calendar", ics, calendar.formatted("d".repeat(60)).getBytes(UTF_8))
                    .status()).isEqualTo(200);
            assertProblem(http.send("PUT", "/api/v1/users/alice%40contoso.com/calendar", ics,
                    calendar.formatted("d".repeat(20_000)).getBytes(UTF_8)), 413);

            assertThat(http.send("GET", "/ready", Map.of(), null).status()).isEqualTo(200);
        }
    }

    private static void assertProblem(RawHttp.Response r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.body()).contains("larger than");
    }

    private static Map<String, String> headers(Path dir, String type) throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + Files.readString(dir.resolve("data/admin-token")).strip());
        headers.put("Content-Type", type);
        return headers;
    }

    /** The body in chunks of 1,000 bytes, without a Content-Length: the limit must hold while it streams in. */
    private static byte[] chunk(String body) {
        byte[] bytes = body.getBytes(UTF_8);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < bytes.length; i += 1000) {
            int n = Math.min(1000, bytes.length - i);
            out.append(Integer.toHexString(n)).append("\r\n").append(new String(bytes, i, n, UTF_8)).append("\r\n");
        }
        return out.append("0\r\n\r\n").toString().getBytes(UTF_8);
    }
}
