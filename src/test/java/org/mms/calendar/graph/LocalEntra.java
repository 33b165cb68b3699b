package org.mms.calendar.graph;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.mms.testing.KeytoolCertificates;

/**
 * An HTTPS stand-in for Entra ID's token endpoint ({@code /{tenant}/oauth2/v2.0/token}, client
 * credentials with a secret or a signed certificate assertion) and for Graph's {@code calendarView},
 * on this machine. msal4j takes only https authorities, so this one speaks TLS with a certificate made
 * for the run, and the tests' HTTP client trusts exactly that certificate. Its refusals have Entra's
 * documented shape ({@code error}, {@code error_description} starting with the AADSTS code, {@code error_codes}).
 */
final class LocalEntra implements AutoCloseable {

    static final String TENANT = "5c1e3a9d-2b7f-4e61-9d0a-3f4b8c6e2a17";
    static final String CLIENT = "0b6f2c4e-8a1d-4f3b-9c7e-2d5a6b8c9e01";
    static final String SECRET = "Zq8~planted.client.secret-7Hk2Lm";
    private static final String PASSWORD = "server-only";

    private final byte[] serverPfx = KeytoolCertificates.pfx("localhost", PASSWORD, "SAN=dns:localhost,ip:127.0.0.1");
    private final HttpsServer server;
    private final AtomicInteger issued = new AtomicInteger();
    private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
    private final List<String> tokenRequests = new CopyOnWriteArrayList<>();
    private final Set<String> mailboxes = ConcurrentHashMap.newKeySet();
    private final Set<String> outOfScope = ConcurrentHashMap.newKeySet();
    private volatile int expiresIn = 3599;
    private volatile Optional<PublicKey> certificateKey = Optional.empty();

    LocalEntra() throws IOException {
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(KeytoolCertificates.server(serverPfx, PASSWORD)));
        server.createContext("/", this::handle);
        server.start();
    }

    URI authorityUrl() {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort());
    }

    URI graphUrl() {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/v1.0");
    }

    /** An HTTP client that trusts this server's certificate and no other. */
    HttpClient client() {
        return HttpClient.newBuilder().sslContext(KeytoolCertificates.trusting(serverPfx, PASSWORD))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    GraphSettings settings() {
        return new GraphSettings(TENANT, CLIENT, graphUrl(), authorityUrl(), 4, 64, java.time.Duration.ofSeconds(10));
    }

    /** The app also signs in with an assertion signed by the key of this certificate's public key. */
    void acceptCertificate(PublicKey key) {
        certificateKey = Optional.of(key);
    }

    /** Tokens issued from now on expire after this many seconds. */
    void expiresIn(int seconds) {
        expiresIn = seconds;
    }

    void addMailbox(String upn, boolean inScope) {
        mailboxes.add(upn);
        if (!inScope) {
            outOfScope.add(upn);
        }
    }

    int tokensIssued() {
        return issued.get();
    }

    /** Every token request's form body, as sent. */
    List<String> tokenRequests() {
        return List.copyOf(tokenRequests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.endsWith("/oauth2/v2.0/token") && exchange.getRequestMethod().equals("POST")) {
                token(exchange, path.substring(1, path.indexOf('/', 1)));
            } else if (path.startsWith("/v1.0/users/") && path.endsWith("/calendarView")) {
                calendarView(exchange, path.substring("/v1.0/users/".length(), path.length() - "/calendarView".length()));
            } else {
                send(exchange, 404, "{\"error\":{\"code\":\"ResourceNotFound\"}}");
            }
        }
    }

    private void token(HttpExchange exchange, String tenant) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        tokenRequests.add(body);
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        if (!tenant.equals(TENANT)) {
            refuse(exchange, 400, "invalid_request", 90002, "Tenant '" + tenant + "' not found. Check to make sure you have the correct tenant ID "
                    + "and are signing into the correct cloud.");
            return;
        }
        if (!CLIENT.equals(form.get("client_id"))) {
            refuse(exchange, 400, "unauthorized_client", 700016, "Application with identifier '" + form.get("client_id")
                    + "' was not found in the directory '" + TENANT + "'. This can happen if the application has not been installed.");
            return;
        }
        boolean signedIn = form.containsKey("client_secret") ? SECRET.equals(form.get("client_secret"))
                : form.containsKey("client_assertion") && verify(form.get("client_assertion"));
        if (!signedIn) {
            if (form.containsKey("client_secret")) {
                refuse(exchange, 401, "invalid_client", 7000215, "Invalid client secret provided. Ensure the secret being sent in the "
                        + "request is the client secret value, not the client secret ID, for a secret added to app '" + CLIENT + "'.");
            } else {
                refuse(exchange, 401, "invalid_client", 700027, "Client assertion failed signature validation.");
            }
            return;
        }
        String token = "local-token-" + issued.incrementAndGet();
        validTokens.add(token);
        send(exchange, 200, "{\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + ",\"ext_expires_in\":" + expiresIn
                + ",\"access_token\":\"" + token + "\"}");
    }

    /** The assertion's signature checked with the certificate's public key (RS256 or PS256, as the header says). */
    private boolean verify(String jwt) {
        if (certificateKey.isEmpty()) {
            return false;
        }
        String[] parts = jwt.split("\\.");
        String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        try {
            Signature signature;
            if (header.contains("\"PS256\"")) {
                signature = Signature.getInstance("RSASSA-PSS");
                signature.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
            } else {
                signature = Signature.getInstance("SHA256withRSA");
            }
            signature.initVerify(certificateKey.orElseThrow());
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return signature.verify(Base64.getUrlDecoder().decode(parts[2]));
        } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private void calendarView(HttpExchange exchange, String upn) throws IOException {
        String auth = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")).orElse("");
        String mailbox = URLDecoder.decode(upn, StandardCharsets.UTF_8);
        if (!auth.startsWith("Bearer ") || !validTokens.contains(auth.substring(7))) {
            send(exchange, 401, "{\"error\":{\"code\":\"InvalidAuthenticationToken\",\"message\":\"Access token is empty.\"}}");
        } else if (!mailboxes.contains(mailbox)) {
            send(exchange, 404, "{\"error\":{\"code\":\"ErrorInvalidUser\",\"message\":\"The requested user '" + mailbox + "' is invalid.\"}}");
        } else if (outOfScope.contains(mailbox)) {
            send(exchange, 403, "{\"error\":{\"code\":\"ErrorAccessDenied\",\"message\":\"Access is denied. Check credentials and try again.\"}}");
        } else {
            send(exchange, 200, "{\"value\":[]}");
        }
    }

    private static void refuse(HttpExchange exchange, int status, String error, int code, String description) throws IOException {
        send(exchange, status, "{\"error\":\"" + error + "\",\"error_description\":\"AADSTS" + code + ": " + description
                + "\\r\\nTrace ID: 0000aaaa-11bb-cccc-dd22-eeeeee333333\\r\\nCorrelation ID: aaaa0000-bb11-2222-33cc-444444dddddd\","
                + "\"error_codes\":[" + code + "],\"trace_id\":\"0000aaaa-11bb-cccc-dd22-eeeeee333333\"}");
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
