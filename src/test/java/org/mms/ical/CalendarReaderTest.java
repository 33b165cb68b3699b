package org.mms.ical;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalendarReaderTest {

    private static final String CALENDAR = "BEGIN:VCALENDAR\r\nPRODID:-//x//y\r\nVERSION:2.0\r\n"
            + "BEGIN:VTIMEZONE\r\nTZID:W. Europe Standard Time\r\nBEGIN:STANDARD\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
            + "BEGIN:VEVENT\r\nUID:1\r\nSUMMARY:a long\r\n  folded summary\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\nEND:VALARM\r\nEND:VEVENT\r\n"
            + "END:VCALENDAR\r\n";

    private static List<CalendarReader.Item> readAll(InputStream in) {
        CalendarReader reader = new CalendarReader(in);
        List<CalendarReader.Item> items = new ArrayList<>();
        for (CalendarReader.Item item = reader.next(); item != null; item = reader.next()) {
            items.add(item);
        }
        return items;
    }

    @Test
    void yields_calendar_lines_and_whole_components_whose_bytes_rebuild_the_input() {
        List<CalendarReader.Item> items = readAll(new ByteArrayInputStream(CALENDAR.getBytes(UTF_8)));

        assertThat(items).extracting(i -> i.getClass().getSimpleName()).containsExactly(
                "CalendarBegin", "CalendarProperty", "CalendarProperty", "TopComponent", "TopComponent", "CalendarEnd");
        assertThat(((CalendarReader.TopComponent) items.get(4)).name()).isEqualTo("VEVENT");
        assertThat(items.get(4).firstLine()).isEqualTo(10);
        assertThat(concat(items)).isEqualTo(CALENDAR.getBytes(UTF_8));
    }

    @Test
    void reads_the_same_items_when_the_stream_hands_out_one_byte_at_a_time() {
        byte[] bytes = CALENDAR.getBytes(UTF_8);
        InputStream trickle = new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };

        assertThat(concat(readAll(trickle))).isEqualTo(bytes);
    }

    @Test
    void reads_a_calendar_in_memory_into_the_same_items_as_from_a_stream_and_leaves_the_array_as_it_was() {
        byte[] bytes = (CALENDAR + "\r\n" + CALENDAR.replace("\r\n", "\n")).getBytes(UTF_8);
        byte[] untouched = bytes.clone();

        List<CalendarReader.Item> inPlace = new ArrayList<>();
        CalendarReader reader = CalendarReader.of(bytes);
        for (CalendarReader.Item item = reader.next(); item != null; item = reader.next()) {
            inPlace.add(item);
        }

        assertThat(inPlace).usingRecursiveFieldByFieldElementComparator()
                .containsExactlyElementsOf(readAll(new ByteArrayInputStream(bytes)));
        assertThat(concat(inPlace)).isEqualTo(untouched);
        assertThat(bytes).isEqualTo(untouched);
    }

    @Test
    void keeps_a_byte_order_mark_and_a_missing_final_line_ending() {
        byte[] bytes = ContentLinesTest.concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf},
                "BEGIN:VCALENDAR\nEND:VCALENDAR".getBytes(UTF_8));

        assertThat(concat(readAll(new ByteArrayInputStream(bytes)))).isEqualTo(bytes);
    }

    @Test
    void refuses_input_that_is_not_icalendar() {
        assertThatThrownBy(() -> readAll(new ByteArrayInputStream("<html><body>hi</body></html>\n".getBytes(UTF_8))))
                .isInstanceOf(IcalFormatException.class).hasMessageContaining("not iCalendar");
    }

    @Test
    void names_the_component_that_never_ends() {
        String cut = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:abc-1\r\nSUMMARY:x\r\n";

        assertThatThrownBy(() -> readAll(new ByteArrayInputStream(cut.getBytes(UTF_8))))
                .isInstanceOf(IcalFormatException.class)
                .hasMessageContaining("VEVENT").hasMessageContaining("abc-1").hasMessageContaining("line 2");
    }

    private static byte[] concat(List<CalendarReader.Item> items) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        items.forEach(i -> out.writeBytes(i.bytes()));
        return out.toByteArray();
    }
}
