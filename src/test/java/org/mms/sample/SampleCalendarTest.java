package org.mms.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mms.ical.CalendarReader;

class SampleCalendarTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private static byte[] calendar(long seed, int meetings) throws IOException {
        SampleCalendar sample = new SampleCalendar("alice@contoso.com", "Alice Smith", NOW, seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sample.writeHeader(out);
        for (int i = 0; i < meetings; i++) {
            sample.writeMeeting(out, sample.nextKind());
        }
        sample.writeFooter(out);
        return out.toByteArray();
    }

    @Test
    void the_same_seed_writes_the_same_bytes_and_another_seed_other_ones() throws IOException {
        assertThat(calendar(42, 50)).isEqualTo(calendar(42, 50)).isNotEqualTo(calendar(43, 50));
    }

    @Test
    void writes_readable_icalendar_with_invitations_of_a_few_kilobytes() throws IOException {
        CalendarReader reader = new CalendarReader(new ByteArrayInputStream(calendar(7, 200)));
        List<Integer> sizes = new ArrayList<>();
        for (CalendarReader.Item item = reader.next(); item != null; item = reader.next()) {
            if (item instanceof CalendarReader.TopComponent c && c.name().equals("VEVENT")) {
                sizes.add(c.bytes().length);
            }
        }
        double average = sizes.stream().mapToInt(Integer::intValue).average().orElseThrow();
        assertThat(sizes.size()).isGreaterThan(200);
        assertThat(average).isBetween(2000.0, 6500.0);
    }
}
