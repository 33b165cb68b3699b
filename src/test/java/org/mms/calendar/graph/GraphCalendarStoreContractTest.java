package org.mms.calendar.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mms.testing.CalendarResources.aMeeting;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.mms.calendar.CalendarObject;
import org.mms.calendar.CalendarStore;
import org.mms.calendar.CalendarStoreContract;
import org.mms.calendar.Mailbox;
import org.mms.calendar.graph.emulator.GraphEmulator;
import org.mms.directory.TenantId;
import org.mms.directory.UserId;
import org.mms.ical.Folding;
import org.mms.ical.TextEscaping;

/**
 * The store contract on the Graph emulator, each mailbox a mailbox of its own. Where Exchange differs from a store
 * that keeps calendar files, this says so:
 * <ul>
 *   <li>bytes are never kept: a meeting is read back as Exchange holds it, rendered anew, so the byte tests are
 *       skipped and content is compared as Exchange keeps it (UID, SUMMARY, times and the HTML body of each event);</li>
 *   <li>a write of the same content sends no PATCH, so its ETag stays;</li>
 *   <li>MMS changes only the online-meeting block on Exchange and the store refuses any other change, so the versions
 *       the contract writes differ in their HTML body (X-ALT-DESC), not in SUMMARY;</li>
 *   <li>each create and read is a few requests within Graph's four in flight per mailbox, so batching is shown with
 *       500 meetings in a mailbox rather than 2,500.</li>
 * </ul>
 */
class GraphCalendarStoreContractTest extends CalendarStoreContract {

    private static final Pattern BODY = Pattern.compile("(?is)<body[^>]*>(.*)</body>");
    /** The document Exchange wraps a body in (see the emulator's ExchangeBody), so that what is written is what it keeps. */
    private static final String EXCHANGE_HEAD = "<html><head>\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">\n"
            + "</head><body>";

    private static GraphEmulator graph;
    private static GraphCalendarStore store;
    private static final Map<Mailbox, String> UPNS = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() {
        graph = GraphEmulator.start();
        store = new GraphCalendarStore(
                new GraphSettings(graph.tenantId(), graph.clientId(), graph.graphUrl(), graph.authorityUrl(), 4, 16, Duration.ofSeconds(30)),
                new EmulatorTokens(graph), UPNS::get, HttpClient.newHttpClient(), Clock.fixed(FROM, ZoneOffset.UTC), d -> { });
    }

    @AfterAll
    static void stop() {
        if (store != null) {
            store.close();
        }
        if (graph != null) {
            graph.close();
        }
    }

    @Override
    protected CalendarStore store() {
        return store;
    }

    @Override
    protected Mailbox mailboxOf(TenantId tenant, UserId user) {
        Mailbox mailbox = new Mailbox(tenant, user);
        String upn = "u-" + UPNS.size() + "-" + user.value() + "@contoso.com";
        graph.addMailbox(upn);
        UPNS.put(mailbox, upn);
        return mailbox;
    }

    @Override
    protected boolean keepsBytesExactly() {
        return false;
    }

    @Override
    protected boolean givesNewEtagForSameContent() {
        return false;
    }

    @Override
    protected int largestMailboxToFill() {
        return 500;
    }

    /** The contract's meeting with an HTML body that names the version, in the document Exchange keeps bodies in. */
    @Override
    protected byte[] aMeetingVersion(String uid, String version) {
        String html = EXCHANGE_HEAD + "<p>" + version + "</p></body></html>";
        byte[] line = Folding.foldLine(("X-ALT-DESC;FMTTYPE=text/html:" + TextEscaping.escape(html)).getBytes(StandardCharsets.UTF_8),
                new byte[] {'\r', '\n'});
        String meeting = new String(aMeeting(uid), StandardCharsets.UTF_8);
        return meeting.replace("END:VEVENT\r\n", new String(line, StandardCharsets.UTF_8) + "END:VEVENT\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The same meeting as Exchange keeps it: UID, and SUMMARY, times and the HTML body's content of each event. */
    @Override
    protected void assertSameContent(byte[] actual, byte[] expected) {
        assertEquals(CalendarObject.uidOf(expected), CalendarObject.uidOf(actual));
        List<IcalEvent> wanted = IcalEvent.readAll(expected);
        boolean bodies = wanted.stream().anyMatch(e -> e.htmlBody().isPresent());
        assertEquals(kept(wanted, bodies), kept(IcalEvent.readAll(actual), bodies));
    }

    private static List<String> kept(List<IcalEvent> events, boolean bodies) {
        return events.stream()
                .map(e -> e.recurrenceId() + " " + e.summary() + " " + e.start() + " " + e.end() + (bodies ? " " + inside(e.htmlBody().orElse("")) : ""))
                .sorted().toList();
    }

    /** What a body shows: inside Exchange's document, line breaks as LF (iCalendar TEXT has no CR). */
    private static String inside(String html) {
        Matcher body = BODY.matcher(html);
        return (body.find() ? body.group(1) : html).replace("\r\n", "\n");
    }
}
