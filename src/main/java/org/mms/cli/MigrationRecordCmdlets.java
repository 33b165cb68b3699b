package org.mms.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mms.files.OwnerOnly;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** What migrations did, for admins: each one's state changes, and the per-meeting report as a file. */
final class MigrationRecordCmdlets {

    /** The report's columns, in the order of the API's rows. */
    static final List<String> REPORT_COLUMNS = List.of("CorrelationId", "MigrationType", "Organizer", "Uid", "RecurrenceId", "Subject",
            "Start", "Outcome", "Reason", "OldJoinUrl", "NewJoinUrl", "OldConferenceId", "NewConferenceId", "MessageId", "MessageState",
            "At");

    private MigrationRecordCmdlets() {
    }

    @Command(name = "Get-CsMeetingMigrationTransactionHistory", description = {"Shows every state change of a user's migrations.", "",
        "Each change with its time and reason, retries and workers that stopped included; -CorrelationId for one migration."})
    static final class GetCsMeetingMigrationTransactionHistory extends Cmdlet {
        @Mixin
        IdentityParameter identity;

        @Option(names = "-CorrelationId", paramLabel = "<id>", description = "One migration (Get-CsMeetingMigrationStatus).")
        String correlationId;

        @Option(names = "-StartTime", paramLabel = "<date>", description = "Changes from this date on, e.g. 10/1/2026.")
        Instant startTime;

        @Option(names = "-EndTime", paramLabel = "<date>", description = "Changes before this date, e.g. 10/8/2026.")
        Instant endTime;

        @Override
        Answer call(MmsClient server) {
            Map<String, String> query = filters(identity, correlationId, startTime, endTime);
            if (!query.containsKey("identity") && !query.containsKey("correlationId")) {
                throw usage("-Identity or -CorrelationId is required");
            }
            return new Answer(server.get(MmsClient.path("migrations", "history"), query),
                    PsFormat.table("Time", "CorrelationId", "FromState", "ToState", "Attempt", "RetryCount", "Reason"));
        }
    }

    @Command(name = "Undo-CsMeetingMigration", description = {"Puts a migration's meetings back as they were before it.", "",
        "Queued as a migration of its own (type Undo): each meeting it wrote gets its old block and properties back, with an "
            + "update to the attendees, unless it was changed since (left alone, reason CHANGED_SINCE). An undo is not undone."})
    static final class UndoCsMeetingMigration extends Cmdlet {
        @Option(names = "-CorrelationId", paramLabel = "<id>", description = "The migration to put back (Get-CsMeetingMigrationStatus).")
        String correlationId;

        @Option(names = "-Identity", paramLabel = "<user>", description = "With -StartTime: the user's migrations since then.")
        String identity;

        @Option(names = "-StartTime", paramLabel = "<date>", description = "With -Identity: migrations created from this date on.")
        Instant startTime;

        @Option(names = "-WhatIf", arity = "0..1", paramLabel = "<bool>",
                description = "Change nothing: show, per meeting, whether it would be put back or left alone as changed since.")
        boolean whatIf;

        @Override
        Answer call(MmsClient server) {
            boolean byId = correlationId != null && !correlationId.isBlank();
            if (byId == (identity != null)) {
                throw usage("give -CorrelationId, or -Identity with -StartTime");
            }
            if (!byId && startTime == null) {
                throw usage("-Identity needs -StartTime: the user's migrations from then on are put back");
            }
            Map<String, Object> undo = new LinkedHashMap<>();
            if (byId) {
                undo.put("CorrelationId", correlationId.strip());
            } else {
                undo.put("Identity", identity.strip());
                undo.put("StartTime", startTime.toString());
            }
            String path = MmsClient.path("migrations", "undo");
            return new Answer(server.send("POST", whatIf ? path + "?whatIf=true" : path, undo), PsFormat.list());
        }
    }

    @Command(name = "Export-CsMeetingMigrationReport", description = {"Writes one row per meeting of the migrations to a CSV or JSON file.",
        "", "Organizer, UID, subject, start, outcome and reason, the join link and conference ID before and after, and the update "
            + "message. The file is written here, never by the server; an existing file is kept unless -Force."})
    static final class ExportCsMeetingMigrationReport extends Cmdlet {
        @Mixin
        IdentityParameter identity;

        @Option(names = "-Path", required = true, paramLabel = "<file.csv|file.json>", description = "Where to write the report; "
                + "its extension chooses the format.")
        Path path;

        @Option(names = "-CorrelationId", paramLabel = "<id>", description = "Only this migration.")
        String correlationId;

        @Option(names = "-StartTime", paramLabel = "<date>", description = "Meetings handled from this date on.")
        Instant startTime;

        @Option(names = "-EndTime", paramLabel = "<date>", description = "Meetings handled before this date.")
        Instant endTime;

        @Option(names = "-Outcome", paramLabel = "<outcome>", description = "Only Migrated, Unchanged, Skipped or Failed meetings.")
        String outcome;

        @Option(names = "-Force", arity = "0..1", paramLabel = "<bool>", description = "Replace the file if it exists.")
        boolean force;

        @Override
        Answer call(MmsClient server) {
            String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
            boolean csv = name.endsWith(".csv");
            if (!csv && !name.endsWith(".json")) {
                throw usage("-Path must end in .csv or .json, not '" + path + "'");
            }
            Map<String, String> query = filters(identity, correlationId, startTime, endTime);
            if (outcome != null) {
                query.put("outcome", outcome);
            }
            JsonNode rows = server.get(MmsClient.path("migrations", "report"), query);
            byte[] content = (csv ? CsvTable.of(rows, REPORT_COLUMNS) : MmsClient.pretty(rows) + "\n").getBytes(StandardCharsets.UTF_8);
            try {
                // Subjects, attendees' meetings and links: the owner's alone, like everything MMS writes.
                if (force) {
                    OwnerOnly.writeFile(path, content);
                } else {
                    OwnerOnly.writeNewFile(path, content);
                }
            } catch (FileAlreadyExistsException e) {
                throw new CmdletFailure(path + " exists; choose another -Path, or add -Force to replace it");
            } catch (IOException e) {
                throw new CmdletFailure("cannot write " + path + ": " + e.getMessage());
            }
            ObjectNode written = JsonNodeFactory.instance.objectNode();
            written.put("Path", path.toAbsolutePath().toString());
            written.put("Format", csv ? "CSV" : "JSON");
            written.put("Meetings", rows.size());
            return new Answer(written, PsFormat.list());
        }
    }

    private static Map<String, String> filters(IdentityParameter identity, String correlationId, Instant startTime, Instant endTime) {
        Map<String, String> query = new LinkedHashMap<>();
        identity.optional().ifPresent(v -> query.put("identity", v));
        if (correlationId != null && !correlationId.isBlank()) {
            query.put("correlationId", correlationId.strip());
        }
        if (startTime != null) {
            query.put("startTime", startTime.toString());
        }
        if (endTime != null) {
            query.put("endTime", endTime.toString());
        }
        return query;
    }
}
