package org.mms.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST client every cmdlet shares: JSON in and out, the bearer token on every call, HTTP/1.1 (the
 * JDK client would otherwise try an h2c upgrade). Refusals and unreachable servers become one-line
 * {@link CmdletFailure}s that say what happened and where.
 */
final class MmsClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ServerSettings settings;
    private final HttpClient http;
    /** Read on the first call, so that a cmdlet that fails before calling needs no token. */
    private ServerSettings.Token token;

    MmsClient(ServerSettings settings) {
        this.settings = settings;
        this.http = "https".equals(settings.url().getScheme()) ? Shared.TLS : SharedPlain.HTTP;
    }

    /** One client (its connections, its selector thread) for the whole process: the shell runs many cmdlets in one. */
    private static final class Shared {
        static final HttpClient TLS = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(ServerSettings.CONNECT_TIMEOUT).build();
    }

    /**
     * The client for a plain http URL (the loopback default). A client made without a TLS context of its
     * own reads every trusted root certificate of the JDK first, a good part of a cmdlet's start, for
     * TLS it never speaks here; this one gets a context that trusts no one, and never uses it: the
     * client follows no redirects, so it cannot be led from http to https.
     */
    private static final class SharedPlain {
        static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(ServerSettings.CONNECT_TIMEOUT)
                .sslContext(trustingNoOne()).build();

        private static SSLContext trustingNoOne() {
            try {
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(new KeyManager[0], new TrustManager[0], null);
                return context;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** {@code /api/v1/} and the segments, each percent-encoded: identities hold {@code @}, numbers {@code +}, bridge names spaces. */
    static String path(String... segments) {
        return "/api/v1/" + Arrays.stream(segments)
                .map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("/"));
    }

    JsonNode get(String path, Map<String, String> query) {
        String q = query(query);
        return call(request(q.isEmpty() ? path : path + "?" + q).GET());
    }

    private static String query(Map<String, String> query) {
        return query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** A JSON body; {@code body} is a map of the cmdlet's parameters as the API names them. */
    JsonNode send(String method, String path, Map<String, ?> body) {
        return call(request(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    /** A call without a body (DELETE), the query encoded as by {@link #get}. */
    JsonNode delete(String path, Map<String, String> query) {
        return call(request(path + "?" + query(query)).DELETE());
    }

    /** A document passed through as it is (a directory JSON file, a calendar export). */
    JsonNode send(String method, String path, byte[] document, String contentType) {
        return call(request(path).header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(document)));
    }

    /** A document fetched as it is (a calendar), with the value of one response header. */
    record Download(byte[] body, String header) {
    }

    Download download(String path, String header) {
        HttpResponse<byte[]> response = exchange(request(path).header("Accept", "text/calendar").GET());
        return new Download(response.body(), response.headers().firstValue(header).orElse(""));
    }

    static String pretty(JsonNode node) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        if (token == null) {
            settings.checkTransport();
            token = settings.token();
        }
        return HttpRequest.newBuilder(URI.create(settings.url() + pathAndQuery)).timeout(ServerSettings.REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token.value()).header("Accept", "application/json");
    }

    private JsonNode call(HttpRequest.Builder builder) {
        HttpResponse<byte[]> response = exchange(builder);
        HttpRequest request = response.request();
        try {
            return JSON.readTree(response.body());
        } catch (JacksonException e) {
            throw CmdletFailure.notJson(settings.url(), request.method(), request.uri().getPath());
        }
    }

    /** Sends a request; a failure to connect or a refusal becomes a {@link CmdletFailure} with a clear message. */
    private HttpResponse<byte[]> exchange(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException e) {
            throw CmdletFailure.noConnection(settings.url());
        } catch (HttpTimeoutException e) {
            throw CmdletFailure.noAnswer(settings.url());
        } catch (ConnectException e) {
            throw CmdletFailure.unreachable(settings.url(), "connection refused");
        } catch (IOException e) {
            throw CmdletFailure.unreachable(settings.url(), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CmdletFailure.forEveryCall("interrupted while waiting for the MMS server at " + settings.url());
        }
        if (response.statusCode() >= 400) {
            throw CmdletFailure.refused(settings, token, request.method(), request.uri().getPath(), response.statusCode(), detail(response));
        }
        return response;
    }

    /** The problem document's detail; empty when the answer is not one (a proxy's error page, another server). */
    private static String detail(HttpResponse<byte[]> response) {
        if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            return "";
        }
        try {
            return JSON.readTree(response.body()).path("detail").asString("");
        } catch (JacksonException e) {
            return "";
        }
    }
}
