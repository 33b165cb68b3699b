package org.mms.service;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mms.sample.SampleOrganization;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cmdlets run for many users at once against the running service and its database: a CSV export of
 * 200 users with bad rows among them, a list after -Identity, every user of a bridge. One line per
 * user, every user tried, and an exit code that says whether all of them succeeded.
 */
class ManyUsersCmdletsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    /** The cmdlets against {@code service} (no workers: requests stay queued), its directory the sample organization's. */
    private AdminShell adminOf(MmsService service, SampleOrganization org) throws Exception {
        AdminShell admin = new AdminShell(service, dir.resolve("data"));
        admin.run("Import-CsDirectory", "-Path", Files.writeString(dir.resolve("directory.json"), org.directoryJson()).toString());
        return admin;
    }

    @Test
    void aRunFromACsvOf200UsersQueuesEachAndReportsEveryBadRowOnItsOwnLine() throws Exception {
        SampleOrganization org = new SampleOrganization(200);
        try (MmsService service = MmsService.start(LoopbackConfig.of(dir.resolve("data"), 0), Clock.systemUTC())) {
            AdminShell admin = adminOf(service, org);
            StringBuilder csv = new StringBuilder("\uFEFFuserPrincipalName,displayName,accountEnabled\r\n");
            for (SampleOrganization.Organizer o : org.organizers()) {
                csv.append(o.upn()).append(",\"").append(o.name().replace(" ", ", ")).append("\",True\r\n");
                if (o == org.organizers().get(99)) {
                    csv.append("\r\nnobody@contoso.com,Nobody,True\r\n,\"No UPN\",False\r\n");
                }
            }
            Path users = Files.writeString(dir.resolve("users.csv"), csv, UTF_8);

            AdminShell.Outcome run = admin.attempt("Start-CsExMeetingMigration", "-IdentityFile", users.toString());

            assertThat(run.exitCode()).as(run.err()).isEqualTo(4);
            List<String> lines = run.out().lines().toList();
            assertThat(lines).hasSize(2 + 202);
            assertThat(lines.get(0)).startsWith("Identity").contains("Result", "Detail");
            assertThat(lines.subList(2, lines.size())).filteredOn(l -> l.contains(" Succeeded ")).hasSize(200)
                    .allSatisfy(l -> assertThat(l).contains(" Queue ", "CorrelationId"));
            assertThat(lines.get(2)).startsWith(org.organizers().getFirst().upn() + " ");
            assertThat(lines.get(2 + 100)).startsWith("nobody@contoso.com").contains(" Failed ", "nobody@contoso.com");
            assertThat(lines.get(2 + 101)).startsWith("(line 104)").contains(" Failed ", "line 104", "no UserPrincipalName");
            assertThat(lines.getLast()).startsWith(org.organizers().getLast().upn() + " ").contains(" Succeeded ");
            assertThat(run.err()).contains("202 users: 200 succeeded, 2 failed");

            JsonNode summary = JSON.readTree(admin.run("Get-CsMeetingMigrationStatus", "-SummaryOnly", "--json"));
            assertThat(summary.toString()).contains("\"State\":\"Pending\",\"UserCount\":200");
        }
    }

    @Test
    void aListAfterIdentityAndEveryUserOfABridgeAreRunOnePerLineAndAWrongTokenStopsTheRunAtOnce() throws Exception {
        SampleOrganization org = new SampleOrganization(6);
        try (MmsService service = MmsService.start(LoopbackConfig.of(dir.resolve("data"), 0), Clock.systemUTC())) {
            AdminShell admin = adminOf(service, org);
            String first = org.organizers().get(0).upn();
            String second = org.organizers().get(1).upn();

            JsonNode read = JSON.readTree(admin.run("Get-CsOnlineUser", "-Identity", first + "," + second, "--json"));
            assertThat(read).hasSize(2);
            assertThat(read.get(1).path("Identity").asString()).isEqualTo(second);
            assertThat(read.get(1).path("Answer").path("UserPrincipalName").asString()).isEqualTo(second);

            String bridge = admin.run("start-csexmeetingmigration", "-BridgeName", SampleOrganization.BRIDGE.toUpperCase());
            assertThat(bridge.lines().filter(l -> l.contains(" Succeeded ")).count()).as(bridge).isEqualTo(6);

            AdminShell.Outcome noBridge = admin.attempt("Start-CsExMeetingMigration", "-BridgeName", "Fabrikam Bridge");
            assertThat(noBridge.exitCode()).isEqualTo(1);
            assertThat(noBridge.err()).contains("no bridge 'Fabrikam Bridge'");

            AdminShell.Outcome both = admin.attempt("Start-CsExMeetingMigration", "-BridgeName", "x", "-Identity", first);
            assertThat(both.exitCode()).isEqualTo(2);
            AdminShell.Outcome oneFile = admin.attempt("Export-CsCalendar", "-Identity", first + "," + second, "-Path", dir.resolve("x.ics").toString());
            assertThat(oneFile.exitCode()).isEqualTo(2);
            assertThat(oneFile.err()).contains("Export-CsCalendar takes one user");

            AdminShell.Outcome refused = admin.attempt(Map.of("MMS_TOKEN", "mms_not-a-token"), new ByteArrayInputStream(new byte[0]),
                    "Start-CsExMeetingMigration", first + "," + second);
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.err()).contains("refused the admin token");
            assertThat(refused.out().lines().filter(l -> l.contains(" Failed ") || l.contains(" Succeeded "))).isEmpty();
        }
    }
}
