package org.mms.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mms.testing.PlainCalDavClient;
import org.mms.testing.RadicaleServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code -WhatIf} against a real CalDAV server (Radicale), through the cmdlets and the API: the preview reads the
 * calendar from the server and writes nothing to it, and the change made afterwards gives, meeting by meeting, the
 * previewed outcome.
 */
class PreviewOnRadicaleTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static RadicaleServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        server = RadicaleServer.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** What a meeting's preview and its row in the migration's detail have in common. */
    private record Outcome(String uid, String recurrenceId, String outcome, String reason) {
        static Outcome of(JsonNode m) {
            return new Outcome(m.path("Uid").asString(), m.path("RecurrenceId").asString(null), m.path("Outcome").asString(),
                    m.path("Reason").asString(null));
        }
    }

    @Test
    void a_preview_followed_by_the_change_gives_the_previewed_outcome_per_meeting_on_the_server() throws Exception {
        Map<URI, ServiceOnCalDavServerContract.Expected> seeded = ServiceOnCalDavServerContract.seedFixtures(server);
        Map<URI, String> etags = new HashMap<>();
        try (PlainCalDavClient client = new PlainCalDavClient(server)) {
            seeded.keySet().forEach(url -> etags.put(url, client.get(url).etag()));
        }
        try (MmsService service = ServiceOnCalDavServerContract.startService(dir)) {
            AdminShell admin = ServiceOnCalDavServerContract.setUp(dir, server, service, server.password());
            String[] change = {"Set-CsOnlineDialInConferencingUser", "-Identity", ServiceOnCalDavServerContract.ALICE, "-ServiceNumber",
                ServiceOnCalDavServerContract.NEW_TOLL};

            String printed = admin.run(with(change, "-WhatIf"));
            JsonNode whatIf = JSON.readTree(admin.run(with(change, "-WhatIf", "--json")));

            assertThat(printed).startsWith("What if: Performing the operation \"Set-CsOnlineDialInConferencingUser\" on target \""
                    + ServiceOnCalDavServerContract.ALICE + "\".");
            assertThat(printed).contains("MIGRATED").contains("SKIPPED").contains("+ ");
            JsonNode preview = whatIf.path("WhatIf").get(0);
            try (PlainCalDavClient client = new PlainCalDavClient(server)) {
                seeded.keySet().forEach(url -> assertThat(client.get(url).etag()).as("untouched by the preview: %s", url)
                        .isEqualTo(etags.get(url)));
            }
            assertThat(JSON.readTree(admin.run("Get-CsMeetingMigrationStatus", "--json"))).isEmpty();
            long migratingResources = seeded.values().stream().filter(ServiceOnCalDavServerContract.Expected::migrates).count();
            assertThat(preview.path("UpdateMeeting").asInt()).isGreaterThanOrEqualTo((int) migratingResources);

            admin.run(change);
            JsonNode status = admin.waitForMigrations(Duration.ofSeconds(120)).get(0);
            JsonNode detail = JSON.readTree(admin.run("Get-CsMeetingMigrationDetail", "-CorrelationId",
                    status.path("CorrelationId").asString(), "--json"));

            assertThat(status.path("State").asString()).as(status.toString()).isEqualTo("Succeeded");
            for (String count : List.of("TotalMeeting", "SucceededMeeting", "FailedMeeting", "InvitesUpdate")) {
                assertThat(status.path(count).asInt()).as(count).isEqualTo(preview.path(count).asInt());
            }
            assertThat(outcomes(detail)).containsExactlyInAnyOrderElementsOf(outcomes(preview.path("Meetings")));
        }
    }

    private static List<Outcome> outcomes(JsonNode meetings) {
        List<Outcome> all = new ArrayList<>();
        meetings.forEach(m -> all.add(Outcome.of(m)));
        return all;
    }

    private static String[] with(String[] args, String... more) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
