package org.mms.cli;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mms.migration.MigrationType.SourceMeetingType;
import org.mms.migration.MigrationType.TargetMeetingType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The migration cmdlets: start one by hand, watch them, look into one, and see why a change did or did not start one. */
final class MigrationCmdlets {

    private MigrationCmdlets() {
    }

    @Command(name = "Start-CsExMeetingMigration", description = {"Migrates a user's future meetings now.", "",
        "Manual runs ignore the automatic switches; the user's mailbox must be reachable."})
    static final class StartCsExMeetingMigration extends Cmdlet {
        @Mixin
        IdentityParameter identity;

        @Option(names = "-SourceMeetingType", paramLabel = "<type>", defaultValue = "All",
                description = "Which meetings: All (default), SfB or Teams.")
        SourceMeetingType source;

        @Option(names = "-TargetMeetingType", paramLabel = "<type>", defaultValue = "Current",
                description = "Current (default): each keeps its type; Teams: all become Teams meetings.")
        TargetMeetingType target;

        @Mixin
        WhatIfParameter whatIf;

        @Option(names = "-BridgeName", paramLabel = "<name>", description = "Every user on this dial-in bridge, instead of -Identity.")
        String bridgeName;

        @Override
        Optional<List<IdentityFile.Row>> users(MmsClient server) {
            if (bridgeName == null) {
                return super.users(server);
            }
            if (identity.optional().isPresent() || identity.file != null) {
                throw usage("-BridgeName and -Identity (or -IdentityFile) cannot be used together");
            }
            return Optional.of(BridgeUsers.of(server, bridgeName.strip()));
        }

        @Override
        Answer call(MmsClient server) {
            Map<String, Object> start = new LinkedHashMap<>();
            start.put("Identity", identity.required());
            start.put("SourceMeetingType", source.name());
            start.put("TargetMeetingType", target.name());
            return new Answer(server.send("POST", whatIf.path(MmsClient.path("migrations")), start), whatIf.format());
        }
    }

    @Command(name = "Get-CsMeetingMigrationStatus", description = {"Shows migrations, or how many users are in each state.", "",
        "One list per migration request; -SummaryOnly prints the State / UserCount table instead. Failed ones say why in "
            + "LastMessage: fix the cause and run Start-CsExMeetingMigration again. UpdatesWaiting counts the update messages "
            + "still in the outbox, and UpdatesWaitUntil says until when the tenant's quiet hours or MaxUpdatesPerHour hold them "
            + "back (-SummaryOnly prints both for the whole tenant below the table)."})
    static final class GetCsMeetingMigrationStatus extends Cmdlet {
        @Mixin
        IdentityParameter identity;

        @Option(names = "-State", paramLabel = "<state>", description = "Only Pending, AwaitingApproval, InProgress, Failed, Succeeded or Denied.")
        String state;

        @Option(names = "-StartTime", paramLabel = "<date>", description = "From this date, e.g. 10/1/2026.")
        Instant startTime;

        @Option(names = "-EndTime", paramLabel = "<date>", description = "Up to this date, e.g. 10/8/2026.")
        Instant endTime;

        @Option(names = "-SummaryOnly", arity = "0..1", paramLabel = "<bool>", description = "Only the number of users in each state.")
        boolean summaryOnly;

        @Override
        Answer call(MmsClient server) {
            Map<String, String> query = new LinkedHashMap<>();
            identity.optional().ifPresent(v -> query.put("identity", v));
            if (state != null) {
                query.put("state", state);
            }
            if (startTime != null) {
                query.put("startTime", startTime.toString());
            }
            if (endTime != null) {
                query.put("endTime", endTime.toString());
            }
            return summaryOnly ? summary(server, query) : new Answer(server.get(MmsClient.path("migrations"), query), PsFormat.list());
        }

        /** The State / UserCount table, then how many update messages wait in the outbox and until when. */
        private static Answer summary(MmsClient server, Map<String, String> query) {
            ObjectNode answer = JsonNodeFactory.instance.objectNode();
            answer.set("States", server.get(MmsClient.path("migrations", "summary"), query));
            answer.set("Updates", server.get(MmsClient.path("migrations", "updates-waiting"), Map.of()));
            PsFormat states = PsFormat.field("States", PsFormat.table("State", "UserCount"));
            PsFormat updates = PsFormat.field("Updates", PsFormat.list());
            return new Answer(answer, body -> states.render(body) + "\n" + updates.render(body));
        }
    }

    @Command(name = "Get-CsMeetingMigrationDetail", description = "Shows each meeting of one migration, its outcome and why.")
    static final class GetCsMeetingMigrationDetail extends Cmdlet {
        @Option(names = "-CorrelationId", paramLabel = "<id>", description = "The migration's CorrelationId (Get-CsMeetingMigrationStatus). "
                + "May also come first, without -CorrelationId.")
        String named;

        @Parameters(index = "0", arity = "0..1", paramLabel = "<id>", hidden = true)
        String positional;

        @Override
        Answer call(MmsClient server) {
            String id = named != null ? named : positional;
            if (id == null || id.isBlank()) {
                throw usage("-CorrelationId is required");
            }
            return new Answer(server.get(MmsClient.path("migrations", id.strip(), "meetings"), Map.of()),
                    PsFormat.table("Start", "Subject", "Outcome", "Reason", "Detail"));
        }
    }

    @Command(name = "Get-CsMeetingMigrationTriggerDecision", description = "Shows each change, whether it queued a migration, and why.")
    static final class GetCsMeetingMigrationTriggerDecision extends Cmdlet {
        @Mixin
        IdentityParameter identity;

        @Option(names = "-StartTime", paramLabel = "<date>", description = "Only decisions from this date on, e.g. 10/1/2026.")
        Instant startTime;

        @Override
        Answer call(MmsClient server) {
            Map<String, String> query = new LinkedHashMap<>();
            identity.optional().ifPresent(v -> query.put("identity", v));
            if (startTime != null) {
                query.put("startTime", startTime.toString());
            }
            return new Answer(server.get(MmsClient.path("trigger-decisions"), query),
                    PsFormat.table("DecidedAt", "UserPrincipalName", "Change", "Decision", "MigrationType", "Reason"));
        }
    }

    /** {@code -Identity}, {@code -CorrelationId} or {@code -All}: which migrations awaiting approval a verdict is on. */
    abstract static class VerdictCmdlet extends Cmdlet {
        @Mixin
        IdentityParameter identity;

        @Option(names = "-CorrelationId", paramLabel = "<id>", description = "The migration, as Get-CsMeetingMigrationStatus shows it.")
        String correlationId;

        @Option(names = "-All", arity = "0..1", paramLabel = "<bool>", description = "Every migration awaiting approval.")
        boolean all;

        abstract String route();

        @Override
        Answer call(MmsClient server) {
            Map<String, Object> which = given("Identity", identity.optional().orElse(null), "CorrelationId", correlationId,
                    "All", all ? Boolean.TRUE : null);
            if (which.size() != 1) {
                throw usage("give exactly one of -Identity, -CorrelationId or -All");
            }
            return new Answer(server.send("POST", MmsClient.path("migrations", route()), which), PsFormat.list());
        }
    }

    @Command(name = "Approve-CsMeetingMigration", description = {"Lets migrations awaiting approval run.", "",
        "They become Pending and run once their settle window has passed. Get-CsMeetingMigrationStatus -State AwaitingApproval "
            + "lists them with what they would do."})
    static final class ApproveCsMeetingMigration extends VerdictCmdlet {
        @Override
        String route() {
            return "approve";
        }
    }

    @Command(name = "Deny-CsMeetingMigration", description = {"Ends migrations awaiting approval without migrating anything.", "",
        "They end Denied; the user's next change queues a new migration."})
    static final class DenyCsMeetingMigration extends VerdictCmdlet {
        @Override
        String route() {
            return "deny";
        }
    }
}
