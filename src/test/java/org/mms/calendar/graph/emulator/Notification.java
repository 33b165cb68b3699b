package org.mms.calendar.graph.emulator;

import java.time.Instant;

/**
 * One meeting update Exchange would send to the attendees: the organizer's copy of a meeting with attendees had its
 * body or extended properties changed through Graph. A series master and each exception are separate updates.
 *
 * @param upn      the organizer's mailbox
 * @param eventId  the master, single event or exception that changed
 * @param iCalUId  the meeting's UID as attendees know it
 * @param at       when the change was stored, by the emulator's clock
 */
public record Notification(String upn, String eventId, String iCalUId, Instant at) {
}
