package org.mms.calendar.graph.emulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/** Reading requests and writing JSON answers on the JDK HTTP server, shared by the Graph and token endpoints. */
final class HttpExchanges {

    private HttpExchanges() {
    }

    /** Decoded {@code name=value} pairs of a query string or a form body; the first of a repeated name wins. */
    static Map<String, String> pairs(String encoded) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return pairs;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            pairs.putIfAbsent(name, value);
        }
        return pairs;
    }

    static String body(HttpExchange exchange) throws IOException {
        return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    /**
     * Writes the reply with the headers every Graph answer carries: {@code request-id}, and the client's own
     * {@code client-request-id} echoed (or a new one), so a client can quote them in a support case.
     */
    static void send(HttpExchange exchange, GraphReply reply) throws IOException {
        String requestId = UUID.randomUUID().toString();
        String clientRequestId = exchange.getRequestHeaders().getFirst("client-request-id");
        var headers = exchange.getResponseHeaders();
        headers.set("request-id", requestId);
        headers.set("client-request-id", clientRequestId == null ? requestId : clientRequestId);
        reply.headers().forEach(headers::set);
        if (reply.body() == null) {
            exchange.sendResponseHeaders(reply.status(), -1);
            return;
        }
        if (reply.body() instanceof ObjectNode root && root.get("error") instanceof ObjectNode error
                && !error.has("innerError") && error.has("code")) {
            error.putObject("innerError").put("date", java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString())
                    .put("request-id", requestId).put("client-request-id", headers.getFirst("client-request-id"));
        }
        byte[] bytes = reply.body().toString().getBytes(StandardCharsets.UTF_8);
        headers.set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
