package org.mms.calendar.caldav;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A JDK HTTP server answering as a test scripts it, to check how the adapter handles answers real
 * servers give rarely or only when broken (no ETag, 403, 500, a slow answer). Not a calendar store:
 * each test says what to answer, request by request.
 */
final class TinyHttpServer implements AutoCloseable {

    /** One request as it arrived. */
    record Request(String method, String path, Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> String.join(",", e.getValue()))
                    .findFirst().orElse(null);
        }
    }

    /** An answer: status, headers, body. */
    record Answer(int status, Map<String, String> headers, String body) {

        static Answer of(int status) {
            return new Answer(status, Map.of(), "");
        }

        static Answer of(int status, Map<String, String> headers) {
            return new Answer(status, headers, "");
        }

        static Answer multistatus(String xml) {
            return new Answer(207, Map.of("Content-Type", "application/xml; charset=utf-8"), xml);
        }
    }

    @FunctionalInterface
    interface Script {
        Answer answer(Request request) throws Exception;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Script script = request -> Answer.of(500);

    TinyHttpServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    void answer(Script next) {
        this.script = next;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    Map.copyOf(exchange.getRequestHeaders()), body);
            requests.add(request);
            Answer answer;
            try {
                answer = script.answer(request);
            } catch (Exception e) {
                answer = new Answer(599, Map.of(), String.valueOf(e));
            }
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
