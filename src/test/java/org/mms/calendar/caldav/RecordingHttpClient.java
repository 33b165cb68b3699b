package org.mms.calendar.caldav;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.mms.testing.ForwardingHttpClient;

/**
 * The adapter's own client with a record of every exchange it sent: method, URL, request body and
 * the status it got. Lets tests count requests (multigets per batch) without a fake server.
 */
final class RecordingHttpClient extends ForwardingHttpClient {

    /** One request and what came of it. */
    record Exchange(String method, URI uri, String body, int status) {

        boolean isMultiget() {
            return method.equals("REPORT") && body.contains("calendar-multiget");
        }

        boolean isQuery() {
            return method.equals("REPORT") && body.contains("calendar-query");
        }

        /** How many hrefs a multiget asks for. */
        int hrefCount() {
            return body.split("<D:href>", -1).length - 1;
        }
    }

    /** The status recorded for a request that got no answer. */
    static final int NO_ANSWER = -1;

    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

    RecordingHttpClient(HttpClient delegate) {
        super(delegate);
    }

    /**
     * The requests that got an answer. Those sent on a connection the server had closed (Radicale:
     * see {@link DavHttp#CLOSED_CONNECTION_RETRIES}) were sent again and are left out.
     */
    List<Exchange> exchanges() {
        return exchanges(e -> true);
    }

    List<Exchange> exchanges(Predicate<Exchange> which) {
        return exchanges.stream().filter(e -> e.status() != NO_ANSWER).filter(which).toList();
    }

    /** The requests that got no answer. */
    List<Exchange> unanswered() {
        return exchanges.stream().filter(e -> e.status() == NO_ANSWER).toList();
    }

    void forget() {
        exchanges.clear();
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        String body = bodyOf(request);
        try {
            HttpResponse<T> response = forward(request, handler);
            exchanges.add(new Exchange(request.method(), request.uri(), body, response.statusCode()));
            return response;
        } catch (IOException e) {
            exchanges.add(new Exchange(request.method(), request.uri(), body, NO_ANSWER));
            throw e;
        }
    }

    /** The request body, read from its publisher (the adapter's publishers can be read again). */
    private static String bodyOf(HttpRequest request) {
        if (request.bodyPublisher().isEmpty() || request.bodyPublisher().get().contentLength() == 0) {
            return "";
        }
        CompletableFuture<String> body = new CompletableFuture<>();
        request.bodyPublisher().get().subscribe(new Flow.Subscriber<>() {
            private final List<byte[]> parts = new ArrayList<>();

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] part = new byte[item.remaining()];
                item.get(part);
                parts.add(part);
            }

            @Override
            public void onError(Throwable throwable) {
                body.completeExceptionally(throwable);
            }

            @Override
            public void onComplete() {
                StringBuilder text = new StringBuilder();
                parts.forEach(p -> text.append(new String(p, StandardCharsets.UTF_8)));
                body.complete(text.toString());
            }
        });
        try {
            return body.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not read a request body", e);
        }
    }
}
