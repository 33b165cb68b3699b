package org.mms.calendar.caldav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mms.testing.CalendarResources.aMeeting;
import static org.mms.testing.CalendarResources.icsFixture;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mms.calendar.Mailbox;
import org.mms.calendar.SplitCalendar;
import org.mms.calendar.PermanentStoreException;
import org.mms.calendar.ResourceRef;
import org.mms.ical.ContentLine;
import org.mms.ical.Property;
import org.mms.testing.CalDavServer;
import org.mms.testing.CalendarContent;
import org.mms.testing.RadicaleServer;

/** The CalDAV store on a real Radicale (Debian package), with HTTP Basic authentication. */
class CalDavCalendarStoreRadicaleTest extends CalDavStoreContract {

    private static RadicaleServer server;
    private static RecordingHttpClient recorder;
    private static CalDavCalendarStore store;

    @BeforeAll
    static void start() {
        server = RadicaleServer.start();
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
     * Radicale 3.1.8 (through vobject) keeps only the first value of an X- property whose value holds
     * unescaped commas ({@code X-MS-OLK-WKHRDAYS:MO,TU,WE,TH,FR} comes back as {@code MO}), and doubles
     * the backslash of {@code \:} (not an RFC 5545 escape, but some producers write it for a colon), so the
     * text shows a backslash it did not show before.
     */
    @Override
    protected String compared(ContentLine line) {
        Property property = line.property();
        String value = property.value();
        if (property.name().startsWith("X-")) {
            value = beforeFirstUnescapedComma(value);
        }
        return CalendarContent.line(new Property(property.name(), property.parameters(), doubleEscapedColons(value),
                property.valueOffset()));
    }

    @Test
    void radicale_keeps_only_the_first_value_of_an_x_property_with_unescaped_commas() {
        Mailbox mailbox = newMailbox();
        byte[] meeting = utf8(text(aMeeting("x-commas")).replace("END:VEVENT",
                "X-MS-OLK-WKHRDAYS:MO,TU,WE,TH,FR\r\nX-ESCAPED:MO\\,TU\r\nEND:VEVENT"));
        caldav().create(mailbox, ResourceRef.forUid("x-commas"), meeting);

        byte[] stored = caldav().get(mailbox, ResourceRef.forUid("x-commas")).orElseThrow().data();

        assertThat(rawValue(stored, "X-MS-OLK-WKHRDAYS")).isEqualTo("MO");
        assertThat(rawValue(stored, "X-ESCAPED")).isEqualTo("MO\\,TU");
    }

    @Test
    void radicale_doubles_the_backslash_of_an_escaped_colon() {
        Mailbox mailbox = newMailbox();
        caldav().create(mailbox, ResourceRef.forUid("colon"), aMeeting("colon", "Time\\: 10\\:00"));

        byte[] stored = caldav().get(mailbox, ResourceRef.forUid("colon")).orElseThrow().data();

        assertThat(rawValue(stored, "SUMMARY")).isEqualTo("Time\\\\: 10\\\\:00");
    }

    /**
     * Radicale decodes a request body before unfolding it, and a body that is not UTF-8 (a fold
     * inside a multi-byte character, as Outlook writes) is decoded as ISO-8859-1 instead: mojibake.
     * The adapter moves such folds to character boundaries, so the same resource comes back intact.
     */
    @Test
    void a_fold_inside_a_character_would_be_stored_as_mojibake_and_the_adapter_prevents_it() throws Exception {
        byte[] resource = SplitCalendar.of(icsFixture("unicode-fold-splits.ics")).resources().getFirst().data();
        Mailbox direct = newMailbox();
        Mailbox adapted = newMailbox();
        URI directUrl = locatorFor(server).calendarOf(direct).resolve("direct.ics");
        rawRequest("PUT", directUrl, new String(resource, StandardCharsets.ISO_8859_1), null, StandardCharsets.ISO_8859_1);
        caldav().create(adapted, new ResourceRef("adapted.ics"), resource);

        byte[] mojibake = caldav().get(direct, new ResourceRef("direct.ics")).orElseThrow().data();
        byte[] intact = caldav().get(adapted, new ResourceRef("adapted.ics")).orElseThrow().data();

        assertThat(text(mojibake)).contains("Ã").doesNotContain("Ü");
        assertSameContent(intact, resource);
        assertThat(text(intact)).contains("Ünïcödé");
    }

    @Test
    void a_wrong_password_is_a_permanent_failure_whose_message_shows_no_credentials() {
        Mailbox mailbox = newMailbox();
        String wrong = "wrong-" + server.password().orElseThrow();
        CalDavSettings settings = new CalDavSettings(server.baseUrl(), server.username(), Optional.of(wrong),
                CalDavSettings.Scheduling.AUTO, Duration.ofSeconds(30));
        String basic = Base64.getEncoder().encodeToString((RadicaleServer.USER + ":" + wrong).getBytes(StandardCharsets.UTF_8));

        try (CalDavCalendarStore refused = new CalDavCalendarStore(settings, locatorFor(server))) {
            assertThatThrownBy(() -> refused.put(mailbox, ResourceRef.forUid("uid-1"), aMeeting("uid-1"), Optional.empty()))
                    .isInstanceOf(PermanentStoreException.class)
                    .hasMessageContaining("PUT " + locatorFor(server).calendarOf(mailbox))
                    .hasMessageContaining("401")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(wrong).doesNotContain(basic))
                    .satisfies(e -> assertThat(String.valueOf(e)).doesNotContain(wrong).doesNotContain(basic));
            assertThat(refused.toString()).doesNotContain(wrong);
        }
        assertThat(store.count(mailbox)).isZero();
    }

    /** {@code a,b\,c,d} → {@code a}: the first value of a comma-separated list, escapes honoured. */
    private static String beforeFirstUnescapedComma(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) == '\\') {
                i++;
            } else if (value.charAt(i) == ',') {
                return value.substring(0, i);
            }
        }
        return value;
    }

    /** {@code \:} → {@code \\:}, leaving escaped backslashes ({@code \\}) as they are. */
    private static String doubleEscapedColons(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(++i);
                out.append(next == ':' ? "\\\\:" : "\\" + next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
