package org.mms.service;

import java.time.Duration;
import java.util.Optional;
import org.mms.admin.CheckCalendarStore;
import org.mms.calendar.caldav.CheckConnection;
import org.mms.directory.CalendarStoreSettings;

/** {@code Set-CsCalendarStore}'s check: the settings tried on the real server before they are saved. */
final class TryCalendarStore implements CheckCalendarStore {

    /** Long enough for a slow server, short enough for an admin waiting at the prompt. */
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    @Override
    public Optional<String> problem(CalendarStoreSettings settings) {
        if (settings.kind() != CalendarStoreSettings.Kind.CALDAV) {
            return Optional.empty();
        }
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
