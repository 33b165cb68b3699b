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
import org.mms.directory.CalendarStoreSettings;
import org.mms.directory.Directory;
import org.mms.directory.User;
import org.mms.secret.Secret;

/**
 * The store that holds a mailbox's calendar, as its tenant's settings say ({@code Set-CsCalendarStore}):
 * the embedded one, or a CalDAV server. The settings are read on every call, so a change applies to the
 * next migration without a restart; one CalDAV client (and its connections) is kept per distinct
 * settings and closed with the service.
 */
final class ChooseCalendarStore implements Function<Mailbox, CalendarStore>, AutoCloseable {

    private static final Duration CALDAV_TIMEOUT = Duration.ofSeconds(30);

    private final Directory directory;
    private final CalendarStore embedded;
    private final Map<CalendarStoreSettings, CalDavCalendarStore> servers = new ConcurrentHashMap<>();

    ChooseCalendarStore(Directory directory, CalendarStore embedded) {
        this.directory = directory;
        this.embedded = embedded;
    }

    @Override
    public CalendarStore apply(Mailbox mailbox) {
        CalendarStoreSettings settings = directory.calendarStore(mailbox.tenant());
        return switch (settings.kind()) {
            case EMBEDDED -> embedded;
            case CALDAV -> servers.computeIfAbsent(settings, this::connect);
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
    }
}
