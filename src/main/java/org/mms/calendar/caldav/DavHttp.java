package org.mms.calendar.caldav;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends requests to one server with the JDK client: HTTP/1.1, Basic authentication sent with every
 * request (the JDK's {@code Authenticator} would only answer a 401, costing a round trip each time),
 * no redirects followed, the timeout of the settings. Failures to get any answer become
 * {@link org.mms.calendar.CalendarStoreException}s here; what a status means is up to the caller.
 */
final class DavHttp implements AutoCloseable {

    /**
     * How often a request is sent again after the server closed the connection before answering. Radicale
     * closes every connection after its (HTTP/1.0) answer; the JDK client sometimes reuses one anyway and
     * fails with "header parser received no bytes" (about one PUT in eight when measured).
     */
    static final int CLOSED_CONNECTION_RETRIES = 4;

    private static final Logger LOG = LoggerFactory.getLogger(DavHttp.class);

    private final CalDavSettings settings;
    private final HttpClient client;
    private final Optional<String> authorization;

    DavHttp(CalDavSettings settings, HttpClient client) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.client = Objects.requireNonNull(client, "client");
        this.authorization = settings.basicAuthorization();
    }

    /**
     * The client the adapter uses by default. HTTP/1.1 forced: the default (HTTP/2) sends an h2c
     * upgrade on cleartext connections, even with a REPORT body, which breaks some servers and proxies.
     * TLS uses the JDK's default context, that is the system trust store.
     */
    static HttpClient newClient(CalDavSettings settings) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The response, whatever its status; an exception only when there is none. */
    DavResponse send(DavRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri())
                .timeout(settings.timeout())
                .method(request.method(), request.body().length == 0
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(builder::header);
        authorization.ifPresent(value -> builder.header("Authorization", value));
        HttpRequest http = builder.build();
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<byte[]> response = client.send(http, HttpResponse.BodyHandlers.ofByteArray());
                return new DavResponse(request.method(), request.uri(), response.statusCode(), response.headers(),
                        response.body() == null ? new byte[0] : response.body());
            } catch (IOException e) {
                if (attempt <= CLOSED_CONNECTION_RETRIES && ClassifyHttpFailure.isClosedBeforeAnswer(e)) {
                    LOG.debug("{}: the server closed the connection before answering; sending again ({} of {})",
                            request, attempt, CLOSED_CONNECTION_RETRIES);
                    continue;
                }
                throw ClassifyHttpFailure.ofException(request.method(), request.uri(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ClassifyHttpFailure.interrupted(request.method(), request.uri(), e);
            }
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
