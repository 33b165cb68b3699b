package org.mms.calendar.caldav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mms.testing.CalendarResources.aMeeting;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mms.calendar.CalendarObject;
import org.mms.calendar.Mailbox;
import org.mms.calendar.PermanentStoreException;
import org.mms.calendar.ResourceRef;
import org.mms.calendar.StoredResource;
import org.mms.ical.ContentLine;
import org.mms.ical.Property;
import org.mms.testing.CalendarContent;
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

    /**
     * Cyrus 3.6 (through libical) refuses with 403 {@code valid-calendar-data} what RFC 5545 allows: an X-
     * property without a value, and a VEVENT with a DTSTART but neither DTEND nor DURATION ("DTEND must
     * occur after DTSTART"). MMS writes only meetings it read from the server, which cannot be such.
     */
    @Override
    protected Optional<String> refusal(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8).replace("\r\n", "\n");
        if (Pattern.compile("(?m)^X-[^:\n]*:$").matcher(text).find()) {
            return Optional.of("an X- property without a value");
        }
        boolean ends = Pattern.compile("(?m)^(DTEND|DURATION)[;:]").matcher(text).find();
        if (text.contains("BEGIN:VEVENT") && !ends) {
            return Optional.of("a VEVENT without DTEND or DURATION");
        }
        return Optional.empty();
    }

    @Test
    void cyrus_refuses_an_x_property_without_a_value_and_an_event_without_an_end() {
        Mailbox mailbox = newMailbox();
        byte[] emptyX = utf8(text(aMeeting("empty-x")).replace("END:VEVENT", "X-CONTOSO-EMPTY:\r\nEND:VEVENT"));
        byte[] noEnd = utf8(text(aMeeting("no-end")).replaceAll("DTEND[^\r]*\r\n", ""));

        for (byte[] refused : List.of(emptyX, noEnd)) {
            assertThat(refusal(refused)).isPresent();
            assertThatThrownBy(() -> caldav().create(mailbox, ResourceRef.forUid(CalendarObject.uidOf(refused)), refused))
                    .isInstanceOf(PermanentStoreException.class)
                    .hasMessageContaining("403 Forbidden: the server refused this meeting")
                    .hasMessageContaining("valid-calendar-data");
        }
        assertThat(caldav().count(mailbox)).isZero();
    }

    /**
     * Cyrus 3.6 stores recurrence rules and dates as libical writes them: {@code INTERVAL=1} and
     * {@code WKST=MO} (the defaults) dropped, an EXDATE of several dates split into one line per date.
     * Compared as what they mean: the rule's parts without the defaults, sorted; an EXDATE as one line
     * per date (lines that sort next to each other, so the split and the unsplit forms read the same).
     */
    @Override
    protected String compared(ContentLine line) {
        Property property = line.property();
        if (property.name().equals("RRULE")) {
            List<String> parts = new ArrayList<>(List.of(property.value().split(";")));
            parts.removeIf(part -> part.equals("INTERVAL=1") || part.equals("WKST=MO"));
            parts.sort(null);
            return CalendarContent.line(new Property(property.name(), property.parameters(), String.join(";", parts),
                    property.valueOffset()));
        }
        if (property.name().equals("EXDATE") && property.value().contains(",")) {
            List<String> dates = new ArrayList<>(List.of(property.value().split(",")));
            dates.sort(null);
            return String.join("\n", dates.stream().map(date -> CalendarContent.line(
                    new Property(property.name(), property.parameters(), date, property.valueOffset()))).toList());
        }
        return CalendarContent.line(line);
    }

    @Test
    void cyrus_drops_default_rule_parts_and_splits_exdates_and_keeps_what_it_made() {
        Mailbox mailbox = newMailbox();
        ResourceRef ref = ResourceRef.forUid("weekly");
        caldav().create(mailbox, ref, utf8(text(aMeeting("weekly")).replace("END:VEVENT",
                "RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=MO;WKST=MO\r\nEXDATE:20270111T100000Z,20270118T100000Z\r\nEND:VEVENT")));

        StoredResource first = caldav().get(mailbox, ref).orElseThrow();
        written(caldav().put(mailbox, ref, first.data(), Optional.of(first.etag())));

        assertThat(rawValue(first.data(), "RRULE")).isEqualTo("FREQ=WEEKLY;BYDAY=MO");
        assertThat(text(first.data())).contains("EXDATE:20270111T100000Z\r\nEXDATE:20270118T100000Z\r\n");
        assertThat(caldav().get(mailbox, ref).orElseThrow().data()).isEqualTo(first.data());
    }
}
