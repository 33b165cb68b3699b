package org.mms.migration;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mms.ical.CalendarReader;
import org.mms.ical.Component;
import org.mms.ical.IcalFormatException;

/**
 * Whether a stored calendar resource shows the blocks an interrupted write meant to write: how the write is recognized
 * on a store that gives back its own rendering of what it was given (a CalDAV server orders, folds and escapes lines
 * its own way), whose bytes never hash to those written. Every component the write migrated must be there and its
 * block show what the new block shows (the same numbers and IDs, and its links), read as the engine reads blocks: the
 * block meant, not the organizer's settings of today, which may have changed since. Pure.
 */
final class RecognizeWrittenBlocks {

    private RecognizeWrittenBlocks() {
    }

    static boolean in(byte[] resource, List<MigrationJournal.MeantBlock> meant) {
        if (meant.isEmpty()) {
            return false;
        }
        try {
            Map<List<Object>, Component> events = new HashMap<>();
            CalendarReader reader = CalendarReader.of(resource);
            for (CalendarReader.Item item = reader.next(); item != null; item = reader.next()) {
                if (item instanceof CalendarReader.TopComponent c && c.name().equals("VEVENT")) {
                    Component event = Component.parse(c.bytes());
                    events.putIfAbsent(key(event.value("UID").orElse(""), event.value("RECURRENCE-ID")), event);
                }
            }
            for (MigrationJournal.MeantBlock block : meant) {
                Component event = events.get(key(block.uid(), block.recurrenceId()));
                if (event == null) {
                    return false;
                }
                Bodies bodies = Bodies.locate(event, OnlineMeetingProperties.joinLink(event), new Bodies.HtmlFinds());
                if (bodies.outcome().isPresent() || !bodies.showsBlock(block.text())) {
                    return false;
                }
            }
            return true;
        } catch (IcalFormatException unreadable) {
            return false;
        }
    }

    private static List<Object> key(String uid, Optional<String> recurrenceId) {
        return List.of(uid, recurrenceId);
    }
}
