package org.mms.itip;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mms.testing.ItipRequests.fixture;
import static org.mms.testing.ItipRequests.withLfOnly;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mms.ical.ByteEdit;
import org.mms.ical.ByteEdits;
import org.mms.ical.ContentLine;
import org.mms.ical.ContentLines;

class AddSentByTest {

    private static final Mailbox SERVICE = Mailbox.of("mms@service.contoso.com", "Meeting Migration Service");
    private static final String SENT_BY = "SENT-BY=\"mailto:mms@service.contoso.com\"";

    @Test
    void adds_sent_by_just_before_the_value_and_folds_only_that_line() {
        byte[] calendar = fixture("caldav-lf-only-daily.expected.ics");

        byte[] marked = AddSentBy.apply(calendar, SERVICE);

        // 21 + 41 octets fit on the first line; the value that followed would not, so it moves behind a fold.
        assertThat(new String(marked, UTF_8)).isEqualTo(new String(calendar, UTF_8).replace(
                "ORGANIZER;CN=Ops Team:mailto:ops@example.org\n",
                "ORGANIZER;CN=Ops Team;" + SENT_BY + "\n :mailto:ops@example.org\n"));
    }

    @Test
    void replaces_an_existing_sent_by_where_it_stands_in_the_series_and_in_its_override() {
        byte[] calendar = fixture("outlook-teams-series.expected.ics");
        String original = "ORGANIZER;CN=Ana Ortiz;SENT-BY=\"mailto:mms@contoso.com\":mailto:ana.ortiz@co\r\n ntoso.com\r\n";
        assertThat(occurrences(new String(calendar, UTF_8), original)).isEqualTo(2);

        byte[] marked = AddSentBy.apply(calendar, SERVICE);

        assertThat(new String(marked, UTF_8)).isEqualTo(new String(calendar, UTF_8).replace(original,
                "ORGANIZER;CN=Ana Ortiz;" + SENT_BY + "\r\n :mailto:ana.ortiz@co\r\n ntoso.com\r\n"));
    }

    @Test
    void a_fold_inside_the_parameters_and_one_inside_the_value_stay_where_they_are() {
        byte[] calendar = calendar("ORGANIZER;ROLE=CHAIR;CN=Ana\r\n  Ortiz;X-NUM-GUESTS=0:mailto:ana.or\r\n tiz@contoso.com\r\n");

        byte[] marked = AddSentBy.apply(calendar, SERVICE);

        assertThat(new String(marked, UTF_8)).contains(
                "ORGANIZER;ROLE=CHAIR;CN=Ana\r\n  Ortiz;X-NUM-GUESTS=0;" + SENT_BY + "\r\n :mailto:ana.or\r\n tiz@contoso.com\r\n");
        assertThat(organizer(marked).text()).isEqualTo(
                "ORGANIZER;ROLE=CHAIR;CN=Ana Ortiz;X-NUM-GUESTS=0;" + SENT_BY + ":mailto:ana.ortiz@contoso.com");
    }

    @Test
    void a_non_ascii_name_folded_between_the_bytes_of_one_character_keeps_its_bytes() {
        // "Jürgen Müller" with the fold between the two bytes of the second "ü" (legal, RFC 5545 §3.1).
        byte[] calendar = calendar(concat(
                "ORGANIZER;CN=J\u00fcrgen M".getBytes(UTF_8),
                HexFormat.of().parseHex("c30d0a20bc"),
                "ller:mailto:juergen.mueller@contoso.com\r\n".getBytes(UTF_8)));

        byte[] marked = AddSentBy.apply(calendar, SERVICE);

        assertThat(organizer(marked).text()).isEqualTo(
                "ORGANIZER;CN=J\u00fcrgen M\u00fcller;" + SENT_BY + ":mailto:juergen.mueller@contoso.com");
        assertThat(marked).startsWith(Arrays.copyOf(calendar, indexOf(calendar, ":mailto:juergen")));
        assertThat(new String(marked, UTF_8)).doesNotContain("\uFFFD\uFFFD");
    }

    @Test
    void a_quoted_name_with_colon_and_semicolon_is_not_mistaken_for_the_end_of_the_parameters() {
        byte[] calendar = calendar("ORGANIZER;CN=\"Ortiz: Ana; Team\":mailto:ana@contoso.com\r\n");

        byte[] marked = AddSentBy.apply(calendar, SERVICE);

        assertThat(organizer(marked).text())
                .isEqualTo("ORGANIZER;CN=\"Ortiz: Ana; Team\";" + SENT_BY + ":mailto:ana@contoso.com");
    }

    @Test
    void a_lower_case_sent_by_is_replaced_and_a_second_one_removed() {
        byte[] calendar = calendar(
                "ORGANIZER;sent-by=\"mailto:old@contoso.com\";CN=Ana;SENT-BY=\"mailto:other@contoso.com\":mailto:a@contoso.com\r\n");

        byte[] marked = AddSentBy.apply(calendar, SERVICE);

        assertThat(organizer(marked).text()).isEqualTo("ORGANIZER;" + SENT_BY + ";CN=Ana:mailto:a@contoso.com");
    }

    @Test
    void only_the_events_own_organizer_lines_change() {
        String untouched = """
                BEGIN:VCALENDAR\r
                METHOD:REQUEST\r
                X-ORGANIZER;CN=Not Me:mailto:x@contoso.com\r
                BEGIN:VTIMEZONE\r
                TZID:UTC\r
                END:VTIMEZONE\r
                BEGIN:VEVENT\r
                UID:1\r
                DESCRIPTION:ORGANIZER;CN=text:mailto:in-a-description@contoso.com\r
                ATTENDEE;SENT-BY="mailto:assistant@contoso.com";CN=Bo:mailto:bo@contoso.com\r
                %s\
                BEGIN:VALARM\r
                ACTION:DISPLAY\r
                END:VALARM\r
                END:VEVENT\r
                BEGIN:VTODO\r
                ORGANIZER:mailto:todo@contoso.com\r
                END:VTODO\r
                END:VCALENDAR\r
                """;
        byte[] calendar = untouched.formatted("ORGANIZER:mailto:ana@contoso.com\r\n").getBytes(UTF_8);

        byte[] marked = AddSentBy.apply(calendar, SERVICE);

        assertThat(new String(marked, UTF_8))
                .isEqualTo(untouched.formatted("ORGANIZER;" + SENT_BY + ":mailto:ana@contoso.com\r\n"));
    }

    @Test
    void bytes_outside_the_organizer_lines_are_identical_and_the_edits_touch_nothing_else() {
        for (byte[] calendar : List.of(fixture("outlook-teams-series.expected.ics"), fixture("caldav-lf-only-daily.expected.ics"),
                withLfOnly(fixture("outlook-teams-series.expected.ics")))) {
            List<ByteEdit> edits = AddSentBy.edits(calendar, SERVICE);
            byte[] marked = ByteEdits.apply(calendar, 0, calendar.length, edits);

            assertThat(edits).isNotEmpty();
            List<ContentLine> organizers = ContentLines.scan(calendar).stream().filter(line -> line.hasName("ORGANIZER")).toList();
            for (ByteEdit edit : edits) {
                assertThat(organizers).as("edit [%d, %d) lies on an ORGANIZER line", edit.start(), edit.end())
                        .anyMatch(line -> line.start() <= edit.start() && edit.end() <= line.contentEnd());
            }
            assertThat(withoutEditedRanges(calendar, edits)).isEqualTo(withoutNewRanges(marked, edits));
            assertThat(everyPhysicalLineFits(marked)).isTrue();
            assertThat(contains(marked, (byte) '\r')).isEqualTo(contains(calendar, (byte) '\r'));
        }
    }

    @Test
    void marking_twice_gives_what_marking_once_gives_and_the_second_time_edits_nothing() {
        byte[] once = AddSentBy.apply(fixture("outlook-teams-series.expected.ics"), SERVICE);

        assertThat(AddSentBy.edits(once, SERVICE)).isEmpty();
        assertThat(AddSentBy.apply(once, SERVICE)).isEqualTo(once);
    }

    @Test
    void the_given_calendar_is_not_changed() {
        byte[] calendar = fixture("caldav-lf-only-daily.expected.ics");
        byte[] copy = calendar.clone();

        AddSentBy.apply(calendar, SERVICE);

        assertThat(calendar).isEqualTo(copy);
    }

    @Test
    void a_calendar_that_does_not_parse_is_refused() {
        byte[] broken = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n".getBytes(UTF_8);

        assertThatThrownBy(() -> AddSentBy.apply(broken, SERVICE)).isInstanceOf(IllegalArgumentException.class);
    }

    // --- helpers ---

    private static byte[] calendar(String organizerLine) {
        return calendar(organizerLine.getBytes(UTF_8));
    }

    private static byte[] calendar(byte[] organizerLine) {
        return concat("BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:x@contoso.com\r\n".getBytes(UTF_8), organizerLine,
                "SUMMARY:Weekly\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n".getBytes(UTF_8));
    }

    private static ContentLine organizer(byte[] calendar) {
        return ContentLines.scan(calendar).stream().filter(line -> line.hasName("ORGANIZER")).findFirst().orElseThrow();
    }

    private static byte[] withoutEditedRanges(byte[] before, List<ByteEdit> edits) {
        List<Byte> kept = new ArrayList<>();
        int pos = 0;
        for (ByteEdit edit : ByteEdits.sorted(edits)) {
            for (int i = pos; i < edit.start(); i++) {
                kept.add(before[i]);
            }
            pos = edit.end();
        }
        for (int i = pos; i < before.length; i++) {
            kept.add(before[i]);
        }
        return toArray(kept);
    }

    /** The output with each edit's replacement cut out, found by walking the edits in order. */
    private static byte[] withoutNewRanges(byte[] after, List<ByteEdit> edits) {
        List<Byte> kept = new ArrayList<>();
        int shift = 0;
        int pos = 0;
        for (ByteEdit edit : ByteEdits.sorted(edits)) {
            int newStart = edit.start() + shift;
            for (int i = pos; i < newStart; i++) {
                kept.add(after[i]);
            }
            pos = newStart + edit.replacement().length;
            shift += edit.replacement().length - (edit.end() - edit.start());
        }
        for (int i = pos; i < after.length; i++) {
            kept.add(after[i]);
        }
        return toArray(kept);
    }

    private static boolean everyPhysicalLineFits(byte[] calendar) {
        int column = 0;
        for (byte b : calendar) {
            if (b == '\n') {
                column = 0;
            } else if (b != '\r' && ++column > 75) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(byte[] bytes, byte b) {
        for (byte x : bytes) {
            if (x == b) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(byte[] bytes, String ascii) {
        return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf(ascii);
    }

    private static int occurrences(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    private static byte[] toArray(List<Byte> bytes) {
        byte[] out = new byte[bytes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = bytes.get(i);
        }
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        int size = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] out = new byte[size];
        int n = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, n, part.length);
            n += part.length;
        }
        return out;
    }
}
