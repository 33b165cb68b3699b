package org.mms.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mms.testing.CalendarResources.icsFixture;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mms.ical.CalendarReader;
import org.mms.ical.IcalFormatException;

class SplitCalendarTest {

    /** The weekly series of export-mixed.ics whose overrides are spread over the file. */
    private static final String SERIES_UID = "040000008200E00074C5B7101A82E0080000000000D2B8BC0346DC01"
            + "000000000000000010000000E38CE653D954DB2B33D475A4FD90B6A7";
    /** A meeting of export-mixed.ics in Pacific Standard Time. */
    private static final String PACIFIC_MEETING_UID = "040000008200E00074C5B7101A82E0080000000054D4FCAF87B6DC01"
            + "000000000000000010000000DC1402BD46DEBCA7654C5877B98C0541";

    // ---- the mixed Outlook export ----

    @Test
    void every_vevent_of_an_export_lands_in_exactly_one_resource_byte_for_byte() {
        byte[] export = icsFixture("export-mixed.ics");

        List<CalendarObject> resources = SplitCalendar.of(export).resources();

        List<byte[]> exported = componentsNamed(export, "VEVENT");
        List<byte[]> stored = resources.stream().flatMap(r -> componentsNamed(r.data(), "VEVENT").stream()).toList();
        assertThat(exported).hasSize(25);
        assertThat(asText(stored)).containsExactlyInAnyOrderElementsOf(asText(exported));
        assertThat(resources).hasSize(distinctUids(exported).size());
    }

    @Test
    void each_resource_holds_the_vevents_of_one_uid_in_export_order_under_the_name_the_uid_gives() {
        byte[] export = icsFixture("export-mixed.ics");
        List<byte[]> exported = componentsNamed(export, "VEVENT");

        List<CalendarObject> resources = SplitCalendar.of(export).resources();

        assertThat(resources).extracting(CalendarObject::uid).containsExactlyElementsOf(distinctUids(exported));
        for (CalendarObject resource : resources) {
            List<String> expected = asText(exported.stream().filter(e -> uidOf(e).equals(resource.uid())).toList());
            assertThat(asText(componentsNamed(resource.data(), "VEVENT"))).as(resource.uid()).containsExactlyElementsOf(expected);
            assertThat(resource.ref()).isEqualTo(ResourceRef.forUid(resource.uid()));
            assertThat(CalendarObject.uidOf(resource.data())).isEqualTo(resource.uid());
        }
        assertThat(resources).extracting(CalendarObject::ref).doesNotHaveDuplicates();
    }

    @Test
    void overrides_placed_apart_from_their_master_join_it() {
        byte[] export = icsFixture("export-mixed.ics");

        CalendarObject series = resourceOf(SplitCalendar.of(export), SERIES_UID);

        // The master at line 295, overrides at lines 414, 1147 and 2484 (after the VTODO).
        List<String> vevents = asText(componentsNamed(series.data(), "VEVENT"));
        assertThat(vevents).hasSize(4);
        assertThat(vevents.getFirst()).doesNotContain("RECURRENCE-ID");
        assertThat(vevents.subList(1, 4)).allSatisfy(v -> assertThat(v).contains("RECURRENCE-ID"));
        assertThat(vevents.get(3)).contains("RECURRENCE-ID;TZID=W. Europe Standard Time:20261209T093000");
    }

    @Test
    void each_resource_carries_the_vtimezones_it_refers_to_and_no_other() {
        byte[] export = icsFixture("export-mixed.ics");
        List<String> exportedZones = asText(componentsNamed(export, "VTIMEZONE"));

        List<CalendarObject> resources = SplitCalendar.of(export).resources();

        for (CalendarObject resource : resources) {
            List<byte[]> zones = componentsNamed(resource.data(), "VTIMEZONE");
            assertThat(zones.stream().map(SplitCalendarTest::definedTzid).toList())
                    .as(resource.uid())
                    .containsExactlyInAnyOrderElementsOf(referencedTzids(resource.data()));
            assertThat(exportedZones).as(resource.uid()).containsAll(asText(zones));
        }
        // In export order; W. Europe because Outlook's working hours (X-MS-OLK-WKHRSTART) refer to it.
        CalendarObject pacific = resourceOf(SplitCalendar.of(export), PACIFIC_MEETING_UID);
        assertThat(componentsNamed(pacific.data(), "VTIMEZONE").stream().map(SplitCalendarTest::definedTzid))
                .containsExactly("W. Europe Standard Time", "Pacific Standard Time");
    }

    @Test
    void the_calendar_properties_are_copied_in_order_without_method() {
        byte[] export = icsFixture("export-mixed.ics");
        List<String> expected = asText(calendarProperties(export)).stream().filter(p -> !p.startsWith("METHOD:")).toList();

        for (CalendarObject resource : SplitCalendar.of(export).resources()) {
            assertThat(asText(calendarProperties(resource.data()))).as(resource.uid()).containsExactlyElementsOf(expected);
            assertThat(resource.data()).startsWith(utf8("BEGIN:VCALENDAR\r\nPRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r\n"));
            assertThat(text(resource.data())).doesNotContain("METHOD").endsWith("END:VEVENT\r\nEND:VCALENDAR\r\n");
        }
    }

    @Test
    void the_vtodo_is_listed_as_not_imported() {
        SplitCalendar split = SplitCalendar.of(icsFixture("export-mixed.ics"));

        assertThat(split.notImported()).containsExactly(new NotImported("VTODO", Optional.of("todo-mx-0c9b8a7f@contoso.com"),
                2477, NotImported.Reason.NOT_A_MEETING));
        assertThat(split.resources()).allSatisfy(r -> assertThat(text(r.data())).doesNotContain("VTODO"));
    }

    // ---- one-meeting files: the resource is the file without METHOD ----

    @ParameterizedTest
    @ValueSource(strings = {"lf-only.ics", "unicode-fold-splits.ics", "teams-t2-ja.ics", "teams-t2-da.ics",
        "outlook-2010-display-name-tzid.ics", "escapes-and-x-props.ics"})
    void a_file_of_one_meeting_becomes_that_file_without_its_method_line(String fixture) {
        byte[] export = icsFixture(fixture);

        List<CalendarObject> resources = SplitCalendar.of(export).resources();

        assertThat(resources).singleElement().satisfies(r -> assertThat(r.data()).isEqualTo(withoutMethodLine(export)));
    }

    @Test
    void a_vtimezone_nothing_refers_to_is_left_out() {
        byte[] export = icsFixture("all-day.ics");
        byte[] vtimezone = componentsNamed(export, "VTIMEZONE").getFirst();
        byte[] withoutMethod = withoutMethodLine(export);
        int at = indexOf(withoutMethod, vtimezone);
        byte[] expected = concat(Arrays.copyOfRange(withoutMethod, 0, at),
                Arrays.copyOfRange(withoutMethod, at + vtimezone.length, withoutMethod.length));

        assertThat(SplitCalendar.of(export).resources()).singleElement().satisfies(r -> assertThat(r.data()).isEqualTo(expected));
    }

    @Test
    void an_lf_only_export_gives_lf_only_resources() {
        byte[] data = SplitCalendar.of(icsFixture("lf-only.ics")).resources().getFirst().data();

        assertThat(data).doesNotContain((byte) '\r');
        assertThat(text(data)).contains("\n ").endsWith("END:VCALENDAR\n");
    }

    @Test
    void a_series_whose_override_follows_another_meeting_is_one_resource() {
        SplitCalendar split = SplitCalendar.of(icsFixture("series-overrides-apart.ics"));

        assertThat(split.resources()).hasSize(2);
        assertThat(split.resources()).extracting(r -> componentsNamed(r.data(), "VEVENT").size()).containsExactly(2, 1);
        assertThat(split.notImported()).isEmpty();
    }

    // ---- what is not imported ----

    @Test
    void todos_journals_and_free_busy_are_listed_with_their_uid_and_line() {
        SplitCalendar split = SplitCalendar.of(icsFixture("vtodo-and-journal.ics"));

        assertThat(split.notImported()).containsExactly(
                new NotImported("VTODO", Optional.of("todo-1f3e8b2a-7c44-4d0e-9a51-6b2f0c8d9e11@contoso.com"), 31,
                        NotImported.Reason.NOT_A_MEETING),
                new NotImported("VJOURNAL", Optional.of("journal-5d2c1b0a-9e8f-4a7b-8c6d-5e4f3a2b1c0d@contoso.com"), 45,
                        NotImported.Reason.NOT_A_MEETING),
                new NotImported("VFREEBUSY", Optional.of("fb-7a6b5c4d-3e2f-1a0b-9c8d-7e6f5a4b3c2d@contoso.com"), 164,
                        NotImported.Reason.NOT_A_MEETING));
        assertThat(split.resources()).singleElement()
                .satisfies(r -> assertThat(componentsNamed(r.data(), "VEVENT")).hasSize(1));
    }

    @Test
    void vevents_without_a_uid_are_listed_not_dropped() {
        SplitCalendar split = SplitCalendar.of(icsFixture("no-uid-twins.ics"));

        assertThat(split.resources()).isEmpty();
        assertThat(split.notImported()).containsExactly(
                new NotImported("VEVENT", Optional.empty(), 4, NotImported.Reason.NO_UID),
                new NotImported("VEVENT", Optional.empty(), 15, NotImported.Reason.NO_UID));
    }

    // ---- several calendars in one export ----

    @Test
    void with_several_calendars_each_resource_takes_the_wrapping_and_zones_of_the_calendar_where_its_uid_first_appears() {
        byte[] first = icsFixture("lf-only.ics");
        String firstUid = uidOf(componentsNamed(first, "VEVENT").getFirst());
        // A second calendar, CRLF, with its own definition of the first one's zone, an override of the
        // first calendar's meeting, and a meeting of its own.
        String westEurope = "BEGIN:VTIMEZONE\r\nTZID:W. Europe Standard Time\r\nX-DEFINED-IN:second\r\nBEGIN:STANDARD\r\n"
                + "DTSTART:16010101T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n";
        String tokyo = "BEGIN:VTIMEZONE\r\nTZID:Tokyo Standard Time\r\nBEGIN:STANDARD\r\nDTSTART:16010101T000000\r\n"
                + "TZOFFSETFROM:+0900\r\nTZOFFSETTO:+0900\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n";
        String tokyoMeeting = "BEGIN:VEVENT\r\nUID:tokyo-1\r\nDTSTART;TZID=\"Tokyo Standard Time\":20270110T090000\r\n"
                + "DTEND;TZID=W. Europe Standard Time:20270110T020000\r\nEND:VEVENT\r\n";
        byte[] second = utf8("BEGIN:VCALENDAR\r\nPRODID:-//Example//Second//EN\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\n"
                + westEurope + tokyo
                + "BEGIN:VEVENT\r\nUID:" + firstUid + "\r\nRECURRENCE-ID;TZID=W. Europe Standard Time:20261211T150000\r\n"
                + "DTSTART;TZID=W. Europe Standard Time:20261211T160000\r\nEND:VEVENT\r\n"
                + tokyoMeeting
                + "END:VCALENDAR\r\n");
        byte[] export = concat(first, utf8("\r\n"), second);

        SplitCalendar split = SplitCalendar.of(export);

        assertThat(split.resources()).extracting(CalendarObject::uid).containsExactly(firstUid, "tokyo-1");
        CalendarObject fromFirst = split.resources().get(0);
        assertThat(asText(componentsNamed(fromFirst.data(), "VEVENT"))).containsExactlyElementsOf(
                asText(List.of(componentsNamed(first, "VEVENT").getFirst(), componentsNamed(second, "VEVENT").getFirst())));
        assertThat(asText(componentsNamed(fromFirst.data(), "VTIMEZONE"))).containsExactlyElementsOf(asText(componentsNamed(first, "VTIMEZONE")));
        assertThat(text(fromFirst.data())).startsWith("BEGIN:VCALENDAR\nPRODID:-//Microsoft Corporation").endsWith("END:VCALENDAR\n");
        // Each piece keeps its own line endings: the second calendar's override is CRLF.
        assertThat(text(fromFirst.data())).contains("END:VEVENT\nBEGIN:VEVENT\r\nUID:" + firstUid + "\r\n");
        assertThat(text(split.resources().get(1).data())).isEqualTo("BEGIN:VCALENDAR\r\nPRODID:-//Example//Second//EN\r\nVERSION:2.0\r\n"
                + westEurope + tokyo + tokyoMeeting + "END:VCALENDAR\r\n");
    }

    @Test
    void a_zone_its_own_calendar_lacks_is_taken_from_another_calendar_of_the_export() {
        String tokyo = "BEGIN:VTIMEZONE\r\nTZID:Tokyo Standard Time\r\nBEGIN:STANDARD\r\nDTSTART:16010101T000000\r\n"
                + "TZOFFSETFROM:+0900\r\nTZOFFSETTO:+0900\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n";
        String early = "BEGIN:VEVENT\nUID:early\nDTSTART;TZID=Tokyo Standard Time:20270110T090000\nEND:VEVENT\n";
        byte[] export = utf8("BEGIN:VCALENDAR\nVERSION:2.0\n" + early + "END:VCALENDAR\n"
                + "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + tokyo + "END:VCALENDAR\r\n");

        assertThat(SplitCalendar.of(export).resources()).singleElement().satisfies(r -> assertThat(text(r.data()))
                .isEqualTo("BEGIN:VCALENDAR\nVERSION:2.0\n" + tokyo + early + "END:VCALENDAR\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\r\n", "\n"})
    void a_tzid_folded_in_the_middle_still_brings_its_zone(String eol) {
        String zone = "BEGIN:VTIMEZONE" + eol + "TZID:W. Europe Standard Time" + eol + "BEGIN:STANDARD" + eol
                + "DTSTART:16010101T030000" + eol + "TZOFFSETFROM:+0200" + eol + "TZOFFSETTO:+0100" + eol + "END:STANDARD" + eol
                + "END:VTIMEZONE" + eol;
        String event = "BEGIN:VEVENT" + eol + "UID:folded" + eol + "DTSTART;TZ" + eol + " ID=W. Europe Stan" + eol
                + "\tdard Time:20270110T090000" + eol + "END:VEVENT" + eol;
        byte[] export = utf8("BEGIN:VCALENDAR" + eol + zone + event + "END:VCALENDAR" + eol);

        assertThat(SplitCalendar.of(export).resources()).singleElement().satisfies(r -> assertThat(r.data()).isEqualTo(export));
    }

    @Test
    void a_tzid_no_calendar_defines_is_left_as_it_is() {
        byte[] export = utf8("BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:iana\n"
                + "DTSTART;TZID=Europe/Berlin:20270110T090000\nEND:VEVENT\nEND:VCALENDAR\n");

        assertThat(SplitCalendar.of(export).resources()).singleElement().satisfies(r -> assertThat(r.data()).isEqualTo(export));
    }

    @Test
    void a_byte_order_mark_before_the_export_stays_out_of_the_resource() {
        byte[] withoutMark = icsFixture("lf-only.ics");
        byte[] export = concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, withoutMark);

        assertThat(SplitCalendar.of(export).resources().getFirst().data()).isEqualTo(withoutMethodLine(withoutMark));
    }

    @Test
    void resources_can_be_taken_one_at_a_time_in_the_same_order() {
        SplitCalendar split = SplitCalendar.of(icsFixture("export-mixed.ics"));
        List<CalendarObject> oneByOne = new ArrayList<>();

        split.forEachResource(oneByOne::add);

        assertThat(oneByOne).hasSize(split.resourceCount()).containsExactlyElementsOf(split.resources());
    }

    @Test
    void the_split_does_not_change_when_the_callers_array_does() {
        byte[] export = icsFixture("lf-only.ics");
        SplitCalendar split = SplitCalendar.of(export);

        Arrays.fill(export, (byte) 'x');

        assertThat(split.resources().getFirst().data()).isEqualTo(withoutMethodLine(icsFixture("lf-only.ics")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad/not-ical.txt", "bad/broken-folding.ics", "bad/broken-truncated.ics"})
    void an_export_that_cannot_be_read_whole_is_refused(String fixture) {
        assertThatThrownBy(() -> SplitCalendar.of(icsFixture(fixture))).isInstanceOf(IcalFormatException.class);
    }

    // ---- helpers: read the bytes independently of the code under test ----

    private static CalendarObject resourceOf(SplitCalendar split, String uid) {
        return split.resources().stream().filter(r -> r.uid().equals(uid)).findFirst().orElseThrow();
    }

    static List<byte[]> componentsNamed(byte[] calendar, String name) {
        List<byte[]> found = new ArrayList<>();
        CalendarReader reader = CalendarReader.of(calendar);
        for (CalendarReader.Item item = reader.next(); item != null; item = reader.next()) {
            if (item instanceof CalendarReader.TopComponent c && c.name().equals(name)) {
                found.add(c.bytes());
            }
        }
        return found;
    }

    private static List<byte[]> calendarProperties(byte[] calendar) {
        List<byte[]> found = new ArrayList<>();
        CalendarReader reader = CalendarReader.of(calendar);
        for (CalendarReader.Item item = reader.next(); item != null; item = reader.next()) {
            if (item instanceof CalendarReader.CalendarProperty p) {
                found.add(p.bytes());
            }
        }
        return found;
    }

    private static List<String> distinctUids(List<byte[]> vevents) {
        return List.copyOf(new LinkedHashSet<>(vevents.stream().map(SplitCalendarTest::uidOf).toList()));
    }

    private static String uidOf(byte[] vevent) {
        return unfoldedLines(vevent).stream().filter(l -> l.startsWith("UID:")).findFirst().orElseThrow().substring(4).strip();
    }

    private static String definedTzid(byte[] vtimezone) {
        String value = unfoldedLines(vtimezone).stream().filter(l -> l.startsWith("TZID:")).findFirst().orElseThrow().substring(5);
        return value.replaceAll("\\\\([,;\\\\])", "$1");
    }

    private static final Pattern TZID_PARAMETER = Pattern.compile(";TZID=(?:\"([^\"]*)\"|([^;:]*))");

    private static Set<String> referencedTzids(byte[] calendar) {
        Set<String> tzids = new LinkedHashSet<>();
        for (String line : unfoldedLines(calendar)) {
            // Only name and parameters count (a TZID= in a DESCRIPTION is no reference); they end at
            // the first ':' outside quotes.
            int colon = 0;
            boolean quoted = false;
            while (colon < line.length() && (quoted || line.charAt(colon) != ':')) {
                quoted ^= line.charAt(colon) == '"';
                colon++;
            }
            Matcher m = TZID_PARAMETER.matcher(line.substring(0, colon));
            while (m.find()) {
                tzids.add(m.group(1) != null ? m.group(1) : m.group(2));
            }
        }
        return tzids;
    }

    /** Lines with folds removed in the byte domain, then decoded. */
    private static List<String> unfoldedLines(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\r' && i + 2 < bytes.length && bytes[i + 1] == '\n' && (bytes[i + 2] == ' ' || bytes[i + 2] == '\t')) {
                i += 2;
            } else if (bytes[i] == '\n' && i + 1 < bytes.length && (bytes[i + 1] == ' ' || bytes[i + 1] == '\t')) {
                i += 1;
            } else {
                out.write(bytes[i]);
            }
        }
        return List.of(out.toString(StandardCharsets.UTF_8).split("\r?\n"));
    }

    private static byte[] withoutMethodLine(byte[] export) {
        String text = new String(export, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("\nMETHOD:") + 1;
        int end = text.indexOf('\n', at) + 1;
        assertThat(at).isPositive();
        return concat(Arrays.copyOfRange(export, 0, at), Arrays.copyOfRange(export, end, export.length));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        int at = new String(haystack, StandardCharsets.ISO_8859_1).indexOf(new String(needle, StandardCharsets.ISO_8859_1));
        assertThat(at).isNotNegative();
        return at;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Bytes as text one-to-one (ISO-8859-1), so equal texts are equal bytes even where folds split UTF-8. */
    private static List<String> asText(List<byte[]> pieces) {
        return pieces.stream().map(b -> new String(b, StandardCharsets.ISO_8859_1)).toList();
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
