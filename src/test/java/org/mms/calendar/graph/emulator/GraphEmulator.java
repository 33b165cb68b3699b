package org.mms.calendar.graph.emulator;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stateful Microsoft Graph for Exchange Online calendars, started in the test's JVM on a loopback port, built from
 * Graph v1.0's published contract: Entra's client-credentials token endpoint (with the discovery documents MSAL reads),
 * and under {@link #graphUrl()} a tenant's mailboxes with calendarView (series expanded into occurrences and
 * exceptions, paged by {@code @odata.nextLink}), the list of events (filtered by an extended property's value) and the
 * instances of a series, events read, created, patched with {@code If-Match} and deleted,
 * change keys renewed on every write, Graph's error shapes, the per-mailbox limit of four requests in flight, and a
 * record of the meeting updates Exchange would send to attendees.
 *
 * <p>It runs on the JDK's own HTTP server rather than WireMock: WireMock is made for stubs that answer each request
 * from a script, while this needs a calendar whose state every request reads and changes, and has to count the
 * requests in flight per mailbox at the moment they overlap, which the JDK server with a thread per request shows
 * directly. It also adds no dependency.
 *
 * <p>What is emulated, and what only a live tenant proves, is listed in {@code package-info.java}.
 */
public final class GraphEmulator implements AutoCloseable {

    public static final String TENANT_ID = "8f0c6d2e-3b1a-4c5d-9e7f-0a1b2c3d4e5f";
    public static final String CLIENT_ID = "2a4b6c8d-1e3f-4a5b-8c7d-9e0f1a2b3c4d";
    public static final String CLIENT_SECRET = "emulator~Secret.0123456789abcdef";
    /** Graph's documented limit of concurrent requests per app and mailbox for Outlook resources. */
    public static final int MAILBOX_CONCURRENCY = 4;
    /** What Entra answers for an app token today: an hour less a second. */
    public static final Duration TOKEN_LIFETIME = Duration.ofSeconds(3599);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String tenantId;
    private final String clientId;
    private final String clientSecret;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Optional<SSLContext> clientTls;
    private final IssuedTokens tokens;
    private final InjectedFailures failures = new InjectedFailures();
    private final InFlight inFlight;
    private final Mailboxes mailboxes;
    private final GraphApi graph;
    private final TokenEndpoint entra;
    private final List<Notification> notifications = new CopyOnWriteArrayList<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

    private GraphEmulator(Builder builder) {
        this.tenantId = builder.tenantId;
        this.clientId = builder.clientId;
        this.clientSecret = builder.clientSecret;
        this.tokens = new IssuedTokens(builder.clock, builder.tokenLifetime);
        this.inFlight = new InFlight(builder.mailboxConcurrency);
        this.mailboxes = new Mailboxes(builder.clock, notifications::add);
        this.graph = new GraphApi(tokens, failures, inFlight, mailboxes, this::graphUrl, requests::add);
        this.entra = new TokenEndpoint(tenantId, clientId, clientSecret, tokens, builder.clock, this::authorityUrl);
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        try {
            if (builder.https) {
                SelfSignedCertificate certificate = SelfSignedCertificate.forLoopback();
                HttpsServer https = HttpsServer.create(loopback, 0);
                https.setHttpsConfigurator(new HttpsConfigurator(certificate.serverContext()));
                this.server = https;
                this.clientTls = Optional.of(certificate.clientContext());
            } else {
                this.server = HttpServer.create(loopback, 0);
                this.clientTls = Optional.empty();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/v1.0/", graph::handle);
        server.createContext("/", entra::handle);
        server.start();
    }

    /** An emulator on HTTP with the fixed test tenant, app and secret. */
    public static GraphEmulator start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Graph's versioned root, {@code http://127.0.0.1:PORT/v1.0}, as a client's Graph base URL. */
    public URI graphUrl() {
        return URI.create(root() + "/v1.0");
    }

    /** The authority root: tokens come from {@code {authorityUrl}/{tenantId}/oauth2/v2.0/token}. */
    public URI authorityUrl() {
        return URI.create(root());
    }

    public String tenantId() {
        return tenantId;
    }

    public String clientId() {
        return clientId;
    }

    public String clientSecret() {
        return clientSecret;
    }

    /** For a client of an emulator started with {@link Builder#https()}: a TLS context that trusts its certificate. */
    public Optional<SSLContext> sslContext() {
        return clientTls;
    }

    /** A valid token, as the token endpoint would issue it, for tests about calendars rather than sign-in. */
    public String accessToken() {
        return tokens.issue(tenantId, clientId);
    }

    /** The token endpoint refuses every request of this tenant and app from now on as Entra does for {@code refusal}. */
    public void refuseSignIn(SignInRefusal refusal) {
        entra.refuse(Optional.of(refusal));
    }

    /** The token endpoint issues tokens again. */
    public void allowSignIn() {
        entra.refuse(Optional.empty());
    }

    /** Every token issued so far answers 401 from now on; new ones work. */
    public void revokeTokens() {
        tokens.revokeAll();
    }

    /** How long tokens issued from now on live ({@code expires_in}). */
    public void tokenLifetime(Duration lifetime) {
        tokens.lifetime(lifetime);
    }

    /** A mailbox on Exchange Online, with an empty calendar. */
    public void addMailbox(String upn) {
        mailboxes.add(upn);
    }

    /** A mailbox Graph cannot reach because it is hosted on premises: 404 {@code MailboxNotEnabledForRESTAPI}. */
    public void addMailboxOnPremises(String upn) {
        mailboxes.addOnPremises(upn);
    }

    /** An application access policy keeps the app out of this mailbox: 403 {@code ErrorAccessDenied}. */
    public void denyAppAccess(String upn) {
        mailboxes.deny(upn);
    }

    /**
     * Stores an event as {@code POST /users/{upn}/events} would (a series master when it has a {@code recurrence}), with
     * {@code singleValueExtendedProperties} as given, and returns its id. The iCalUId is made up, as Exchange does.
     */
    public String createEvent(String upn, String eventJson) {
        return mailboxes.calendar(upn).create(parse(eventJson), Optional.empty()).path("id").asString();
    }

    /** As {@link #createEvent(String, String)}, keeping the meeting's UID, as a calendar imported from iCalendar does. */
    public String createEvent(String upn, String eventJson, String iCalUId) {
        return mailboxes.calendar(upn).create(parse(eventJson), Optional.of(iCalUId)).path("id").asString();
    }

    /**
     * Makes the occurrence of a series that starts at {@code originalStart} an exception with the given changes (for
     * instance another body or start), as an organizer editing one occurrence does; returns the exception's id.
     */
    public String addException(String upn, String masterId, Instant originalStart, String patchJson) {
        String id = new OccurrenceId(masterId, originalStart).encoded();
        return switch (mailboxes.calendar(upn).update(id, parse(patchJson), Optional.empty(), false)) {
            case WriteOutcome.Written written -> written.event().path("id").asString();
            default -> throw new IllegalArgumentException("series " + masterId + " of " + upn + " has no occurrence at " + originalStart);
        };
    }

    /** Cancels the occurrence of a series that starts at {@code originalStart}: calendarView leaves it out. */
    public void cancelOccurrence(String upn, String masterId, Instant originalStart) {
        OccurrenceId id = new OccurrenceId(masterId, originalStart);
        if (!mailboxes.calendar(upn).isLiveOccurrence(id) || !mailboxes.calendar(upn).cancel(id)) {
            throw new IllegalArgumentException("series " + masterId + " of " + upn + " has no occurrence at " + originalStart);
        }
    }

    /** The event as stored (body as Exchange keeps it, all extended properties, times as given), for assertions. */
    public Optional<JsonNode> event(String upn, String id) {
        return mailboxes.calendar(upn).find(id).map(JsonNode.class::cast);
    }

    /** The user edits the event in Outlook: the changes are stored and the change key renewed; no update is recorded. */
    public void changeEvent(String upn, String id, String patchJson) {
        if (mailboxes.calendar(upn).update(id, parse(patchJson), Optional.empty(), false) instanceof WriteOutcome.NotFound) {
            throw new IllegalArgumentException("no event " + id + " in " + upn);
        }
    }

    /** The meeting updates Exchange would have sent to attendees, in order. */
    public List<Notification> notifications() {
        return List.copyOf(notifications);
    }

    /** The next {@code count} Graph requests (token requests aside) get {@code status} (429 or 503) with Retry-After. */
    public void failNext(int count, int status, Duration retryAfter) {
        failures.next(count, status, retryAfter);
    }

    /** Requests in flight to one mailbox at most (default 4, Graph's); more at once get 429 MailboxConcurrency. */
    public void mailboxConcurrency(int limit) {
        inFlight.limit(limit);
    }

    /** Each admitted Graph request is held this long, so that a client's concurrency shows. */
    public void latency(Duration each) {
        graph.latency(Objects.requireNonNull(each, "each"));
    }

    /** Requests to this mailbox in flight right now. */
    public int inFlight(String upn) {
        return inFlight.now(upn);
    }

    /** The most requests ever in flight to this mailbox at once, counting those turned away for being over the limit. */
    public int maxInFlightSeen(String upn) {
        return inFlight.peak(upn);
    }

    /** Requests of every mailbox being answered now. */
    public int inFlightOverall() {
        return inFlight.nowOverall();
    }

    /** The most Graph requests ever in flight at once, over all mailboxes. */
    public int maxInFlightSeenOverall() {
        return inFlight.peakOverall();
    }

    /** Every Graph request so far, in the order they were answered, without their Authorization header. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }

    private String root() {
        String scheme = clientTls.isPresent() ? "https" : "http";
        return scheme + "://127.0.0.1:" + server.getAddress().getPort();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The emulator's settings; every one has a default that matches Graph or is a fixed test value. */
    public static final class Builder {

        private String tenantId = TENANT_ID;
        private String clientId = CLIENT_ID;
        private String clientSecret = CLIENT_SECRET;
        private Clock clock = Clock.systemUTC();
        private Duration tokenLifetime = TOKEN_LIFETIME;
        private int mailboxConcurrency = MAILBOX_CONCURRENCY;
        private boolean https;

        private Builder() {
        }

        public Builder tenant(String tenantId) {
            this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
            return this;
        }

        public Builder app(String clientId, String clientSecret) {
            this.clientId = Objects.requireNonNull(clientId, "clientId");
            this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
            return this;
        }

        /** The clock for token expiry and timestamps; a test that moves it tests expiry without waiting. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder tokenLifetime(Duration lifetime) {
            this.tokenLifetime = Objects.requireNonNull(lifetime, "lifetime");
            return this;
        }

        public Builder mailboxConcurrency(int limit) {
            this.mailboxConcurrency = limit;
            return this;
        }

        /**
         * Serve HTTPS with a certificate made for 127.0.0.1 at start; {@link #sslContext()} trusts it. MSAL refuses an
         * authority that is not https, so a test that signs in with MSAL needs this.
         */
        public Builder https() {
            this.https = true;
            return this;
        }

        public GraphEmulator start() {
            return new GraphEmulator(this);
        }
    }
}
