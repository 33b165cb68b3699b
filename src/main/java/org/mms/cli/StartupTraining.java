package org.mms.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The workload the launcher records the JVM's ahead-of-time class cache with (JEP 483/514/515): the
 * cmdlets as admins run them (a list, a table, a change, a refusal, a misspelt parameter, a run over
 * several users, the shell), against a stand-in for the server on a loopback port that answers every
 * call with a small JSON document. Only which classes the client path loads and links, and how its
 * methods are used, are kept; nothing of the answers. The
 * JVM loads every class of the cache at start, so the workload stays on the common path: the full
 * help, which reads every command, is left out. With {@code --quick} it trains the quick start of the
 * version and the status cmdlet ({@link QuickCmdlets}) alone, for a cache of its own a fraction of the size:
 * those calls would spend more time loading the full client's cache than they save with it.
 */
public final class StartupTraining {

    private StartupTraining() {
    }

    private static final List<List<String>> CALLS = List.of(
            List.of("--version"),
            List.of("Get-CsMeetingMigrationStatus", "-SummaryOnly"),
            List.of("get-csmeetingmigrationstatus", "-Identity", "a@contoso.com", "-StartTime", "10/1/2026"),
            List.of("Get-CsOnlineUser", "a@contoso.com"),
            List.of("Get-CsMeetingMigrationTriggerDecision", "--json"),
            List.of("Start-CsExMeetingMigration", "-Identity", "a@contoso.com,nobody@contoso.com"),
            List.of("Set-CsAudioConferencingLicense", "a@contoso.com", "-Assigned:$true"),
            List.of("Get-CsOnlineUser", "-NoSuchParameter"),
            List.of("shell"));

    private static final List<List<String>> QUICK_CALLS = List.of(
            List.of("--version"),
            List.of("Get-CsMeetingMigrationStatus", "-SummaryOnly"),
            List.of("get-csmeetingmigrationstatus", "-Identity", "a@contoso.com", "-State:Failed"),
            List.of("Get-CsMeetingMigrationStatus", "-Identity", "nobody@contoso.com"));

    public static void main(String[] args) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", StartupTraining::answer);
        server.start();
        try {
            Map<String, String> env = Map.of("MMS_URL", "http://127.0.0.1:" + server.getAddress().getPort(), "MMS_TOKEN", "training");
            PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
            byte[] script = "Get-CsMeetingMigrationStatus -SummaryOnly\nGet-CsOnlineUser 'a@contoso.com'\nh\nexit\n".getBytes(StandardCharsets.UTF_8);
            if (args.length == 1 && args[0].equals("--quick")) {
                for (List<String> call : QUICK_CALLS) {
                    QuickCmdlets.answer(call.toArray(String[]::new), sink, sink, env);
                }
                return;
            }
            for (List<String> call : CALLS) {
                MmsCommand.run(call.toArray(String[]::new), new ByteArrayInputStream(script), sink, sink, env);
            }
        } finally {
            server.stop(0);
        }
    }

    private static void answer(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getRawPath();
        boolean unknown = path.contains("nobody") || String.valueOf(exchange.getRequestURI().getRawQuery()).contains("nobody");
        String body = unknown ? "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"no user 'nobody@contoso.com'\"}"
                : exchange.getRequestMethod().equals("GET") && path.startsWith("/api/v1/migrations")
                ? "[{\"UserPrincipalName\":\"a@contoso.com\",\"State\":\"Pending\",\"UserCount\":1,\"TotalMeeting\":3,\"LastMessage\":null}]"
                : exchange.getRequestMethod().equals("GET")
                ? "[{\"UserPrincipalName\":\"a@contoso.com\",\"State\":\"Pending\",\"UserCount\":1,\"Enabled\":true,\"Aliases\":[\"a\"]}]"
                : "{\"Operation\":\"training\",\"Decisions\":[{\"UserPrincipalName\":\"a@contoso.com\",\"Decision\":\"Queue\","
                        + "\"MigrationType\":\"ToSameType\",\"Reason\":\"training\",\"CorrelationId\":\"c\"}]}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", unknown ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(unknown ? 404 : 200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
