package org.mms.calendar;

import java.util.Optional;

/** The frame of the calendar last imported into each mailbox, kept beside the store whatever the store is. */
public interface CalendarFrames {

    /** Keeps {@code frame} for {@code mailbox}, replacing the one an earlier import left. */
    void save(Mailbox mailbox, CalendarFrame frame);

    /** The frame of the mailbox's last import, if it had one. */
    Optional<CalendarFrame> of(Mailbox mailbox);
}
