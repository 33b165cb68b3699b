package org.mms.calendar.caldav;

import java.net.URI;
import java.util.Objects;
import org.mms.calendar.Mailbox;

/**
 * Which calendar collection on the server holds a mailbox's meetings. The service knows (an admin
 * configures a path template, or a URL per user found with {@link CalDavDiscovery}); the store only
 * asks. A resource's URL is the collection's URL followed by its {@link org.mms.calendar.ResourceRef}.
 */
@FunctionalInterface
public interface MailboxLocator {

    /** The calendar collection's absolute URL; a missing final '/' is added by the store. */
    URI calendarOf(Mailbox mailbox);

    /**
     * Collections named by a path template under {@code baseUrl}: {@code {tenant}} and {@code {user}}
     * are replaced by the mailbox's tenant and user ids, each percent-encoded as one path segment (so
     * an id holding '/' cannot reach another user's collection). Example: {@code /{user}/calendar/}.
     *
     * @throws IllegalArgumentException if the template does not name the user: every mailbox would
     *                                  share one calendar
     */
    static MailboxLocator template(URI baseUrl, String pathTemplate) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(pathTemplate, "pathTemplate");
        if (!pathTemplate.contains("{user}")) {
            throw new IllegalArgumentException("a calendar path template must contain {user}: " + pathTemplate);
        }
        URI root = DavUris.asCollection(baseUrl);
        String relative = pathTemplate.startsWith("/") ? pathTemplate.substring(1) : pathTemplate;
        // Checked once with sample ids, so that a bad template fails at configuration, not per user.
        root.resolve(relative.replace("{tenant}", "t").replace("{user}", "u"));
        return mailbox -> DavUris.asCollection(root.resolve(relative
                .replace("{tenant}", DavUris.encodeSegment(mailbox.tenant().value()))
                .replace("{user}", DavUris.encodeSegment(mailbox.user().value()))));
    }
}
