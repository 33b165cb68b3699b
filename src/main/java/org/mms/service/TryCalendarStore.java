package org.mms.service;

import java.time.Duration;
import java.util.Optional;
import org.mms.admin.CheckCalendarStore;
import org.mms.calendar.caldav.CheckConnection;
import org.mms.calendar.graph.CheckGraphAccess;
import org.mms.calendar.graph.GraphSettings;
import org.mms.directory.CalendarStoreSettings;
import org.mms.directory.GraphStoreSettings;

/** {@code Set-CsCalendarStore}'s check: the settings tried on the real server before they are saved. */
final class TryCalendarStore implements CheckCalendarStore {

    /** Long enough for a slow server, short enough for an admin waiting at the prompt. */
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    @Override
    public Optional<String> problem(CalendarStoreSettings settings, Optional<String> mailbox) {
        return switch (settings.kind()) {
            case EMBEDDED -> Optional.empty();
            case CALDAV -> caldav(settings);
            case GRAPH -> graph(settings.graph().orElseThrow(), mailbox);
        };
    }

    /** A token, then one mailbox's calendar. */
    private static Optional<String> graph(GraphStoreSettings g, Optional<String> mailbox) {
        try {
            GraphSettings graph = ChooseCalendarStore.graph(g, TIMEOUT);
            return switch (CheckGraphAccess.check(graph, ChooseCalendarStore.tokens(g, graph), mailbox)) {
                case CheckGraphAccess.Works works -> Optional.empty();
                case CheckGraphAccess.Outcome failed -> Optional.of(failed.describe());
            };
        } catch (IllegalArgumentException e) {
            // The certificate's or the authority's own rules: said as they are, they hold no secret.
            return Optional.of(e.getMessage());
        }
    }

    private static Optional<String> caldav(CalendarStoreSettings settings) {
        try {
            return switch (CheckConnection.check(ChooseCalendarStore.caldav(settings, TIMEOUT))) {
                case CheckConnection.Works works -> Optional.empty();
                case CheckConnection.Outcome failed -> Optional.of(failed.describe());
            };
        } catch (IllegalArgumentException e) {
            // The adapter's own rules (a user name with ':'): said as they are, they hold no password.
            return Optional.of(e.getMessage());
        }
    }
}
