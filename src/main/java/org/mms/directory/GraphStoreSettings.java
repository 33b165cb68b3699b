package org.mms.directory;

import java.net.URI;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.mms.secret.Secret;

/**
 * A tenant's calendars on Exchange Online, reached through Microsoft Graph as an Entra ID application
 * ({@code Set-CsCalendarStore -Kind Graph}). The credential goes to the authority only, and the token it
 * buys to Graph only.
 *
 * @param directoryTenantId the organization's Entra ID tenant, a GUID
 * @param clientId          the app registration's application (client) id, a GUID
 * @param credential        how the application proves who it is: a client secret or a certificate
 * @param graphUrl          Graph's versioned root ({@link #GRAPH} unless a national cloud or a test server is meant)
 * @param authorityUrl      Entra's sign-in host ({@link #AUTHORITY} unless a national cloud or a test server is meant);
 *                          the tenant id is appended to it
 * @param maxRequestsPerMailbox requests in flight to one mailbox at most, 1 to {@link #MOST_PER_MAILBOX}
 * @param maxRequestsInFlight   requests in flight to Graph from one process at most, 1 to {@link #MOST_IN_FLIGHT}
 */
public record GraphStoreSettings(String directoryTenantId, String clientId, Credential credential, URI graphUrl, URI authorityUrl,
        int maxRequestsPerMailbox, int maxRequestsInFlight) {

    public static final URI GRAPH = URI.create("https://graph.microsoft.com/v1.0");
    public static final URI AUTHORITY = URI.create("https://login.microsoftonline.com");
    /** Graph's documented limit for Outlook resources: a fifth request in flight to one mailbox is answered 429. */
    public static final int MOST_PER_MAILBOX = 4;
    /** For the whole process: 16 mailboxes at Graph's limit each. */
    public static final int DEFAULT_IN_FLIGHT = 64;
    /** More would be threads and connections to no purpose: the app's own limits per tenant bind long before. */
    public static final int MOST_IN_FLIGHT = 1000;

    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

    /** What the application signs in with. Neither shows itself in {@link #toString()}. */
    public sealed interface Credential {
    }

    /** A client secret from the app registration's "Certificates &amp; secrets". */
    public record ClientSecret(Secret secret) implements Credential {
        public ClientSecret {
            Objects.requireNonNull(secret, "secret");
        }
    }

    /**
     * A certificate with its private key, as the file an admin gave (PEM, or PFX with {@code password}); the
     * bytes are kept whole, as base64, so that they are sealed like any other secret.
     */
    public record Certificate(Secret base64, Optional<Secret> password) implements Credential {
        public Certificate {
            Objects.requireNonNull(base64, "base64");
            Objects.requireNonNull(password, "password");
        }

        public static Certificate of(byte[] file, Optional<Secret> password) {
            return new Certificate(new Secret(Base64.getEncoder().encodeToString(file)), password);
        }

        /** The file as it was given. */
        public byte[] bytes() {
            return Base64.getDecoder().decode(base64.reveal());
        }
    }

    /** With Graph's limits: {@link #MOST_PER_MAILBOX} per mailbox, {@link #DEFAULT_IN_FLIGHT} for the process. */
    public GraphStoreSettings(String directoryTenantId, String clientId, Credential credential, URI graphUrl, URI authorityUrl) {
        this(directoryTenantId, clientId, credential, graphUrl, authorityUrl, MOST_PER_MAILBOX, DEFAULT_IN_FLIGHT);
    }

    public GraphStoreSettings {
        if (directoryTenantId == null || !GUID.matcher(directoryTenantId).matches()) {
            throw new IllegalArgumentException("DirectoryTenantId must be the organization's Entra ID tenant id, a GUID such as "
                    + "5c1e3a9d-2b7f-4e61-9d0a-3f4b8c6e2a17");
        }
        if (clientId == null || !GUID.matcher(clientId).matches()) {
            throw new IllegalArgumentException("ClientId must be the app registration's application (client) id, a GUID");
        }
        Objects.requireNonNull(credential, "credential");
        checkUrl("GraphUrl", graphUrl);
        checkUrl("AuthorityUrl", authorityUrl);
        if (!"https".equalsIgnoreCase(authorityUrl.getScheme())) {
            // msal4j refuses any other authority, and a client secret must not cross a network in clear anyway.
            throw new IllegalArgumentException("AuthorityUrl must be https, even on this machine: the sign-in library takes no other");
        }
        if (maxRequestsPerMailbox < 1 || maxRequestsPerMailbox > MOST_PER_MAILBOX) {
            throw new IllegalArgumentException("MaxRequestsPerMailbox must be 1 to " + MOST_PER_MAILBOX + ", not " + maxRequestsPerMailbox
                    + ": Exchange Online answers 429 to more than " + MOST_PER_MAILBOX + " requests in flight to one mailbox");
        }
        if (maxRequestsInFlight < 1 || maxRequestsInFlight > MOST_IN_FLIGHT) {
            throw new IllegalArgumentException("MaxRequestsInFlight must be 1 to " + MOST_IN_FLIGHT + ", not " + maxRequestsInFlight);
        }
        directoryTenantId = directoryTenantId.toLowerCase(Locale.ROOT);
        clientId = clientId.toLowerCase(Locale.ROOT);
    }

    /**
     * https, or plain http to this machine only (a test server): the token is a bearer credential, and
     * Graph itself speaks nothing but https.
     */
    private static void checkUrl(String name, URI url) {
        Objects.requireNonNull(url, name);
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException(name + " must not hold a user name or password");
        }
        if (url.getScheme() == null || !url.getScheme().matches("(?i)https?") || url.getHost() == null) {
            throw new IllegalArgumentException(name + " must be an https URL with a host, not " + url);
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException(name + " must have no query or fragment, not " + url);
        }
        if ("http".equalsIgnoreCase(url.getScheme()) && !CalendarStoreSettings.isLoopback(url.getHost())) {
            throw new IllegalArgumentException(name + " is plain http to " + url.getHost() + ": the token would cross the network in "
                    + "clear; use https (plain http is only for a test server on this machine)");
        }
    }

    /** Never the secret, the certificate or its password: only which kind of credential is set. */
    @Override
    public String toString() {
        return "GraphStoreSettings[tenant " + directoryTenantId + ", client " + clientId + switch (credential) {
            case ClientSecret s -> ", client secret set";
            case Certificate c -> ", certificate set" + (c.password().isPresent() ? " with password" : "");
        } + ", graph " + graphUrl + ", authority " + authorityUrl + ", in flight " + maxRequestsPerMailbox + " per mailbox, "
                + maxRequestsInFlight + " in all]";
    }
}
