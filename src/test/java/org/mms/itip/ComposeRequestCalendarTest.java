package org.mms.itip;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mms.testing.ItipRequests.fixture;
import static org.mms.testing.ItipRequests.withLfOnly;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ComposeRequestCalendarTest {

    private static final String CRLF = "\r\n";
    private static final byte[] EVENT = bytes("BEGIN:VEVENT\r\nUID:u1\r\nSUMMARY:Sync\r\nEND:VEVENT\r\n");

    @Test
    void outlook_series_becomes_the_expected_request_byte_for_byte() {
        byte[] source = fixture("outlook-teams-series.ics");

        byte[] request = CalendarPieces.cut(source).compose();

        assertSameBytes(request, fixture("outlook-teams-series.expected.ics"));
    }

    @Test
    void lf_only_calendar_becomes_the_expected_request_with_lf_only_line_endings() {
        byte[] source = fixture("caldav-lf-only-daily.ics");

        byte[] request = CalendarPieces.cut(source).compose();

        assertSameBytes(request, fixture("caldav-lf-only-daily.expected.ics"));
        assertThat(request).doesNotContain((byte) '\r');
    }

    @Test
    void crlf_calendar_rewritten_to_lf_only_keeps_lf_only() {
        byte[] source = withLfOnly(fixture("outlook-teams-series.ics"));

        CalendarPieces pieces = CalendarPieces.cut(source);
        byte[] request = pieces.compose();

        assertThat(pieces.lineEnding()).isEqualTo("\n");
        assertSameBytes(request, withLfOnly(fixture("outlook-teams-series.expected.ics")));
        assertThat(request).doesNotContain((byte) '\r');
    }

    @Test
    void components_are_copied_byte_identically_and_in_order() {
        byte[] source = fixture("outlook-teams-series.ics");
        // The fixture must hold what this test is about, or it would pass for nothing.
        assertThat(containsFoldSplittingUtf8(source)).as("a fold that splits a UTF-8 sequence").isTrue();
        assertThat(new String(source, UTF_8)).contains("\\N", "会議に参加する", "🚀", "x-custom-lower:keep;me,raw\\:as-is");

        CalendarPieces pieces = CalendarPieces.cut(source);
        byte[] request = pieces.compose();

        assertThat(pieces.timezones()).hasSize(2);
        assertThat(pieces.events()).hasSize(2);
        int from = 0;
        for (byte[] component : concat(pieces.timezones(), pieces.events())) {
            int at = indexOf(request, component, from);
            assertThat(at).as("component copied verbatim after offset %d", from).isGreaterThanOrEqualTo(from);
            from = at + component.length;
        }
        assertThat(Arrays.copyOfRange(request, from, request.length)).isEqualTo(bytes("END:VCALENDAR\r\n"));
    }

    @Test
    void existing_method_publish_is_replaced_by_method_request() {
        byte[] properties = bytes("PRODID:-//Contoso//MMS//EN\r\nVERSION:2.0\r\nMETHOD:PUBLISH\r\nX-WR-CALNAME:Team\r\n");

        byte[] request = ComposeRequestCalendar.compose(properties, List.of(), List.of(EVENT), CRLF);

        assertThat(new String(request, UTF_8)).isEqualTo("""
                BEGIN:VCALENDAR\r
                METHOD:REQUEST\r
                PRODID:-//Contoso//MMS//EN\r
                VERSION:2.0\r
                X-WR-CALNAME:Team\r
                BEGIN:VEVENT\r
                UID:u1\r
                SUMMARY:Sync\r
                END:VEVENT\r
                END:VCALENDAR\r
                """);
    }

    @Test
    void method_line_folded_inside_its_value_is_removed_whole() {
        byte[] properties = bytes("VERSION:2.0\r\nMETHOD:PUB\r\n LISH\r\nCALSCALE:GREGORIAN\r\n");

        String request = new String(ComposeRequestCalendar.compose(properties, List.of(), List.of(EVENT), CRLF), UTF_8);

        assertThat(request).startsWith("BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nVERSION:2.0\r\nCALSCALE:GREGORIAN\r\nBEGIN:VEVENT\r\n");
        assertThat(request).doesNotContain("PUB", "LISH");
    }

    @Test
    void method_line_in_lower_case_folded_inside_its_name_with_a_parameter_is_removed() {
        byte[] properties = bytes("VERSION:2.0\r\nmeth\r\n\tod;X-WHY=\"a:b\":publish\r\nPRODID:x\r\n");

        String request = new String(ComposeRequestCalendar.compose(properties, List.of(), List.of(EVENT), CRLF), UTF_8);

        assertThat(request).startsWith("BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\n");
    }

    @Test
    void properties_that_only_resemble_method_are_kept() {
        String kept = "X-METHOD:PUBLISH\r\nMETHODS:x\r\nX-WR-CALDESC:METHOD:PUBLISH\r\n";

        String request = new String(ComposeRequestCalendar.compose(bytes(kept), List.of(), List.of(EVENT), CRLF), UTF_8);

        assertThat(request).startsWith("BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\n" + kept);
    }

    @Test
    void output_starts_with_begin_vcalendar_and_has_exactly_one_method() {
        byte[] request = CalendarPieces.cut(fixture("outlook-teams-series.ics")).compose();

        List<String> unfoldedLines = Arrays.asList(new String(unfoldBytes(request), UTF_8).split("\r\n"));
        assertThat(unfoldedLines.getFirst()).isEqualTo("BEGIN:VCALENDAR");
        assertThat(unfoldedLines.getLast()).isEqualTo("END:VCALENDAR");
        assertThat(unfoldedLines).filteredOn(line -> line.regionMatches(true, 0, "METHOD", 0, 6))
                .containsExactly("METHOD:REQUEST");
        assertThat(unfoldedLines.get(1)).isEqualTo("METHOD:REQUEST");
    }

    @Test
    void empty_calendar_properties_give_the_wrapper_lines_and_the_components() {
        byte[] timezone = bytes("BEGIN:VTIMEZONE\nTZID:UTC\nEND:VTIMEZONE\n");
        byte[] event = bytes("BEGIN:VEVENT\nUID:u1\nEND:VEVENT\n");

        byte[] request = ComposeRequestCalendar.compose(new byte[0], List.of(timezone), List.of(event), "\n");

        assertThat(new String(request, UTF_8)).isEqualTo(
                "BEGIN:VCALENDAR\nMETHOD:REQUEST\nBEGIN:VTIMEZONE\nTZID:UTC\nEND:VTIMEZONE\nBEGIN:VEVENT\nUID:u1\nEND:VEVENT\nEND:VCALENDAR\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\r", "", " ", "\n\r", "\r\n\r\n"})
    void line_endings_other_than_crlf_or_lf_are_rejected(String lineEnding) {
        assertThatThrownBy(() -> ComposeRequestCalendar.compose(new byte[0], List.of(), List.of(EVENT), lineEnding))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line ending");
    }

    @Test
    void a_request_without_events_is_rejected() {
        assertThatThrownBy(() -> ComposeRequestCalendar.compose(new byte[0], List.of(), List.of(), CRLF))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one VEVENT");
    }

    @Test
    void a_component_passed_as_the_wrong_kind_is_rejected() {
        byte[] timezone = bytes("BEGIN:VTIMEZONE\r\nTZID:UTC\r\nEND:VTIMEZONE\r\n");

        assertThatThrownBy(() -> ComposeRequestCalendar.compose(new byte[0], List.of(), List.of(timezone), CRLF))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("VEVENT");
        assertThatThrownBy(() -> ComposeRequestCalendar.compose(new byte[0], List.of(EVENT), List.of(EVENT), CRLF))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("VTIMEZONE");
    }

    @Test
    void an_event_cut_off_before_its_end_line_is_rejected() {
        byte[] truncated = bytes("BEGIN:VEVENT\r\nUID:u1\r\n");

        assertThatThrownBy(() -> ComposeRequestCalendar.compose(new byte[0], List.of(), List.of(truncated), CRLF))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pieces_without_a_final_line_ending_are_rejected_so_lines_cannot_run_together() {
        byte[] event = bytes("BEGIN:VEVENT\r\nUID:u1\r\nEND:VEVENT");

        assertThatThrownBy(() -> ComposeRequestCalendar.compose(new byte[0], List.of(), List.of(event), CRLF))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line ending");
        assertThatThrownBy(() -> ComposeRequestCalendar.compose(bytes("VERSION:2.0"), List.of(), List.of(EVENT), CRLF))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line ending");
    }

    @Test
    void calendar_properties_holding_a_component_are_rejected() {
        byte[] properties = bytes("VERSION:2.0\r\nBEGIN:VTODO\r\nEND:VTODO\r\n");

        assertThatThrownBy(() -> ComposeRequestCalendar.compose(properties, List.of(), List.of(EVENT), CRLF))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BEGIN");
    }

    private static void assertSameBytes(byte[] actual, byte[] expected) {
        // Text first for a readable diff, then the bytes (text decoding hides split UTF-8 sequences).
        assertThat(new String(actual, UTF_8)).isEqualTo(new String(expected, UTF_8));
        assertThat(HexFormat.of().formatHex(actual)).isEqualTo(HexFormat.of().formatHex(expected));
    }

    private static boolean containsFoldSplittingUtf8(byte[] bytes) {
        for (int i = 0; i + 2 < bytes.length; i++) {
            boolean fold = bytes[i] == '\n' && (bytes[i + 1] == ' ' || bytes[i + 1] == '\t');
            if (fold && (bytes[i + 2] & 0xC0) == 0x80) {
                return true;
            }
        }
        return false;
    }

    private static byte[] unfoldBytes(byte[] bytes) {
        String latin1 = new String(bytes, ISO_8859_1);
        return latin1.replaceAll("\r?\n[ \t]", "").getBytes(ISO_8859_1);
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static List<byte[]> concat(List<byte[]> first, List<byte[]> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }
}
