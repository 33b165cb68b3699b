package org.mms.admin;

import java.util.Optional;
import org.mms.directory.CalendarStoreSettings;

/**
 * Tries calendar store settings before {@code Set-CsCalendarStore} saves them: what failed
 * (unreachable, login refused, not a calendar server), or nothing when they work. The service's
 * implementation asks the real server; the embedded store needs no check. A store reached per mailbox
 * (Exchange Online) is tried on {@code mailbox}, the UPN of one user of the tenant, when there is one.
 */
@FunctionalInterface
public interface CheckCalendarStore {

    /** Accepts every setting: for tests of the admin logic without a calendar server. */
    CheckCalendarStore NONE = (settings, mailbox) -> Optional.empty();

    /** Why the settings do not work, in one line without the password; empty when they do. */
    Optional<String> problem(CalendarStoreSettings settings, Optional<String> mailbox);
}
