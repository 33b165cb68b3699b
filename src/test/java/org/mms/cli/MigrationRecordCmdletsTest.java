package org.mms.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mms.testing.RunningApi.CONTOSO;
import static org.mms.testing.RunningApi.CONTOSO_TOKEN;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mms.admin.Requests;
import org.mms.testing.RunningApi;
import org.mms.testing.StubAdmin;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Get-CsMeetingMigrationTransactionHistory and Export-CsMeetingMigrationReport as an admin types them, against the real API server. */
class MigrationRecordCmdletsTest {

    private static RunningApi api;

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void start() {
        api = new RunningApi();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @BeforeEach
    void reset() {
        api.reset();
        env.put("MMS_URL", api.baseUrl());
        env.put("MMS_TOKEN", CONTOSO_TOKEN);
    }

    private int mms(String... args) {
        return MmsCommand.run(args, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8), env);
    }

    private StubAdmin.Call onlyCall(String operation) {
        StubAdmin.Call call = api.admin.onlyCall();
        assertThat(call.operation()).isEqualTo(operation);
        assertThat(call.tenant()).isEqualTo(CONTOSO);
        return call;
    }

    @Test
    void theHistoryOfAUserPrintsEachStateChangeAsATableRow() {
        int code = mms("Get-CsMeetingMigrationTransactionHistory", "-Identity", "alice@contoso.example", "-StartTime", "10/1/2026");

        assertThat(code).as(err.toString(UTF_8)).isZero();
        Requests.HistoryQuery query = (Requests.HistoryQuery) onlyCall("migrationHistory").argument(0);
        assertThat(query.identity()).contains("alice@contoso.example");
        assertThat(query.startTime()).isPresent();
        assertThat(out.toString(UTF_8)).startsWith("Time ").contains("FromState  ToState")
                .contains("InProgress Pending          1          1 retry 1 due 2026-10-01T08:17:30Z: the calendar store refused the update (503)");
    }

    @Test
    void undoQueuesTheUndoOfOneMigrationAndPrintsItsStatus() {
        int code = mms("Undo-CsMeetingMigration", "-CorrelationId", "0b8f3c2e-1d2a-4c5b-9e6f-7a8b9c0d1e2f");

        assertThat(code).as(err.toString(UTF_8)).isZero();
        assertThat(onlyCall("undoMigration").argument(0)).isEqualTo(new Requests.Undo(Optional.of("0b8f3c2e-1d2a-4c5b-9e6f-7a8b9c0d1e2f"),
                Optional.empty(), Optional.empty()));
        assertThat(out.toString(UTF_8)).contains("MigrationType     : Undo").contains("State             : Pending");
    }

    @Test
    void undoByUserNeedsAStartTime() {
        int code = mms("Undo-CsMeetingMigration", "-Identity", "alice@contoso.example");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(UTF_8)).contains("-Identity needs -StartTime");
        assertThat(api.admin.calls()).isEmpty();
    }

    @Test
    void theHistoryNeedsAUserOrAMigration() {
        int code = mms("Get-CsMeetingMigrationTransactionHistory", "-StartTime", "10/1/2026");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(UTF_8)).contains("-Identity or -CorrelationId is required");
        assertThat(api.admin.calls()).isEmpty();
    }

    @Test
    void theReportIsWrittenAsCsvHereWithSubjectsThatCannotRunAsFormulas() throws IOException {
        Path file = dir.resolve("report.csv");

        int code = mms("Export-CsMeetingMigrationReport", "-Path", file.toString(), "-CorrelationId", "0b8f3c2e-1d2a-4c5b-9e6f-7a8b9c0d1e2f",
                "-Outcome", "Migrated");

        assertThat(code).as(err.toString(UTF_8)).isZero();
        assertThat(onlyCall("migrationReport").argument(0)).isEqualTo(new Requests.ReportQuery(Optional.empty(),
                Optional.of("0b8f3c2e-1d2a-4c5b-9e6f-7a8b9c0d1e2f"), Optional.empty(), Optional.empty(), Optional.of("Migrated")));
        String csv = Files.readString(file, UTF_8);
        assertThat(csv).startsWith("CorrelationId,MigrationType,Organizer,Uid,RecurrenceId,Subject,Start,Outcome,Reason,OldJoinUrl,"
                + "NewJoinUrl,OldConferenceId,NewConferenceId,MessageId,MessageState,At\r\n");
        assertThat(csv).contains(",\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"Weekly, \"\"\"\"sync\"\"\"\"\"\")\",2026-12-01T09:00:00Z,Migrated,,"
                + "https://meet.contoso.com/alice/6N2YGD5G,https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0,68138,"
                + "539145064,42,Sent,");
        assertThat(csv).contains(",\"All hands\nsecond line\",");
        assertThat(csv.split("\r\n")).hasSize(3);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(out.toString(UTF_8)).contains("Format   : CSV").contains("Meetings : 2");
    }

    @Test
    void theReportAsJsonHoldsTheRowsTheServerSent() throws IOException {
        Path file = dir.resolve("report.JSON");

        int code = mms("Export-CsMeetingMigrationReport", "-Path", file.toString(), "-Identity", "alice@contoso.example");

        assertThat(code).as(err.toString(UTF_8)).isZero();
        JsonNode rows = JsonMapper.builder().build().readTree(Files.readString(file, UTF_8));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).get("Reason").asString()).isEqualTo("TooManyAttendees");
        assertThat(rows.get(0).get("Subject").asString()).startsWith("=HYPERLINK");
    }

    @Test
    void anExistingFileIsKeptUnlessForceIsGiven() throws IOException {
        Path file = dir.resolve("report.csv");
        Files.writeString(file, "keep me");

        int refused = mms("Export-CsMeetingMigrationReport", "-Path", file.toString());

        assertThat(refused).isNotZero();
        assertThat(err.toString(UTF_8)).contains("exists").contains("-Force");
        assertThat(Files.readString(file)).isEqualTo("keep me");

        int replaced = mms("Export-CsMeetingMigrationReport", "-Path", file.toString(), "-Force");

        assertThat(replaced).as(err.toString(UTF_8)).isZero();
        assertThat(Files.readString(file)).startsWith("CorrelationId,");
    }

    @Test
    void aFileThatIsNeitherCsvNorJsonIsRefusedBeforeAskingTheServer() {
        int code = mms("Export-CsMeetingMigrationReport", "-Path", dir.resolve("report.xlsx").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(UTF_8)).contains(".csv or .json");
        assertThat(api.admin.calls()).isEmpty();
    }
}
