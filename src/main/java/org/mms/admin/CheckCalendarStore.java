package org.mms.admin;

import java.util.Optional;
import org.mms.directory.CalendarStoreSettings;

/**
 * Tries calendar store settings before {@code Set-CsCalendarStore} saves them: what failed
 * (unreachable, login refused, not a calendar server), or nothing when they work. The service's
 * implementation asks the real server; the embedded store needs no check.
 */
@FunctionalInterface
public interface CheckCalendarStore {

    /** Accepts every setting: for tests of the admin logic without a calendar server. */
    CheckCalendarStore NONE = settings -> Optional.empty();

    /** Why the settings do not work, in one line without the password; empty when they do. */
    Optional<String> problem(CalendarStoreSettings settings);
}
