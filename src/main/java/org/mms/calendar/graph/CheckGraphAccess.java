package org.mms.calendar.graph;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.mms.calendar.CalendarStoreException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whether MMS can work with Exchange Online as set up, asked before {@code Set-CsCalendarStore} saves the
 * settings: a token is obtained, then one mailbox's calendar is read, a one-minute {@code calendarView},
 * which needs exactly what migrations need (the {@code Calendars.ReadWrite} application permission,
 * consented, and the mailbox within the application's access scope). With no mailbox to read, only the
 * sign-in is tried: listing users would need a permission MMS does not otherwise ask for.
 */
public final class CheckGraphAccess {

    /** What the check found; every message is one line an admin can act on, without the credential. */
    public sealed interface Outcome {
        String describe();
    }

    /** A token, and the mailbox's calendar answered (or no mailbox was named). */
    public record Works(Optional<String> mailbox) implements Outcome {
        @Override
        public String describe() {
            return mailbox.map(m -> "signed in and read the calendar of " + m).orElse("signed in (no mailbox to read yet)");
        }
    }

    /** Entra ID gave no token: a wrong or expired secret, an unknown app or tenant, an unreachable authority. */
    public record SignInFailed(String why) implements Outcome {
        @Override
        public String describe() {
            return why;
        }
    }

    /** Graph could not be reached at all. */
    public record Unreachable(String detail) implements Outcome {
        @Override
        public String describe() {
            return "Graph cannot be reached: " + detail;
        }
    }

    /** Graph answered, but not with the mailbox's calendar. */
    public record Refused(int status, String code, String why) implements Outcome {
        @Override
        public String describe() {
            return why + " (HTTP " + status + (code.isEmpty() ? "" : " " + code) + ")";
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CheckGraphAccess() {
    }

    /** Signs in with {@code tokens} and reads {@code mailbox}'s calendar (a UPN) at the settings' Graph URL. */
    public static Outcome check(GraphSettings settings, AccessTokens tokens, Optional<String> mailbox) {
        return check(settings, tokens, mailbox, AuthorityHttp.newClient(settings.timeout()));
    }

    static Outcome check(GraphSettings settings, AccessTokens tokens, Optional<String> mailbox, HttpClient http) {
        String token;
        try {
            token = tokens.token();
        } catch (CalendarStoreException e) {
            return new SignInFailed(e.getMessage());
        }
        if (mailbox.isEmpty()) {
            return new Works(mailbox);
        }
        String upn = mailbox.orElseThrow();
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        URI url = URI.create(root(settings) + "/users/" + URLEncoder.encode(upn, StandardCharsets.UTF_8).replace("+", "%20")
                + "/calendarView?startDateTime=" + start + "&endDateTime=" + start.plus(1, ChronoUnit.MINUTES) + "&$top=1&$select=id");
        HttpResponse<String> answer;
        try {
            answer = http.send(HttpRequest.newBuilder(url).timeout(settings.timeout()).header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            return new Unreachable(AuthorityHttp.origin(url) + " did not answer within " + settings.timeout().toSeconds() + " s");
        } catch (IOException e) {
            return new Unreachable(AuthorityHttp.origin(url) + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Unreachable("interrupted");
        }
        int status = answer.statusCode();
        if (status == 200) {
            return new Works(mailbox);
        }
        String code = errorCode(answer.body());
        return new Refused(status, code, switch (status) {
            case 401 -> "Graph refused the token: check GraphUrl and AuthorityUrl belong to the same cloud";
            case 403 -> "Graph denies the application the calendar of " + upn + ": grant admin consent for the Calendars.ReadWrite "
                    + "application permission, and check that the app's access scope (RBAC for Applications or an application access "
                    + "policy) includes the organizers' mailboxes";
            case 404 -> "Graph knows no mailbox " + upn + ": check that the user's UPN in MMS is their Microsoft 365 sign-in name "
                    + "and that their mailbox is on Exchange Online";
            default -> status >= 300 && status < 400 ? "Graph at " + root(settings) + " redirected elsewhere; give the URL it points to"
                    : "Graph answered the calendar read of " + upn + " with an error";
        });
    }

    private static String root(GraphSettings settings) {
        String root = settings.graphUrl().toString();
        return root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    }

    /** Graph's {@code error.code}, or nothing when the body is not Graph's error shape. */
    private static String errorCode(String body) {
        try {
            JsonNode code = JSON.readTree(body).path("error").path("code");
            return code.isString() ? code.asString() : "";
        } catch (JacksonException | IllegalArgumentException e) {
            return "";
        }
    }
}
