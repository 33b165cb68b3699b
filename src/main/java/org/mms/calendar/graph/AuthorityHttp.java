package org.mms.calendar.graph;

import com.microsoft.aad.msal4j.HttpRequest;
import com.microsoft.aad.msal4j.HttpResponse;
import com.microsoft.aad.msal4j.IHttpClient;
import com.microsoft.aad.msal4j.IHttpResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Locale;

/**
 * How msal4j reaches the authority: through the JDK's HTTP client, with MMS's timeout, no redirects, and to
 * the authority's own origin only. msal4j sends the client secret or the signed assertion with its token
 * request; should it ever be asked to call another host (instance discovery, region detection), that
 * call is refused here rather than made.
 */
final class AuthorityHttp implements IHttpClient {

    private final HttpClient http;
    private final URI authority;
    private final Duration timeout;

    AuthorityHttp(HttpClient http, URI authority, Duration timeout) {
        this.http = http;
        this.authority = authority;
        this.timeout = timeout;
    }

    /** The client msal4j gets when none is given: connect within {@code timeout}, never follow a redirect. */
    static HttpClient newClient(Duration timeout) {
        return HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public IHttpResponse send(HttpRequest request) throws IOException, InterruptedException {
        URI url = URI.create(request.url().toString());
        if (!origin(url).equals(origin(authority))) {
            throw new IOException("MMS sends the application's credential to the authority " + origin(authority) + " only, not to "
                    + origin(url));
        }
        java.net.http.HttpRequest.Builder out = java.net.http.HttpRequest.newBuilder(url).timeout(timeout);
        request.headers().forEach((name, value) -> {
            // The JDK sets these itself and refuses them from callers.
            if (!name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Connection")) {
                out.header(name, value);
            }
        });
        String body = request.body();
        out.method(request.httpMethod().methodName, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(body));
        java.net.http.HttpResponse<String> answer = http.send(out.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        HttpResponse response = new HttpResponse().statusCode(answer.statusCode()).body(answer.body());
        response.addHeaders(answer.headers().map());
        return response;
    }

    /** {@code scheme://host:port}, lower-cased, with the scheme's default port when none is written. */
    static String origin(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        int port = url.getPort() != -1 ? url.getPort() : scheme.equals("https") ? 443 : 80;
        return scheme + "://" + host + ":" + port;
    }
}
