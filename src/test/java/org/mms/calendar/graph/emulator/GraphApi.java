package org.mms.calendar.graph.emulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Graph v1.0's calendar endpoints under {@code /v1.0/users/{upn}}: {@code calendarView} (also under
 * {@code calendar/}), {@code events} (GET, POST), {@code events/{id}} (GET, PATCH, DELETE) and
 * {@code events/{id}/instances} (GET). Every request passes, in this order: the bearer token (401), the failures a
 * test injected (429/503), the mailbox's in-flight limit (429 {@code ApplicationThrottled}, "MailboxConcurrency"), the
 * mailbox itself (404/403), and only then the calendar.
 */
final class GraphApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final IssuedTokens tokens;
    private final InjectedFailures failures;
    private final InFlight inFlight;
    private final Mailboxes mailboxes;
    private final Supplier<URI> graphUrl;
    private final Consumer<RecordedRequest> recorder;
    private volatile Duration latency = Duration.ZERO;

    GraphApi(IssuedTokens tokens, InjectedFailures failures, InFlight inFlight, Mailboxes mailboxes, Supplier<URI> graphUrl,
            Consumer<RecordedRequest> recorder) {
        this.tokens = tokens;
        this.failures = failures;
        this.inFlight = inFlight;
        this.mailboxes = mailboxes;
        this.graphUrl = graphUrl;
        this.recorder = recorder;
    }

    void latency(Duration each) {
        this.latency = each;
    }

    void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            GraphReply reply;
            try {
                reply = answer(exchange);
            } catch (BadRequest e) {
                reply = e.reply();
            }
            HttpExchanges.send(exchange, reply);
            record(exchange, reply.status());
        }
    }

    private GraphReply answer(HttpExchange exchange) throws IOException {
        Optional<String> refusal = tokens.refusal(exchange.getRequestHeaders().getFirst("Authorization"));
        if (refusal.isPresent()) {
            return GraphReply.error(401, "InvalidAuthenticationToken", refusal.get())
                    .withHeader("WWW-Authenticate", "Bearer realm=\"\", error=\"invalid_token\"");
        }
        Optional<GraphReply> injected = failures.take();
        if (injected.isPresent()) {
            return injected.get();
        }
        List<String> segments = segments(exchange.getRequestURI().getRawPath());
        if (!segments.isEmpty() && segments.getFirst().equals("me")) {
            return GraphReply.error(400, "BadRequest", "/me request is only valid with delegated authentication flow.");
        }
        if (segments.size() < 3 || !segments.getFirst().equals("users")) {
            return GraphReply.error(400, "BadRequest", "Resource not found for the segment '" + (segments.isEmpty() ? "" : segments.getFirst()) + "'.");
        }
        String upn = segments.get(1);
        return switch (inFlight.enter(upn)) {
            case InFlight.OverLimit over -> GraphReply.retryLater(429, "ApplicationThrottled", "Application is over its MailboxConcurrency limit.", 1);
            case InFlight.Admitted admitted -> {
                try {
                    pause();
                    yield inMailbox(exchange, upn, segments.subList(2, segments.size()));
                } finally {
                    admitted.leave().run();
                }
            }
        };
    }

    private GraphReply inMailbox(HttpExchange exchange, String upn, List<String> rest) throws IOException {
        MailboxCalendar calendar;
        switch (mailboxes.find(upn)) {
            case Mailboxes.Found found -> calendar = found.calendar();
            case Mailboxes.Unknown unknown -> {
                return GraphReply.error(404, "ErrorInvalidUser", "The requested user '" + upn + "' is invalid.");
            }
            case Mailboxes.OnPremises onPremises -> {
                return GraphReply.error(404, "MailboxNotEnabledForRESTAPI", "The mailbox is either inactive, soft-deleted, or is hosted on-premise.");
            }
            case Mailboxes.AccessDenied denied -> {
                return GraphReply.error(403, "ErrorAccessDenied", "Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.");
            }
        }
        List<String> path = !rest.isEmpty() && rest.getFirst().equals("calendar") ? rest.subList(1, rest.size()) : rest;
        String method = exchange.getRequestMethod();
        Map<String, String> parameters = HttpExchanges.pairs(exchange.getRequestURI().getRawQuery());
        Preferences preferences = Preferences.of(exchange.getRequestHeaders().get("Prefer"));
        ODataQuery query = ODataQuery.of(parameters);
        if (path.equals(List.of("calendarView")) && method.equals("GET")) {
            return calendarView(calendar, exchange.getRequestURI(), parameters, query.withoutFilter("calendarView"), preferences);
        }
        if (path.equals(List.of("events")) && method.equals("GET")) {
            List<ObjectNode> events = calendar.list(event -> query.filter().map(f -> f.matches(event)).orElse(true));
            return page(exchange.getRequestURI(), parameters, query, preferences, events, "users('" + upn + "')/events");
        }
        if (path.size() == 3 && path.getFirst().equals("events") && path.get(2).equals("instances") && method.equals("GET")) {
            Window window = window(parameters);
            return calendar.instances(path.get(1), window.from(), window.to())
                    .map(instances -> page(exchange.getRequestURI(), parameters, query.withoutFilter("instances"), preferences, instances,
                            "users('" + upn + "')/events('" + path.get(1) + "')/instances"))
                    .orElseGet(GraphApi::itemNotFound);
        }
        if (path.equals(List.of("events")) && method.equals("POST")) {
            ObjectNode created = calendar.create(body(exchange), Optional.empty());
            return GraphReply.json(201, withContext(ShapeEvent.shape(created, query, preferences), upn));
        }
        if (path.size() == 2 && path.getFirst().equals("events")) {
            String id = path.get(1);
            Optional<String> ifMatch = Optional.ofNullable(exchange.getRequestHeaders().getFirst("If-Match"));
            return switch (method) {
                case "GET" -> calendar.find(id)
                        .map(event -> GraphReply.json(200, withContext(ShapeEvent.shape(event, query, preferences), upn)))
                        .orElseGet(GraphApi::itemNotFound);
                case "PATCH" -> written(calendar.update(id, body(exchange), ifMatch, true), query, preferences, upn);
                case "DELETE" -> written(calendar.delete(id, ifMatch), query, preferences, upn);
                default -> GraphReply.error(405, "BadRequest", "The method " + method + " is not allowed on an event.");
            };
        }
        return GraphReply.error(400, "BadRequest", "Resource not found for the segment '" + String.join("/", path) + "'.");
    }

    private GraphReply calendarView(MailboxCalendar calendar, URI uri, Map<String, String> parameters, ODataQuery query, Preferences preferences) {
        Window window = window(parameters);
        int offset = query.skipToken().map(GraphApi::offset).orElse(0);
        MailboxCalendar.ViewPage view = calendar.view(window.from(), window.to(), offset, query.pageSize());
        return page(uri, parameters, query, preferences, offset, view.items(), view.total(), "users('" + calendar.upn() + "')/calendarView");
    }

    /** The time window calendarView and instances require: both bounds, or 400 as Graph answers. */
    private record Window(Instant from, Instant to) {
    }

    private static Window window(Map<String, String> parameters) {
        String start = parameters.get("startDateTime");
        String end = parameters.get("endDateTime");
        if (start == null || end == null) {
            throw new BadRequest("ErrorInvalidParameter",
                    "This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.");
        }
        return new Window(GraphTime.bound(start), GraphTime.bound(end));
    }

    /**
     * One page of a collection: {@code $top} of them from where the skip token says ({@code 10} by default, at most
     * {@code 1000}), shaped as asked, with an {@code @odata.nextLink} while more remain.
     */
    private GraphReply page(URI uri, Map<String, String> parameters, ODataQuery query, Preferences preferences, List<ObjectNode> items,
            String context) {
        int offset = query.skipToken().map(GraphApi::offset).orElse(0);
        List<ObjectNode> slice = items.subList(Math.min(offset, items.size()), Math.min(offset + query.pageSize(), items.size()));
        return page(uri, parameters, query, preferences, offset, slice, items.size(), context);
    }

    /** The page of {@code slice}, which starts at {@code offset} of a collection of {@code total}. */
    private GraphReply page(URI uri, Map<String, String> parameters, ODataQuery query, Preferences preferences, int offset,
            List<ObjectNode> slice, int total, String context) {
        int size = query.pageSize();
        ObjectNode page = JsonNodeFactory.instance.objectNode();
        page.put("@odata.context", graphUrl.get() + "/$metadata#" + context);
        ArrayNode value = page.putArray("value");
        for (ObjectNode item : slice) {
            value.add(ShapeEvent.shape(item, query, preferences));
        }
        if (offset + size < total) {
            page.put("@odata.nextLink", nextLink(uri, parameters, offset + size));
        }
        return GraphReply.json(200, page).withHeader("Preference-Applied", preferences.applied());
    }

    /** The next page on the emulator's own URL: the same query with an opaque skip token in place of the old one. */
    private String nextLink(URI uri, Map<String, String> parameters, int nextOffset) {
        Map<String, String> next = new LinkedHashMap<>(parameters);
        next.remove("$skiptoken");
        next.put("$skiptoken", Base64.getUrlEncoder().withoutPadding().encodeToString(("page:" + nextOffset).getBytes(StandardCharsets.UTF_8)));
        List<String> pairs = new ArrayList<>();
        next.forEach((name, value) -> pairs.add(encode(name) + "=" + encode(value)));
        String base = graphUrl.get().toString();
        String path = uri.getRawPath().substring(uri.getRawPath().indexOf("/users/"));
        return base + path + "?" + String.join("&", pairs);
    }

    private static int offset(String skipToken) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(skipToken), StandardCharsets.UTF_8);
            if (!decoded.startsWith("page:")) {
                throw new IllegalArgumentException(decoded);
            }
            return Integer.parseInt(decoded.substring(5));
        } catch (IllegalArgumentException e) {
            throw new BadRequest("ErrorInvalidUrlQuery", "The skip token is not one this collection handed out.");
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("%24", "$").replace("%27", "'");
    }

    private GraphReply written(WriteOutcome outcome, ODataQuery query, Preferences preferences, String upn) {
        return switch (outcome) {
            case WriteOutcome.Written written -> GraphReply.json(200, withContext(ShapeEvent.shape(written.event(), query, preferences), upn));
            case WriteOutcome.Deleted deleted -> GraphReply.noContent();
            case WriteOutcome.NotFound notFound -> itemNotFound();
            case WriteOutcome.Stale stale -> GraphReply.error(412, "ErrorIrresolvableConflict", "The send or update operation could not be "
                    + "performed because the change key passed in the request does not match the current change key for the item.");
        };
    }

    private ObjectNode withContext(ObjectNode event, String upn) {
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("@odata.context", graphUrl.get() + "/$metadata#users('" + upn + "')/events/$entity");
        answer.setAll(event);
        return answer;
    }

    private static GraphReply itemNotFound() {
        return GraphReply.error(404, "ErrorItemNotFound", "The specified object was not found in the store.");
    }

    private static JsonNode body(HttpExchange exchange) throws IOException {
        try {
            return JSON.readTree(HttpExchanges.body(exchange));
        } catch (JacksonException e) {
            throw new BadRequest("RequestBodyRead", "The request body is not JSON: " + e.getOriginalMessage());
        }
    }

    /** Path segments after {@code /v1.0}, decoded ({@code alice%40contoso.com} is {@code alice@contoso.com}). */
    private static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String segment : rawPath.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        if (!segments.isEmpty() && segments.getFirst().equals("v1.0")) {
            segments.removeFirst();
        }
        // Graph also accepts users('alice@contoso.com'); the emulator reads it as users/alice@contoso.com.
        if (!segments.isEmpty() && segments.getFirst().startsWith("users('") && segments.getFirst().endsWith("')")) {
            String upn = segments.removeFirst();
            segments.addFirst(upn.substring(7, upn.length() - 2));
            segments.addFirst("users");
        }
        return segments;
    }

    private void pause() {
        Duration each = latency;
        if (each.isZero()) {
            return;
        }
        try {
            Thread.sleep(each);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void record(HttpExchange exchange, int status) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Authorization")) {
                headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values));
            }
        });
        URI uri = exchange.getRequestURI();
        recorder.accept(new RecordedRequest(exchange.getRequestMethod(), uri.getRawPath(),
                uri.getRawQuery() == null ? "" : uri.getRawQuery(), Map.copyOf(headers), status));
    }
}
