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

/** A real CalDAV server run by the tests: where it is, how to log in, and making calendars on it. */
public interface CalDavServer extends AutoCloseable {

    /** The server's root URL, {@code http://127.0.0.1:PORT/}. */
    URI baseUrl();

    Optional<String> username();

    Optional<String> password();

    /** Where this server keeps a user's calendars, with {@code {name}} for the calendar's name. */
    String calendarPathTemplate();

    /** What the server logged so far. */
    String log();

    @Override
    void close();

    /** The URL of the calendar collection {@code name}, as {@link #calendarPathTemplate()} puts it. */
    default URI calendarUrl(String name) {
        return baseUrl().resolve(calendarPathTemplate().replace("{name}", name));
    }

    /** Makes the calendar collection {@code name} (MKCALENDAR) and gives its URL. */
    default URI makeCalendar(String name) {
        URI url = calendarUrl(name);
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .method("MKCALENDAR", HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(30));
        username().ifPresent(user -> request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + password().orElse("")).getBytes(StandardCharsets.UTF_8))));
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            for (int attempt = 1; ; attempt++) {
                try {
                    HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 201) {
                        throw new IllegalStateException("MKCALENDAR " + url + ": HTTP " + response.statusCode() + " "
                                + response.body());
                    }
                    return url;
                } catch (IOException e) {
                    if (attempt >= 5) {
                        throw new IllegalStateException("MKCALENDAR " + url + " failed", e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
