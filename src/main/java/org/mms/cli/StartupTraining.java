package org.mms.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
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
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        if (args.length == 1 && args[0].equals("--quick")) {
            quick(sink);
            return;
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", StartupTraining::answer);
        server.start();
        try {
            Map<String, String> env = Map.of("MMS_URL", "http://127.0.0.1:" + server.getAddress().getPort(), "MMS_TOKEN", "training");
            byte[] script = "Get-CsMeetingMigrationStatus -SummaryOnly\nGet-CsOnlineUser 'a@contoso.com'\nh\nexit\n".getBytes(StandardCharsets.UTF_8);
            for (List<String> call : CALLS) {
                MmsCommand.run(call.toArray(String[]::new), new ByteArrayInputStream(script), sink, sink, env);
            }
        } finally {
            server.stop(0);
        }
    }

    /**
     * The quick start against a stand-in on a bare socket, one request a connection: the JDK's HTTP server
     * would put its own classes (a quarter of the cache) into a cache that every quick call loads.
     */
    private static void quick(PrintStream sink) throws IOException {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread answering = new Thread(() -> {
                while (true) {
                    try (Socket connection = server.accept()) {
                        answer(connection);
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            answering.setDaemon(true);
            answering.start();
            Map<String, String> env = Map.of("MMS_URL", "http://127.0.0.1:" + server.getLocalPort(), "MMS_TOKEN", "training");
            for (List<String> call : QUICK_CALLS) {
                QuickCmdlets.answer(call.toArray(String[]::new), sink, sink, env);
            }
        }
    }

    /** A request's method and target from its first line, its headers skipped; the answer with {@code Connection: close}. */
    private static void answer(Socket connection) throws IOException {
        BufferedReader request = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.ISO_8859_1));
        String[] first = String.valueOf(request.readLine()).split(" ");
        for (String header = request.readLine(); header != null && !header.isEmpty(); header = request.readLine()) {
            // the stand-in needs none of them
        }
        URI target = URI.create(first.length > 1 ? first[1] : "/");
        Reply reply = reply(first[0], target.getRawPath(), target.getRawQuery());
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        OutputStream out = connection.getOutputStream();
        out.write(("HTTP/1.1 " + reply.status() + " Training\r\nContent-Type: " + reply.contentType() + "\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    private static void answer(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        Reply reply = reply(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery());
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private record Reply(int status, String contentType, String body) {
    }

    /** A small JSON document for any call; a refusal for a call about the user "nobody". */
    private static Reply reply(String method, String path, String query) {
        if (path.contains("nobody") || String.valueOf(query).contains("nobody")) {
            return new Reply(404, "application/problem+json", "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"no user 'nobody@contoso.com'\"}");
        }
        String body = method.equals("GET") && path.startsWith("/api/v1/migrations")
                ? "[{\"UserPrincipalName\":\"a@contoso.com\",\"State\":\"Pending\",\"UserCount\":1,\"TotalMeeting\":3,\"LastMessage\":null}]"
                : method.equals("GET")
                ? "[{\"UserPrincipalName\":\"a@contoso.com\",\"State\":\"Pending\",\"UserCount\":1,\"Enabled\":true,\"Aliases\":[\"a\"]}]"
                : "{\"Operation\":\"training\",\"Decisions\":[{\"UserPrincipalName\":\"a@contoso.com\",\"Decision\":\"Queue\","
                        + "\"MigrationType\":\"ToSameType\",\"Reason\":\"training\",\"CorrelationId\":\"c\"}]}";
        return new Reply(200, "application/json", body);
    }
}
