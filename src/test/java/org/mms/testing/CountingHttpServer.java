package org.mms.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP listener on this machine that answers 404 to everything and remembers what came: the
 * "other server" of the tests that prove MMS sends a CalDAV store's credentials nowhere else.
 */
public final class CountingHttpServer implements AutoCloseable {

    /** One request: its method, path and Authorization header (null when none came). */
    public record Received(String method, String path, String authorization) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public CountingHttpServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Authorization")));
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(404, -1);
            }
        });
        server.start();
    }

    /** {@code http://127.0.0.1:PORT/}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** How many requests came with an Authorization header. */
    public long authorizations() {
        return received.stream().filter(r -> r.authorization() != null).count();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
