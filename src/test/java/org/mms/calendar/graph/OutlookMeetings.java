package org.mms.calendar.graph;

import java.util.List;
import org.mms.calendar.CalendarObject;
import org.mms.calendar.SplitCalendar;
import org.mms.calendar.graph.emulator.GraphEmulator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A calendar file's meetings put straight into an emulated mailbox as Outlook would have left them there: each series
 * master or single meeting created with the UID it has, each override made an exception of its occurrence, the
 * add-in's properties as Exchange keeps them, and none of the names MMS gives the meetings it creates itself. No
 * request goes over HTTP, so a benchmark fills thousands of meetings in seconds and then measures only the migration.
 */
public final class OutlookMeetings {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OutlookMeetings() {
    }

    /** The meetings stored, and those Graph could not be given (what they would lose is said by {@link ComposeNewEvent}). */
    public record Stored(int meetings, int refused) {
    }

    public static Stored store(GraphEmulator graph, String upn, byte[] calendar) {
        int meetings = 0;
        int refused = 0;
        for (CalendarObject resource : SplitCalendar.of(calendar).resources()) {
            List<IcalEvent> events = IcalEvent.readAll(resource.data());
            IcalEvent master = events.stream().filter(e -> e.recurrenceId().isEmpty()).findFirst().orElse(null);
            if (master == null) {
                refused++;
                continue;
            }
            ObjectNode event;
            try {
                event = ComposeNewEvent.event(master, resource.ref().href(), JSON);
            } catch (IllegalArgumentException lost) {
                refused++;
                continue;
            }
            // Outlook's meetings carry none of MMS's own names: they are named by their id, as in a real mailbox.
            event.withArray("singleValueExtendedProperties").removeIf(p -> p.path("id").asString().equals(ImportedNames.RESOURCE_NAME)
                    || p.path("id").asString().equals(ImportedNames.UID));
            String id = graph.createEvent(upn, event.toString(), master.uid());
            for (IcalEvent override : events) {
                if (override.recurrenceId().isPresent()) {
                    graph.addException(upn, id, override.recurrenceId().get(), ComposeNewEvent.override(override, JSON).toString());
                }
            }
            meetings++;
        }
        return new Stored(meetings, refused);
    }
}
