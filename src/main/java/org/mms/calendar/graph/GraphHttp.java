package org.mms.calendar.graph;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends requests to Graph for one mailbox at a time, within the in-flight limits: a bearer token from
 * {@link AccessTokens} on each (a 401 makes the token forgotten and the request go once more with a new one), 429 and
 * 503 waited out as {@link WaitBeforeRetry} says, at most {@link #TRIES} times. Any other answer goes back to the
 * caller, which knows what a 404 or a 412 means for its request.
 */
final class GraphHttp implements AutoCloseable {

    /** Sending one request at most this often, when Graph throttles it: the waits add up to several minutes. */
    static final int TRIES = 8;

    /** How a waiting thread waits; tests wait less. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(GraphHttp.class);

    /** Every read asks for immutable ids, UTC times and the HTML body (Graph's own preferences, RFC 7240). */
    static final List<String> PREFER = List.of("IdType=\"ImmutableId\"", "outlook.timezone=\"UTC\"", "outlook.body-content-type=\"html\"");

    private final GraphSettings settings;
    private final HttpClient client;
    private final AccessTokens tokens;
    private final InFlightLimits limits;
    private final Clock clock;
    private final Sleeper sleeper;

    GraphHttp(GraphSettings settings, HttpClient client, AccessTokens tokens, Clock clock, Sleeper sleeper) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.client = Objects.requireNonNull(client, "client");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.limits = new InFlightLimits(settings.mailboxInFlight(), settings.processInFlight());
        this.clock = clock;
        this.sleeper = sleeper;
    }

    static HttpClient newClient(GraphSettings settings) {
        return HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                // A redirect would carry the bearer token wherever it points.
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Sends one request about {@code upn}'s mailbox and gives Graph's answer, whatever its status, except that
     * throttling outlasting the tries and failures to get any answer are thrown.
     *
     * @param what the request as messages show it
     */
    GraphResponse send(String upn, String method, URI uri, String what, byte[] body, Map<String, String> headers) {
        boolean renewed = false;
        for (int attempt = 1; ; attempt++) {
            String token = tokens.token();
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                    .timeout(settings.timeout())
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json")
                    .header("Prefer", String.join(", ", PREFER))
                    .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            if (body.length > 0) {
                builder.header("Content-Type", "application/json");
            }
            headers.forEach(builder::header);
            HttpResponse<byte[]> response;
            try (InFlightLimits.Place place = limits.enter(upn)) {
                response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                throw ClassifyGraphFailure.ofException(what, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ClassifyGraphFailure.interrupted(what, e);
            }
            int status = response.statusCode();
            GraphResponse answer = new GraphResponse(what, status, response.headers(), response.body() == null ? new byte[0] : response.body());
            if (status == 401 && !renewed) {
                // Expired or revoked early: a new token, once per request.
                tokens.refused(token);
                renewed = true;
                attempt--;
                continue;
            }
            if (status != 429 && status != 503) {
                return answer;
            }
            if (attempt >= TRIES) {
                throw ClassifyGraphFailure.throttled(what, attempt);
            }
            Duration wait = WaitBeforeRetry.after(attempt, response.headers().firstValue("Retry-After"), clock.instant());
            LOG.debug("{}: Graph answered {}; waiting {} ms before try {} of {}", what, status, wait.toMillis(), attempt + 1, TRIES);
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ClassifyGraphFailure.interrupted(what, e);
            }
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
