package org.mms.calendar.graph;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.IClientCredential;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.mms.calendar.CalendarStoreException;
import org.mms.calendar.TransientStoreException;
import org.mms.secret.ClientCertificate;
import org.mms.secret.Secret;

/**
 * Graph tokens from Entra ID with msal4j's client-credential flow, signed in with a client secret or a
 * certificate. msal4j keeps the token in its in-memory cache and fetches a new one when the cached one
 * has less than five minutes left (or when Entra asked for an earlier refresh), so every token handed
 * out is good for several minutes more. A token Graph refused is not handed out again: the next call
 * skips the cache once.
 *
 * <p>The token last handed out is also held here and handed out again by the same five-minute rule.
 * msal4j's cache misses for an authority written with a port (it files a token under the host alone and
 * looks it up under host and port), which a proxy or a test authority may well be; without this, every
 * call would be a sign-in.
 *
 * <p>The authority is {@code authorityUrl/directoryTenantId}; instance discovery and authority
 * validation are off, because both ask {@code login.microsoftonline.com} about the host first, which a
 * national cloud's or a test authority's sign-in must not depend on (and which would carry nothing but
 * the host name). msal4j takes only https authorities.
 */
public final class MsalAccessTokens implements AccessTokens {

    /** Graph's application permissions, as granted to the app registration. */
    static final Set<String> SCOPE = Set.of("https://graph.microsoft.com/.default");

    private final ConfidentialClientApplication app;
    private final GraphSettings settings;
    /** Renewed when less than this is left, as msal4j does. */
    static final Duration RENEW_BEFORE = Duration.ofMinutes(5);

    /** The last token Graph refused; the cached token is skipped while it is this one. */
    private final AtomicReference<String> refused = new AtomicReference<>();
    /** The token last handed out. */
    private final AtomicReference<IAuthenticationResult> current = new AtomicReference<>();

    MsalAccessTokens(GraphSettings settings, IClientCredential credential, HttpClient http) {
        this.settings = Objects.requireNonNull(settings, "settings");
        URI authority = authority(settings);
        try {
            this.app = ConfidentialClientApplication.builder(settings.clientId(), credential)
                    .authority(authority.toString())
                    .instanceDiscovery(false)
                    .validateAuthority(false)
                    .httpClient(new AuthorityHttp(http, authority, settings.timeout()))
                    .build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            // msal4j's own rule (https, a path) said about the URL, which holds no secret.
            throw new IllegalArgumentException("the authority " + authority + " is not one msal4j accepts: " + e.getMessage());
        }
    }

    /** Signs in with a client secret. */
    public static MsalAccessTokens withSecret(GraphSettings settings, Secret clientSecret) {
        return withSecret(settings, clientSecret, AuthorityHttp.newClient(settings.timeout()));
    }

    static MsalAccessTokens withSecret(GraphSettings settings, Secret clientSecret, HttpClient http) {
        return new MsalAccessTokens(settings, ClientCredentialFactory.createFromSecret(clientSecret.reveal()), http);
    }

    /** Signs in with a certificate: an assertion signed with its key, its chain sent along (x5c). */
    public static MsalAccessTokens withCertificate(GraphSettings settings, ClientCertificate certificate) {
        return withCertificate(settings, certificate, AuthorityHttp.newClient(settings.timeout()));
    }

    static MsalAccessTokens withCertificate(GraphSettings settings, ClientCertificate certificate, HttpClient http) {
        return new MsalAccessTokens(settings, ClientCredentialFactory.createFromCertificateChain(certificate.key(), certificate.chain()),
                http);
    }

    /** {@code authorityUrl/directoryTenantId/}: where the tenant's token endpoint is. */
    static URI authority(GraphSettings settings) {
        String base = settings.authorityUrl().toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + settings.directoryTenantId() + "/");
    }

    @Override
    public String token() {
        IAuthenticationResult held = current.get();
        if (held != null && !held.accessToken().equals(refused.get())
                && held.expiresOnDate().toInstant().isAfter(Instant.now().plus(RENEW_BEFORE))) {
            return held.accessToken();
        }
        IAuthenticationResult result = acquire(false);
        String bad = refused.get();
        if (bad != null && bad.equals(result.accessToken())) {
            // msal4j's cache still holds the token Graph refused: fetch a new one, which replaces it there.
            result = acquire(true);
            refused.compareAndSet(bad, null);
        }
        current.set(result);
        return result.accessToken();
    }

    @Override
    public void refused(String token) {
        refused.set(Objects.requireNonNull(token, "token"));
    }

    private IAuthenticationResult acquire(boolean skipCache) {
        ClientCredentialParameters parameters = ClientCredentialParameters.builder(SCOPE).skipCache(skipCache).build();
        try {
            return app.acquireToken(parameters).get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientStoreException("interrupted while waiting for a token");
        } catch (TimeoutException e) {
            throw new TransientStoreException("the authority " + AuthorityHttp.origin(settings.authorityUrl()) + " did not answer within "
                    + settings.timeout().toSeconds() + " s");
        } catch (ExecutionException e) {
            throw explain(e.getCause());
        } catch (RuntimeException e) {
            throw explain(e);
        }
    }

    private CalendarStoreException explain(Throwable failure) {
        return ExplainSignInFailure.explain(failure, settings);
    }

    /** Never the credential. */
    @Override
    public String toString() {
        return "MsalAccessTokens[" + authority(settings) + ", client " + settings.clientId() + "]";
    }
}
