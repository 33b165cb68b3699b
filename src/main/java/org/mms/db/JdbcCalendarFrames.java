package org.mms.db;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.mms.calendar.CalendarFrame;
import org.mms.calendar.CalendarFrames;
import org.mms.calendar.Mailbox;

/** Calendar frames as rows of {@code calendar_frame}, one per mailbox; the UIDs one per line (a UID holds no line break). */
public final class JdbcCalendarFrames implements CalendarFrames {

    private final Jdbi jdbi;
    private final Clock clock;

    /** @param clock stamps {@code imported_at} */
    public JdbcCalendarFrames(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void save(Mailbox mailbox, CalendarFrame frame) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM calendar_frame WHERE tenant_id = :tenant AND user_id = :user")
                    .bind("tenant", mailbox.tenant().value()).bind("user", mailbox.user().value()).execute();
            h.createUpdate("INSERT INTO calendar_frame (tenant_id, user_id, head, tail, uids, imported_at)"
                            + " VALUES (:tenant, :user, :head, :tail, :uids, :at)")
                    .bind("tenant", mailbox.tenant().value()).bind("user", mailbox.user().value())
                    .bind("head", frame.head()).bind("tail", frame.tail())
                    .bind("uids", String.join("\n", frame.uids()).getBytes(UTF_8))
                    .bind("at", clock.instant()).execute();
        });
    }

    @Override
    public Optional<CalendarFrame> of(Mailbox mailbox) {
        return jdbi.withHandle(h -> h.createQuery("SELECT head, tail, uids FROM calendar_frame WHERE tenant_id = :tenant AND user_id = :user")
                .bind("tenant", mailbox.tenant().value()).bind("user", mailbox.user().value())
                .map((rs, ctx) -> {
                    String uids = new String(rs.getBytes("uids"), UTF_8);
                    return new CalendarFrame(rs.getBytes("head"), rs.getBytes("tail"), uids.isEmpty() ? List.of() : List.of(uids.split("\n", -1)));
                })
                .findOne());
    }
}
