package org.mms.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.mms.migration.OneLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A cmdlet run for many users: one call per user, one line per user as soon as it is done (the user,
 * {@code Succeeded} or {@code Failed}, and what happened or why not), the others done whatever one
 * user's outcome. A failure that would fail every call (no server, a refused token) ends the run at
 * once. With {@code --json}, one array of the same results, each with the server's full answer.
 */
final class EachUser {

    static final String SUCCEEDED = "Succeeded";
    static final String FAILED = "Failed";

    private final PrintStream out;
    private final PrintStream err;
    private final boolean json;

    EachUser(PrintStream out, PrintStream err, boolean json) {
        this.out = out;
        this.err = err;
        this.json = json;
    }

    /** Calls {@code call} for each user of {@code rows}; the exit code is {@link ExitCodes#OK} only if every user succeeded. */
    int run(List<IdentityFile.Row> rows, Function<String, JsonNode> call) {
        if (rows.isEmpty()) {
            err.println("mms: no users to run for");
            return ExitCodes.OK;
        }
        int width = Math.max("Identity".length(), rows.stream().mapToInt(row -> label(row).length()).max().orElse(0));
        ArrayNode results = JsonNodeFactory.instance.arrayNode();
        if (!json) {
            line(width, "Identity", "Result", "Detail");
            line(width, "--------", "------", "------");
        }
        int failed = 0;
        for (IdentityFile.Row row : rows) {
            ObjectNode result = switch (row) {
                case IdentityFile.Row.User(String user) -> attempt(user, call);
                case IdentityFile.Row.Bad bad -> result(label(bad), FAILED, bad.why());
            };
            failed += result.path("Result").asString().equals(FAILED) ? 1 : 0;
            if (json) {
                results.add(result);
            } else {
                line(width, result.path("Identity").asString(), result.path("Result").asString(), result.path("Detail").asString());
            }
        }
        if (json) {
            out.println(MmsClient.pretty(results));
        }
        out.flush();
        err.println("mms: " + rows.size() + " users: " + (rows.size() - failed) + " succeeded, " + failed + " failed");
        err.flush();
        return failed == 0 ? ExitCodes.OK : ExitCodes.SOME_USERS_FAILED;
    }

    private static ObjectNode attempt(String user, Function<String, JsonNode> call) {
        try {
            JsonNode answer = call.apply(user);
            ObjectNode result = result(user, SUCCEEDED, summary(answer));
            result.set("Answer", answer);
            return result;
        } catch (CmdletFailure f) {
            if (f.stopsEveryCall()) {
                throw f;
            }
            return result(user, FAILED, f.getMessage());
        }
    }

    private static ObjectNode result(String identity, String outcome, String detail) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("Identity", identity);
        result.put("Result", outcome);
        result.put("Detail", detail);
        return result;
    }

    private static String label(IdentityFile.Row row) {
        return switch (row) {
            case IdentityFile.Row.User(String user) -> OneLine.of(user, 200);
            case IdentityFile.Row.Bad bad -> "(line " + bad.line() + ")";
        };
    }

    /** What happened, on one line: the trigger decisions of a change, the states of what a query found, or Done. */
    static String summary(JsonNode answer) {
        JsonNode decisions = answer.path("Decisions");
        if (decisions.isArray()) {
            List<String> each = new ArrayList<>();
            decisions.forEach(d -> each.add(d.path("Decision").asString("")
                    + (d.path("MigrationType").asString("").isEmpty() ? "" : " " + d.path("MigrationType").asString())
                    + (d.path("Reason").asString("").isEmpty() ? "" : ": " + d.path("Reason").asString())
                    + (d.path("CorrelationId").asString("").isEmpty() ? "" : " (CorrelationId " + d.path("CorrelationId").asString() + ")")));
            return each.isEmpty() ? "no change" : String.join("; ", each);
        }
        if (answer.isArray()) {
            List<String> states = new ArrayList<>();
            answer.forEach(item -> states.add(item.path("State").asString("")));
            states.removeIf(String::isEmpty);
            return answer.size() + " found" + (states.isEmpty() ? "" : ": " + String.join(", ", states));
        }
        return "Done";
    }

    private void line(int width, String identity, String result, String detail) {
        String padded = identity.length() >= width ? identity : identity + " ".repeat(width - identity.length());
        out.println((padded + " " + String.format("%-9s", result) + " " + OneLine.of(detail, 1000)).stripTrailing());
    }
}
