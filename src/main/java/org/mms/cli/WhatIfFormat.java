package org.mms.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.mms.migration.OneLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@code -WhatIf} answer as PowerShell prints one: a {@code What if: Performing the operation "…" on target "…".}
 * line per user, the trigger decisions, each affected user's migration in figures, then its meetings, each migrated
 * one followed by its block diff. Text from calendars (titles, blocks) is shown on printable lines only.
 */
final class WhatIfFormat {

    private static final int MOST_SUBJECT = 60;
    private static final int MOST_DIFF_LINE = 200;

    private WhatIfFormat() {
    }

    static PsFormat preview() {
        return answer -> {
            StringBuilder out = new StringBuilder();
            String operation = OneLine.of(answer.path("Operation").asString(""));
            Set<String> targets = new LinkedHashSet<>();
            answer.path("Decisions").forEach(d -> targets.add(OneLine.of(d.path("UserPrincipalName").asString(""))));
            if (targets.isEmpty()) {
                out.append("What if: Performing the operation \"").append(operation).append("\" on target \"(no user)\".\n");
            }
            targets.forEach(t -> out.append("What if: Performing the operation \"").append(operation).append("\" on target \"")
                    .append(t).append("\".\n"));
            String decisions = PsFormat.table("UserPrincipalName", "Change", "Decision", "MigrationType", "Reason")
                    .render(answer.path("Decisions"));
            if (!decisions.isEmpty()) {
                out.append('\n').append(decisions);
            }
            JsonNode users = answer.path("WhatIf");
            if (!users.isEmpty()) {
                out.append('\n').append(PsFormat.table("UserPrincipalName", "MigrationType", "AwaitsApproval", "TotalMeeting",
                        "UpdateMeeting", "FailedMeeting", "InvitesUpdate", "Attendees").render(users));
            }
            users.forEach(user -> out.append('\n').append("Meetings of ").append(OneLine.of(user.path("UserPrincipalName").asString("")))
                    .append(":\n\n").append(meetings(user.path("Meetings"))));
            return out.toString();
        };
    }

    /** The meetings table, each migrated meeting's row followed by its block diff, indented. */
    private static String meetings(JsonNode meetings) {
        if (meetings.isEmpty()) {
            return "(no future meetings in the calendar)\n";
        }
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        List<List<String>> diffs = new ArrayList<>();
        for (JsonNode m : meetings) {
            ObjectNode row = rows.addObject();
            row.put("Outcome", m.path("Outcome").asString(""));
            row.put("Reason", m.path("Reason").asString(""));
            row.put("Subject", OneLine.of(m.path("Subject").asString(""), MOST_SUBJECT));
            row.put("Start", m.path("Start").asString(""));
            row.put("RecurrenceId", OneLine.of(m.path("RecurrenceId").asString("")));
            row.put("Attendees", m.path("Attendees").asInt());
            List<String> diff = new ArrayList<>();
            m.path("Diff").forEach(line -> diff.add("    " + OneLine.of(line.asString(""), MOST_DIFF_LINE)));
            diffs.add(diff);
        }
        String[] lines = PsFormat.table("Outcome", "Reason", "Subject", "Start", "RecurrenceId", "Attendees").render(rows).split("\n");
        StringBuilder out = new StringBuilder();
        // Header and dashes, then one line per meeting in order.
        out.append(lines[0]).append('\n').append(lines[1]).append('\n');
        for (int i = 0; i < diffs.size(); i++) {
            out.append(lines[i + 2]).append('\n');
            diffs.get(i).forEach(d -> out.append(d.stripTrailing()).append('\n'));
        }
        return out.toString();
    }
}
