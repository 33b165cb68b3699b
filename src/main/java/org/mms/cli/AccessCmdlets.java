package org.mms.cli;

import java.io.Console;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Tenants (for the service operator), a tenant's admin tokens, and the audit log. */
final class AccessCmdlets {

    private AccessCmdlets() {
    }

    /** The tenant cmdlets: they act as the service operator, with DATA/operator-token or MMS_OPERATOR_TOKEN. */
    abstract static class OperatorCmdlet extends Cmdlet {
        @Override
        boolean operatorToken() {
            return true;
        }
    }

    @Command(name = "New-CsTenant", description = {"Creates a tenant and its first admin token (shown once).", "",
        "Needs the service operator's token (DATA/operator-token or MMS_OPERATOR_TOKEN). Give the token to the tenant's admin: "
            + "MMS_TOKEN=<AdminToken> runs the cmdlets for that tenant."})
    static final class NewCsTenant extends OperatorCmdlet {
        @Option(names = "-Identity", required = true, paramLabel = "<id>", description = "The tenant's id: letters a-z, digits, hyphens.")
        String identity;

        @Option(names = "-Name", paramLabel = "<name>", description = "Its display name (default: the id).")
        String name;

        @Option(names = "-Domains", required = true, split = ",", paramLabel = "<domain>", description = "Its domains, comma-separated.")
        List<String> domains;

        @Override
        Answer call(MmsClient server) {
            Map<String, Object> body = given("Identity", identity, "Name", name, "Domains", domains);
            return new Answer(server.send("POST", MmsClient.path("tenants"), body), PsFormat.list());
        }
    }

    @Command(name = "Get-CsTenant", description = "Lists the tenants (service operator only; it sees no tenant's meetings).")
    static final class GetCsTenant extends OperatorCmdlet {
        @Override
        Answer call(MmsClient server) {
            return new Answer(server.get(MmsClient.path("tenants"), Map.of()), PsFormat.table("Identity", "Name", "Domains"));
        }
    }

    @Command(name = "Remove-CsTenant", description = {"Removes a tenant with all its data: users, calendars, migrations, messages, "
        + "tokens and audit log.", "", "Nothing brings them back, so it asks first; -Confirm:$false or -Force removes without asking."})
    static final class RemoveCsTenant extends OperatorCmdlet {
        @Option(names = "-Identity", paramLabel = "<id>", description = "The tenant. May also come first, without -Identity.")
        String named;

        @Parameters(index = "0", arity = "0..1", paramLabel = "<id>", hidden = true)
        String positional;

        @Option(names = "-Confirm", arity = "0..1", paramLabel = "<bool>", fallbackValue = "true",
                description = "-Confirm:$false removes without asking.")
        Boolean confirm;

        @Option(names = "-Force", description = "Removes without asking.")
        boolean force;

        @Override
        Answer call(MmsClient server) {
            String id = named != null ? named : positional;
            if (id == null || id.isBlank()) {
                throw usage("-Identity is required");
            }
            if (!force && !Boolean.FALSE.equals(confirm) && !askedAndAgreed(id.strip())) {
                throw usage("Remove-CsTenant deletes all data of tenant '" + id.strip() + "'; add -Confirm:$false or -Force to go ahead");
            }
            return new Answer(server.delete(MmsClient.path("tenants", id.strip()), Map.of("confirm", "true")), PsFormat.list());
        }

        private static boolean askedAndAgreed(String id) {
            Console console = System.console();
            if (console == null) {
                return false;
            }
            String answer = console.readLine("Remove tenant '%s' and all its data? [Y] Yes [N] No (default is \"N\"): ", id);
            return answer != null && answer.strip().equalsIgnoreCase("y");
        }
    }

    @Command(name = "New-CsAdminToken", description = {"Makes a named token for the tenant; the token is shown this once.", "",
        "-Role Admin: everything; Operator: start migrations and read their status, detail and decisions (no settings, no "
            + "secrets); Reader: status, detail and decisions only. -ExpiresInDays: refused after that many days."})
    static final class NewCsAdminToken extends Cmdlet {
        @Option(names = "-Name", required = true, paramLabel = "<name>", description = "A name that says who or what uses it.")
        String name;

        @Option(names = "-Role", required = true, paramLabel = "<role>", description = "Admin, Operator or Reader.")
        String role;

        @Option(names = "-ExpiresInDays", paramLabel = "<days>", description = "Refused after this many days (1 to 3650).")
        Long expiresInDays;

        @Override
        Answer call(MmsClient server) {
            return new Answer(server.send("POST", MmsClient.path("tokens"), given("Name", name, "Role", role, "ExpiresInDays", expiresInDays)),
                    PsFormat.list());
        }
    }

    @Command(name = "Get-CsAdminToken", description = "Lists the tenant's tokens: name, role, state and dates; never a token itself.")
    static final class GetCsAdminToken extends Cmdlet {
        @Override
        Answer call(MmsClient server) {
            return new Answer(server.get(MmsClient.path("tokens"), Map.of()),
                    PsFormat.table("Name", "Role", "State", "CreatedAt", "ExpiresAt", "RevokedAt"));
        }
    }

    @Command(name = "Revoke-CsAdminToken", description = "Revokes a token by name: refused from the next request on.")
    static final class RevokeCsAdminToken extends Cmdlet {
        @Option(names = "-Name", paramLabel = "<name>", description = "The token's name. May also come first, without -Name.")
        String named;

        @Parameters(index = "0", arity = "0..1", paramLabel = "<name>", hidden = true)
        String positional;

        @Override
        Answer call(MmsClient server) {
            String name = named != null ? named : positional;
            if (name == null || name.isBlank()) {
                throw usage("-Name is required");
            }
            return new Answer(server.send("POST", MmsClient.path("tokens", name.strip(), "revoke"), Map.of()), PsFormat.list());
        }
    }

    @Command(name = "Get-CsAuditLog", description = {"Shows the audit log, newest first: every change and every refused "
        + "authentication, with the token's name, the route, the target, the result (HTTP status) and the time.", "",
        "Kept as long as the tenant's RetentionDays."})
    static final class GetCsAuditLog extends Cmdlet {
        @Option(names = "-StartTime", paramLabel = "<date>", description = "From this date, e.g. 10/1/2026.")
        Instant startTime;

        @Option(names = "-EndTime", paramLabel = "<date>", description = "Up to this date.")
        Instant endTime;

        @Option(names = "-TokenName", paramLabel = "<name>", description = "Only calls made with this token.")
        String tokenName;

        @Option(names = "-Result", paramLabel = "<status>", description = "Only this HTTP status, e.g. 401.")
        Integer result;

        @Override
        Answer call(MmsClient server) {
            Map<String, String> query = new LinkedHashMap<>();
            if (startTime != null) {
                query.put("startTime", startTime.toString());
            }
            if (endTime != null) {
                query.put("endTime", endTime.toString());
            }
            if (tokenName != null) {
                query.put("tokenName", tokenName);
            }
            if (result != null) {
                query.put("result", result.toString());
            }
            return new Answer(server.get(MmsClient.path("audit-log"), query),
                    PsFormat.table("Time", "TokenName", "Action", "Target", "Result", "Client"));
        }
    }
}
