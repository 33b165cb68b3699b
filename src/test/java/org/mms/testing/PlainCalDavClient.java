package org.mms.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * A CalDAV client as plain as it gets, independent of the store under test: PUT and GET of one
 * resource over HTTP/1.1 with Basic authentication. Tests seed and read back calendars with it the way
 * another calendar client would; the CalDAV benchmark measures the server's raw rate with it.
 */
public final class PlainCalDavClient implements AutoCloseable {

    /** A resource as the server serves it. */
    public record Fetched(String etag, byte[] data) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Optional<String> authorization;

    public PlainCalDavClient(CalDavServer server) {
        this.authorization = server.username().map(user -> "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + server.password().orElse("")).getBytes(StandardCharsets.UTF_8)));
    }

    /** Creates {@code url} (If-None-Match: *) and gives the status code. */
    public int create(URI url, byte[] data) {
        return send(request(url).header("If-None-Match", "*").header("Content-Type", "text/calendar; charset=utf-8")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(data)).build()).statusCode();
    }

    /** Replaces {@code url} if its ETag is still {@code etag}, and gives the status code. */
    public int replace(URI url, byte[] data, String etag) {
        return send(request(url).header("If-Match", etag).header("Content-Type", "text/calendar; charset=utf-8")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(data)).build()).statusCode();
    }

    /** Deletes {@code url} (a resource, or a collection with everything in it) and gives the status code. */
    public int delete(URI url) {
        return send(request(url).DELETE().build()).statusCode();
    }

    public Fetched get(URI url) {
        HttpResponse<byte[]> response = send(request(url).GET().build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + ": HTTP " + response.statusCode());
        }
        String etag = response.headers().firstValue("ETag")
                .orElseThrow(() -> new IllegalStateException("GET " + url + " gave no ETag"));
        return new Fetched(etag, response.body());
    }

    private HttpRequest.Builder request(URI url) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30));
        authorization.ifPresent(value -> builder.header("Authorization", value));
        return builder;
    }

    /**
     * Sent again (twice at most) when the connection fails: Radicale closes idle keep-alive connections,
     * and a request on one that was just closed gets no answer. Every request here is conditional or
     * a read, so sending it again is safe.
     */
    private HttpResponse<byte[]> send(HttpRequest request) {
        for (int attempt = 1; ; attempt++) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                if (attempt > 2) {
                    throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
