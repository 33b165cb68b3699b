package org.mms.calendar.graph;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.mms.calendar.graph.emulator.GraphEmulator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tokens from the emulator's Entra token endpoint (client credentials, client secret), asked with the JDK client:
 * the store's seam, without the production token source. Counts the tokens Graph refused.
 */
final class EmulatorTokens implements AccessTokens {

    private final GraphEmulator graph;
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicInteger refusals = new AtomicInteger();
    private volatile String current;

    EmulatorTokens(GraphEmulator graph) {
        this.graph = graph;
    }

    @Override
    public synchronized String token() {
        if (current == null) {
            current = fetch();
        }
        return current;
    }

    @Override
    public synchronized void refused(String token) {
        refusals.incrementAndGet();
        if (token.equals(current)) {
            current = null;
        }
    }

    int refusals() {
        return refusals.get();
    }

    private String fetch() {
        String form = "grant_type=client_credentials&client_id=" + enc(graph.clientId()) + "&client_secret=" + enc(graph.clientSecret())
                + "&scope=" + enc("https://graph.microsoft.com/.default");
        URI uri = URI.create(graph.authorityUrl() + "/" + graph.tenantId() + "/oauth2/v2.0/token");
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("the emulator's token endpoint answered " + answer.statusCode());
            }
            return JsonMapper.builder().build().readTree(answer.body()).path("access_token").asString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
