package org.mms.calendar.caldav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mms.testing.CalendarResources.icsFixture;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mms.calendar.SplitCalendar;
import org.mms.ical.ContentLine;
import org.mms.ical.ContentLines;

class WholeCharacterFoldsTest {

    @Test
    void utf_8_bytes_are_sent_as_they_are() {
        byte[] data = SplitCalendar.of(icsFixture("teams-t2-en-dialin.ics")).resources().getFirst().data();

        assertThat(WholeCharacterFolds.of(data)).isSameAs(data);
    }

    @Test
    void folds_inside_characters_move_to_a_boundary_and_the_unfolded_lines_stay_the_same() throws Exception {
        byte[] data = SplitCalendar.of(icsFixture("unicode-fold-splits.ics")).resources().getFirst().data();
        assertThat(isUtf8(data)).as("the fixture splits characters").isFalse();

        byte[] sent = WholeCharacterFolds.of(data);

        assertThat(isUtf8(sent)).isTrue();
        assertThat(unfolded(sent)).isEqualTo(unfolded(data));
        assertThat(ContentLines.scan(sent)).allSatisfy(line -> assertThat(physicalLinesOf(line)).allSatisfy(
                l -> assertThat(l.length).isLessThanOrEqualTo(75)));
    }

    @Test
    void lines_that_need_no_change_keep_their_bytes_lf_endings_and_missing_last_line_ending() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("BEGIN:VCALENDAR\nX-KEPT:folded\n  here\nSUMMARY:Planung ".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(new byte[] {(byte) 0xf0, (byte) 0x9f, '\n', ' ', (byte) 0x8e, (byte) 0x89});
        out.writeBytes("\nEND:VCALENDAR".getBytes(StandardCharsets.UTF_8));

        byte[] sent = WholeCharacterFolds.of(out.toByteArray());

        assertThat(new String(sent, StandardCharsets.UTF_8))
                .isEqualTo("BEGIN:VCALENDAR\nX-KEPT:folded\n  here\nSUMMARY:Planung \uD83C\uDF89\nEND:VCALENDAR");
    }

    @Test
    void bytes_that_are_no_utf_8_even_unfolded_are_left_alone() {
        byte[] latin1 = "BEGIN:VCALENDAR\r\nSUMMARY:K\u00f6ln\r\nEND:VCALENDAR\r\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(WholeCharacterFolds.of(latin1)).isEqualTo(latin1);
    }

    private static List<String> unfolded(byte[] data) {
        return ContentLines.scan(data).stream().map(ContentLine::text).toList();
    }

    private static List<byte[]> physicalLinesOf(ContentLine line) {
        String raw = new String(line.buffer(), line.start(), line.contentEnd() - line.start(), StandardCharsets.ISO_8859_1);
        return Arrays.stream(raw.split("\r?\n")).map(s -> s.getBytes(StandardCharsets.ISO_8859_1)).toList();
    }

    private static boolean isUtf8(byte[] data) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(data));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
