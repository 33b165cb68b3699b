package org.mms.calendar.caldav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mms.testing.CalendarResources.aMeeting;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mms.calendar.Mailbox;
import org.mms.calendar.PermanentStoreException;
import org.mms.calendar.ResourceRef;
import org.mms.testing.CalDavServer;
import org.mms.testing.CyrusServer;

/**
 * The CalDAV store on a real Cyrus 3.6 (Debian packages), with HTTP Basic authentication and
 * scheduling off: the meetings written here are Alice's, and the account is not Alice, so Cyrus would
 * schedule nothing anyway; scheduling is tested where the organizer is the account, in
 * {@code ServiceOnCyrusTest}.
 *
 * <p>The contract keeps every mailbox as a calendar of one account, and Cyrus holds an account to one
 * meeting with an ORGANIZER per UID across all its calendars (403 {@code unique-scheduling-object-resource},
 * RFC 6638 §3.2.4.1, with scheduling off too), while the contract writes "uid-1" into many mailboxes. So
 * each test's calendars are emptied after it, and the two tests that put one UID into several mailboxes
 * at once are skipped here ({@link #holdsOneUidInSeveralMailboxes()}); the refusal itself is pinned below.
 * On a real Cyrus every organizer is an account of its own.
 */
class CalDavCalendarStoreCyrusTest extends CalDavStoreContract {

    private static CyrusServer server;
    private static RecordingHttpClient recorder;
    private static CalDavCalendarStore store;

    @BeforeAll
    static void start() {
        server = CyrusServer.startWithoutScheduling("mms");
        CalDavSettings settings = settingsFor(server);
        recorder = new RecordingHttpClient(DavHttp.newClient(settings));
        store = new CalDavCalendarStore(settings, locatorFor(server), recorder);
    }

    @AfterAll
    static void stop() {
        if (store != null) {
            store.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /**
     * Empties the calendars the last test made, so that their UIDs are free for the next one. Resource by
     * resource: Cyrus 3.6 answers a DELETE of a whole calendar collection here with 404.
     */
    @AfterEach
    void emptyTheTestsCalendars() throws Exception {
        URI home = server.baseUrl().resolve("/dav/calendars/user/" + server.username().orElseThrow() + "/");
        for (String calendar : hrefs(rawRequest("PROPFIND", home, RESOURCE_TYPES, "1"), "--")) {
            for (String resource : hrefs(rawRequest("PROPFIND", home.resolve(calendar), RESOURCE_TYPES, "1"), ".ics")) {
                rawRequest("DELETE", home.resolve(resource), "", null);
            }
        }
    }

    private static final String RESOURCE_TYPES =
            "<?xml version=\"1.0\"?><D:propfind xmlns:D=\"DAV:\"><D:prop><D:resourcetype/></D:prop></D:propfind>";

    private static List<String> hrefs(String multistatus, String containing) {
        List<String> found = new ArrayList<>();
        Matcher href = Pattern.compile("<D:href>([^<]*)</D:href>").matcher(multistatus);
        while (href.find()) {
            if (href.group(1).contains(containing)) {
                found.add(href.group(1));
            }
        }
        return found;
    }

    @Override
    protected boolean holdsOneUidInSeveralMailboxes() {
        return false;
    }

    @Test
    void cyrus_holds_one_meeting_per_uid_across_the_calendars_of_an_account() {
        Mailbox first = newMailbox();
        Mailbox second = newMailbox();
        written(caldav().create(first, ResourceRef.forUid("uid-1"), aMeeting("uid-1")));

        assertThatThrownBy(() -> caldav().create(second, ResourceRef.forUid("uid-1"), aMeeting("uid-1")))
                .isInstanceOf(PermanentStoreException.class)
                .hasMessageContaining("403")
                .hasMessageContaining("unique-scheduling-object-resource");
        assertThat(caldav().count(second)).isZero();
    }

    @Override
    protected CalDavServer server() {
        return server;
    }

    @Override
    protected CalDavCalendarStore caldav() {
        return store;
    }

    @Override
    protected RecordingHttpClient recorder() {
        return recorder;
    }

    @Override
    protected boolean expandsRecurrencesInTimeRangeQueries() {
        return true;
    }
}
