package org.mms.calendar.graph;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import org.mms.calendar.CalendarStoreException;
import org.mms.calendar.PermanentStoreException;
import org.mms.calendar.TransientStoreException;
import org.mms.migration.OneLine;

/**
 * The one place that decides what a failed Graph request means for the migration. Transient: no answer, timeouts,
 * 5xx, throttling that outlasted the retries. Permanent, with what an admin must check: a token Graph keeps
 * refusing, an app not allowed on the mailbox, a mailbox Graph does not know, a request Graph rejects. Messages
 * name the request and Graph's error code and message, never a token.
 */
final class ClassifyGraphFailure {

    private ClassifyGraphFailure() {
    }

    static CalendarStoreException of(GraphResponse response, String mailbox) {
        String code = response.errorCode().orElse("");
        String said = response.errorCode().map(c -> " " + c + response.errorMessage().map(m -> ": " + OneLine.of(m, 300)).orElse(""))
                .orElse("");
        String head = response.what() + ": HTTP " + response.status() + said;
        int status = response.status();
        if (status == 401) {
            return new PermanentStoreException(head + ". Graph refused the app's token twice: check the app registration's "
                    + "application permission Calendars.ReadWrite and the admin consent");
        }
        if (status == 403) {
            String why = code.equalsIgnoreCase("ErrorAccessDenied")
                    ? ". The app is not allowed on the mailbox " + mailbox + ": check the application access policy / RBAC for "
                            + "Applications scope that limits the app to the organizers' mailboxes"
                    : ". The app may not do this on the mailbox " + mailbox + ": check its permissions";
            return new PermanentStoreException(head + why);
        }
        if (status == 404) {
            return new PermanentStoreException(head + ". Graph knows no mailbox " + mailbox
                    + ": check the user's UPN, and that the mailbox is in Exchange Online and licensed");
        }
        if (status == 408 || status == 429 || status >= 500) {
            return new TransientStoreException(head);
        }
        return new PermanentStoreException(head);
    }

    static TransientStoreException throttled(String what, int tries) {
        return new TransientStoreException(what + ": Graph kept answering 429 or 503 (" + tries + " tries); the migration is tried again later");
    }

    static CalendarStoreException ofException(String what, IOException e) {
        if (e instanceof HttpTimeoutException) {
            return new TransientStoreException(what + ": timed out", e);
        }
        String message = e.getMessage();
        return new TransientStoreException(what + ": " + e.getClass().getSimpleName() + (message == null ? "" : ": " + OneLine.of(message, 300)), e);
    }

    static TransientStoreException interrupted(String what, InterruptedException e) {
        return new TransientStoreException(what + ": interrupted while waiting", e);
    }

    static TransientStoreException unreadable(String what, String detail) {
        return new TransientStoreException(what + ": " + detail);
    }
}
