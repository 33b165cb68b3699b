package org.mms.service;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.mms.calendar.CalendarStore;
import org.mms.calendar.Mailbox;
import org.mms.calendar.PermanentStoreException;
import org.mms.calendar.caldav.CalDavCalendarStore;
import org.mms.calendar.caldav.CalDavSettings;
import org.mms.calendar.caldav.MailboxLocator;
import org.mms.calendar.graph.AccessTokens;
import org.mms.calendar.graph.GraphSettings;
import org.mms.calendar.graph.MailboxAddresses;
import org.mms.calendar.graph.MsalAccessTokens;
import org.mms.directory.CalendarStoreSettings;
import org.mms.directory.Directory;
import org.mms.directory.GraphStoreSettings;
import org.mms.directory.User;
import org.mms.secret.ClientCertificate;
import org.mms.secret.Secret;

/**
 * The store that holds a mailbox's calendar, as its tenant's settings say ({@code Set-CsCalendarStore}):
 * the embedded one, a CalDAV server, or Exchange Online. The settings are read on every call, so a change
 * applies to the next migration without a restart; one CalDAV client (and its connections), or one Graph
 * store with its token cache, is kept per distinct settings and closed with the service.
 */
final class ChooseCalendarStore implements Function<Mailbox, CalendarStore>, AutoCloseable {

    private static final Duration CALDAV_TIMEOUT = Duration.ofSeconds(30);

    /** How a Graph store is made from its settings, its tokens and the directory's UPNs. */
    @FunctionalInterface
    interface OpenGraphStore {
        CalendarStore open(GraphSettings settings, AccessTokens tokens, MailboxAddresses addresses);
    }

    /** What is done to each store before it is used: timing it for the metrics, or nothing. */
    @FunctionalInterface
    interface Decorate {
        CalendarStore apply(CalendarStoreSettings.Kind kind, CalendarStore store);

        Decorate NOTHING = (kind, store) -> store;
    }

    private final Directory directory;
    private final CalendarStore embedded;
    private final OpenGraphStore openGraph;
    private final Decorate decorate;
    /** Each remote store as decorated, beside the one to close. */
    private final Map<CalendarStore, CalendarStore> decorated = new ConcurrentHashMap<>();
    private final Map<CalendarStoreSettings, CalDavCalendarStore> servers = new ConcurrentHashMap<>();
    private final Map<CalendarStoreSettings, CalendarStore> graphs = new ConcurrentHashMap<>();

    ChooseCalendarStore(Directory directory, CalendarStore embedded, OpenGraphStore openGraph) {
        this(directory, embedded, openGraph, Decorate.NOTHING);
    }

    ChooseCalendarStore(Directory directory, CalendarStore embedded, OpenGraphStore openGraph, Decorate decorate) {
        this.directory = directory;
        this.embedded = decorate.apply(CalendarStoreSettings.Kind.EMBEDDED, embedded);
        this.openGraph = openGraph;
        this.decorate = decorate;
    }

    @Override
    public CalendarStore apply(Mailbox mailbox) {
        CalendarStoreSettings settings = directory.calendarStore(mailbox.tenant());
        return switch (settings.kind()) {
            case EMBEDDED -> embedded;
            case CALDAV -> decorated(settings.kind(), servers.computeIfAbsent(settings, this::connect));
            case GRAPH -> decorated(settings.kind(), graphs.computeIfAbsent(settings, this::connectGraph));
        };
    }

    private CalendarStore decorated(CalendarStoreSettings.Kind kind, CalendarStore store) {
        return decorated.computeIfAbsent(store, s -> decorate.apply(kind, s));
    }

    private CalendarStore connectGraph(CalendarStoreSettings settings) {
        GraphStoreSettings g = settings.graph().orElseThrow();
        GraphSettings graph = graph(g, GraphSettings.TIMEOUT);
        // Mailboxes are addressed by UPN, read from the directory at each call: a renamed user is found under the new name.
        return openGraph.open(graph, tokens(g, graph), mailbox -> userOf(mailbox).upn());
    }

    /** How the Graph adapter reaches the Exchange Online of these settings, within the in-flight limits they set. */
    static GraphSettings graph(GraphStoreSettings g, Duration timeout) {
        return new GraphSettings(g.directoryTenantId(), g.clientId(), g.graphUrl(), g.authorityUrl(), g.maxRequestsPerMailbox(),
                g.maxRequestsInFlight(), timeout);
    }

    /** Tokens signed for with the settings' client secret or certificate. */
    static AccessTokens tokens(GraphStoreSettings g, GraphSettings graph) {
        return switch (g.credential()) {
            case GraphStoreSettings.ClientSecret secret -> MsalAccessTokens.withSecret(graph, secret.secret());
            case GraphStoreSettings.Certificate certificate ->
                    MsalAccessTokens.withCertificate(graph, ClientCertificate.read(certificate.bytes(), certificate.password()));
        };
    }

    private CalDavCalendarStore connect(CalendarStoreSettings settings) {
        settings.insecureHttp().ifPresent(why -> {
            throw new PermanentStoreException(why + " (Set-CsCalendarStore)");
        });
        return new CalDavCalendarStore(caldav(settings, CALDAV_TIMEOUT), locateCalendars(settings));
    }

    /** How the CalDAV adapter reaches the store of these settings. */
    static CalDavSettings caldav(CalendarStoreSettings settings, Duration timeout) {
        return new CalDavSettings(settings.baseUrl().orElseThrow(), settings.username(), settings.password().map(Secret::reveal),
                CalDavSettings.Scheduling.valueOf(settings.scheduling().name()), timeout);
    }

    /**
     * A user's own calendar URL (directory import or discovery) wins over the tenant's path template;
     * either way it must be on the store's own origin, where the credentials go (issue 13, defect 4).
     */
    private MailboxLocator locateCalendars(CalendarStoreSettings settings) {
        return mailbox -> {
            URI url = directory.calendarUrl(mailbox.tenant(), mailbox.user()).orElseGet(() -> settings.calendarOf(userOf(mailbox)));
            if (!settings.sameOrigin(url)) {
                throw new PermanentStoreException("the calendar of user " + mailbox.user().value() + " is on " + CalendarStoreSettings.origin(url)
                        + ", not on the calendar store's own " + CalendarStoreSettings.origin(settings.baseUrl().orElseThrow())
                        + "; MMS sends the store's credentials to no other server (import the user's calendarUrl on the store's server)");
            }
            return url;
        };
    }

    private User userOf(Mailbox mailbox) {
        return directory.user(mailbox.tenant(), mailbox.user())
                .orElseThrow(() -> new PermanentStoreException("no user " + mailbox.user().value() + " in the directory"))
                .value();
    }

    @Override
    public void close() {
        servers.values().forEach(CalDavCalendarStore::close);
        servers.clear();
        for (CalendarStore graph : graphs.values()) {
            if (graph instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // Closing frees connections only; nothing is lost when one fails.
                }
            }
        }
        graphs.clear();
        decorated.clear();
    }
}
