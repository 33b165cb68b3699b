package org.mms.db;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mms.calendar.CalendarFrame;
import org.mms.calendar.CalendarFrames;
import org.mms.calendar.Mailbox;
import org.mms.directory.TenantId;
import org.mms.directory.UserId;

/** A calendar frame comes back byte for byte, per mailbox, the last one saved. */
abstract class CalendarFramesContract {

    protected abstract CalendarFrames frames();

    @Test
    void a_frame_comes_back_byte_for_byte_for_its_mailbox_only_and_a_later_import_replaces_it() {
        Mailbox alice = new Mailbox(new TenantId("t-" + UUID.randomUUID()), new UserId(UUID.randomUUID().toString()));
        Mailbox bob = new Mailbox(alice.tenant(), new UserId(UUID.randomUUID().toString()));
        Mailbox otherTenants = new Mailbox(new TenantId("t-" + UUID.randomUUID()), alice.user());
        byte[] head = "BEGIN:VCALENDAR\r\nMETHOD:PUBLISH\r\nX-WR-CALNAME:K\u00e4lender \u00e9t\u00e9\r\n".getBytes(UTF_8);
        CalendarFrame first = new CalendarFrame(head, "END:VCALENDAR\n".getBytes(UTF_8), List.of("uid-2", "uid-1@x"));

        frames().save(alice, first);

        assertThat(frames().of(alice)).get().satisfies(f -> {
            assertThat(f.head()).isEqualTo(head);
            assertThat(f.tail()).isEqualTo("END:VCALENDAR\n".getBytes(UTF_8));
            assertThat(f.uids()).containsExactly("uid-2", "uid-1@x");
        });
        assertThat(frames().of(bob)).isEmpty();
        assertThat(frames().of(otherTenants)).isEmpty();

        frames().save(alice, new CalendarFrame("BEGIN:VCALENDAR\r\n".getBytes(UTF_8), "END:VCALENDAR\r\n".getBytes(UTF_8), List.of()));

        assertThat(frames().of(alice)).get().satisfies(f -> {
            assertThat(f.head()).isEqualTo("BEGIN:VCALENDAR\r\n".getBytes(UTF_8));
            assertThat(f.uids()).isEmpty();
        });
    }
}
