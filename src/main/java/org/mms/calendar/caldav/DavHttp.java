package org.mms.calendar.caldav;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends requests to one server with the JDK client: HTTP/1.1, Basic authentication sent with every
 * request to the server's own origin (the JDK's {@code Authenticator} would only answer a 401, costing
 * a round trip each time) and to no other, no redirects followed (a redirect would carry the
 * credentials wherever it points), the timeout of the settings. Failures to get any answer become
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
    private final String origin;

    DavHttp(CalDavSettings settings, HttpClient client) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.client = Objects.requireNonNull(client, "client");
        this.authorization = settings.basicAuthorization();
        this.origin = origin(settings.baseUrl());
    }

    /** {@code scheme://host:port}, lower-cased, with the scheme's default port when none is written. */
    static String origin(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        int port = url.getPort() != -1 ? url.getPort() : scheme.equals("https") ? 443 : 80;
        return scheme + "://" + host + ":" + port;
    }

    /** Whether a request to {@code url} may carry the credentials: only on the base URL's own origin. */
    boolean mayAuthenticate(URI url) {
        return origin.equals(origin(url));
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
        // A calendar URL or an href that names another server gets no credentials (issue 13, defect 4).
        authorization.filter(value -> mayAuthenticate(request.uri())).ifPresent(value -> builder.header("Authorization", value));
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
