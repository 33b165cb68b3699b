package org.mms.calendar.graph;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How to reach one organization's Exchange Online calendars through Microsoft Graph.
 *
 * @param directoryTenantId the organization's Entra ID tenant (a GUID)
 * @param clientId          the app registration's application (client) id (a GUID)
 * @param graphUrl          Graph's versioned root, {@code https://graph.microsoft.com/v1.0} unless a national cloud, a
 *                          proxy or a test server is meant
 * @param authorityUrl      where tokens come from, {@code https://login.microsoftonline.com} unless a national cloud or a
 *                          test server is meant; the tenant id is appended
 * @param mailboxInFlight   requests in flight per mailbox at most (Graph allows 4 for Outlook resources)
 * @param processInFlight   requests in flight for the whole process at most
 * @param timeout           for connecting and for each request as a whole
 */
public record GraphSettings(String directoryTenantId, String clientId, URI graphUrl, URI authorityUrl, int mailboxInFlight,
        int processInFlight, Duration timeout) {

    public static final URI GRAPH = URI.create("https://graph.microsoft.com/v1.0");
    public static final URI AUTHORITY = URI.create("https://login.microsoftonline.com");
    /** Graph's documented limit of concurrent requests to one mailbox for Outlook resources. */
    public static final int MAILBOX_IN_FLIGHT = 4;
    public static final int PROCESS_IN_FLIGHT = 64;
    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

    public GraphSettings {
        if (directoryTenantId == null || !GUID.matcher(directoryTenantId).matches()) {
            throw new IllegalArgumentException("the directory tenant id is a GUID such as 5c1e3a9d-2b7f-4e61-9d0a-3f4b8c6e2a17");
        }
        if (clientId == null || !GUID.matcher(clientId).matches()) {
            throw new IllegalArgumentException("the client id is the app registration's application id, a GUID");
        }
        Objects.requireNonNull(graphUrl, "graphUrl");
        Objects.requireNonNull(authorityUrl, "authorityUrl");
        Objects.requireNonNull(timeout, "timeout");
        if (mailboxInFlight < 1 || processInFlight < 1) {
            throw new IllegalArgumentException("at least one request in flight per mailbox and for the process");
        }
    }

    /** Graph and the authority of the public cloud, with Graph's limits. */
    public static GraphSettings of(String directoryTenantId, String clientId) {
        return new GraphSettings(directoryTenantId, clientId, GRAPH, AUTHORITY, MAILBOX_IN_FLIGHT, PROCESS_IN_FLIGHT, TIMEOUT);
    }
}
