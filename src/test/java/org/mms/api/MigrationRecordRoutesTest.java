package org.mms.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mms.testing.RunningApi.CONTOSO;
import static org.mms.testing.RunningApi.CONTOSO_TOKEN;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mms.admin.Requests;
import org.mms.testing.RunningApi;
import org.mms.testing.StubAdmin;
import tools.jackson.databind.JsonNode;

/** The history and report routes reach their operations with the caller's tenant and every filter, and answer with the views. */
class MigrationRecordRoutesTest {

    private static RunningApi api;
    private Http http;

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
        http = new Http(api.baseUrl(), CONTOSO_TOKEN);
    }

    private StubAdmin.Call onlyCall(String operation) {
        StubAdmin.Call call = api.admin.onlyCall();
        assertThat(call.operation()).isEqualTo(operation);
        assertThat(call.tenant()).isEqualTo(CONTOSO);
        return call;
    }

    @Test
    void theHistoryRoutePassesEveryFilterAndAnswersWithEachStateChange() {
        Http.Response r = http.get("/api/v1/migrations/history?identity=alice%40contoso.example"
                + "&correlationId=5d4c3b2a-1908-4f7e-8d6c-5b4a39281706&startTime=2026-10-01T00:00:00Z&endTime=2026-10-08T00:00:00Z");

        assertThat(r.status()).isEqualTo(200);
        assertThat(onlyCall("migrationHistory").argument(0)).isEqualTo(new Requests.HistoryQuery(Optional.of("alice@contoso.example"),
                Optional.of("5d4c3b2a-1908-4f7e-8d6c-5b4a39281706"), Optional.of(Instant.parse("2026-10-01T00:00:00Z")),
                Optional.of(Instant.parse("2026-10-08T00:00:00Z"))));
        JsonNode row = r.json().get(2);
        assertThat(row.propertyNames()).containsExactly("CorrelationId", "UserId", "UserPrincipalName", "MigrationType", "FromState",
                "ToState", "Time", "Attempt", "RetryCount", "Reason");
        assertThat(row.get("FromState").asString()).isEqualTo("InProgress");
        assertThat(row.get("RetryCount").asInt()).isEqualTo(1);
    }

    @Test
    void theReportRoutePassesEveryFilterAndAnswersWithOneRowPerMeeting() {
        Http.Response r = http.get("/api/v1/migrations/report?identity=alice%40contoso.example&outcome=Migrated"
                + "&correlationId=0b8f3c2e-1d2a-4c5b-9e6f-7a8b9c0d1e2f&startTime=2026-10-01T00:00:00Z");

        assertThat(r.status()).isEqualTo(200);
        assertThat(onlyCall("migrationReport").argument(0)).isEqualTo(new Requests.ReportQuery(Optional.of("alice@contoso.example"),
                Optional.of("0b8f3c2e-1d2a-4c5b-9e6f-7a8b9c0d1e2f"), Optional.of(Instant.parse("2026-10-01T00:00:00Z")), Optional.empty(),
                Optional.of("Migrated")));
        assertThat(r.json().get(0).propertyNames()).containsExactly("CorrelationId", "MigrationType", "Organizer", "Uid",
                "RecurrenceId", "Subject", "Start", "Outcome", "Reason", "OldJoinUrl", "NewJoinUrl", "OldConferenceId", "NewConferenceId",
                "MessageId", "MessageState", "At");
    }

    @Test
    void theUndoRouteQueuesTheUndoAndAnswersWithItsStatus() {
        Http.Response r = http.send("POST", "/api/v1/migrations/undo", "{\"CorrelationId\":\"0b8f3c2e-1d2a-4c5b-9e6f-7a8b9c0d1e2f\"}");

        assertThat(r.status()).isEqualTo(202);
        assertThat(onlyCall("undoMigration").argument(0)).isEqualTo(new Requests.Undo(Optional.of("0b8f3c2e-1d2a-4c5b-9e6f-7a8b9c0d1e2f"),
                Optional.empty(), Optional.empty()));
        assertThat(r.json().get("MigrationType").asString()).isEqualTo("Undo");
        assertThat(r.json().get("State").asString()).isEqualTo("Pending");
    }

    @Test
    void theUndoRouteWithWhatIfAnswersThePreviewAndQueuesNothing() {
        Http.Response r = http.send("POST", "/api/v1/migrations/undo?whatIf=true", "{\"CorrelationId\":\"0b8f3c2e-1d2a-4c5b-9e6f-7a8b9c0d1e2f\"}");

        assertThat(r.status()).isEqualTo(200);
        assertThat(onlyCall("previewUndo").argument(0)).isEqualTo(new Requests.Undo(Optional.of("0b8f3c2e-1d2a-4c5b-9e6f-7a8b9c0d1e2f"),
                Optional.empty(), Optional.empty()));
        assertThat(r.json().propertyNames()).containsExactly("UserId", "UserPrincipalName", "Undoes", "PutBackMeeting",
                "ChangedSinceMeeting", "Meetings");
        assertThat(r.json().get("Meetings").get(0).get("Outcome").asString()).isEqualTo("MIGRATED");
        assertThat(http.send("POST", "/api/v1/migrations/undo?whatIf=maybe", "{\"CorrelationId\":\"0b8f3c2e-1d2a-4c5b-9e6f-7a8b9c0d1e2f\"}")
                .status()).isEqualTo(400);
    }

    @Test
    void theUndoRouteTakesAUserAndAStartTime() {
        Http.Response r = http.send("POST", "/api/v1/migrations/undo",
                "{\"Identity\":\"alice@contoso.example\",\"StartTime\":\"2026-10-01T00:00:00Z\"}");

        assertThat(r.status()).isEqualTo(202);
        assertThat(onlyCall("undoMigration").argument(0)).isEqualTo(new Requests.Undo(Optional.empty(),
                Optional.of("alice@contoso.example"), Optional.of(Instant.parse("2026-10-01T00:00:00Z"))));
    }

    @Test
    void aPathIsNotSomethingTheReportRouteTakes() {
        Http.Response r = http.get("/api/v1/migrations/report?path=%2Fetc%2Fpasswd");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asString()).contains("unknown query parameter 'path'");
        assertThat(api.admin.calls()).isEmpty();
    }
}
