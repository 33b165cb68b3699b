package org.mms.admin;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mms.directory.CalendarStoreSettings;

/**
 * The calendar URLs a directory import names, checked before anything is saved: a CalDAV store's
 * credentials go to its own origin only (issue 13, defect 4), so a user's calendar on another scheme,
 * host or port is refused, every such user named with the reason; and no URL may carry a user name or
 * password of its own (refused without repeating it).
 */
final class CalendarUrls {

    private CalendarUrls() {
    }

    static void checkOrigins(CalendarStoreSettings store, List<ReadDirectoryImport.UserPart> users) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            ReadDirectoryImport.UserPart user = users.get(i);
            Optional<URI> url = user.calendarUrl();
            String where = "users[" + i + "] (" + user.upn() + "): calendarUrl ";
            if (url.isEmpty()) {
                continue;
            }
            if (url.get().getRawUserInfo() != null) {
                problems.add(where + "must not hold a user name or password (user:password@)");
            } else if (store.kind() == CalendarStoreSettings.Kind.CALDAV && !store.sameOrigin(url.get())) {
                problems.add(where + "is on " + CalendarStoreSettings.origin(url.get()) + ", not on the calendar store's own "
                        + CalendarStoreSettings.origin(store.baseUrl().orElseThrow())
                        + " (MMS sends the store's credentials to no other server)");
            }
        }
        if (!problems.isEmpty()) {
            throw new AdminException.BadRequest("the directory import was refused, nothing was saved: " + String.join("; ", problems));
        }
    }
}
