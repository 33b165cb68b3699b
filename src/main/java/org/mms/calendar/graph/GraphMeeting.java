package org.mms.calendar.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One meeting as the engine sees a calendar resource: a single event, or a series master with the exceptions the
 * store read with it. Occurrences Exchange derives from the master are never members: they change when the master does.
 */
record GraphMeeting(GraphEvent first, List<GraphEvent> exceptions) {

    GraphMeeting {
        Objects.requireNonNull(first, "first");
        exceptions = List.copyOf(exceptions);
    }

    /** The master (or single event) first, then the exceptions. */
    List<GraphEvent> members() {
        List<GraphEvent> all = new ArrayList<>(exceptions.size() + 1);
        all.add(first);
        all.addAll(exceptions);
        return all;
    }

    /** The UID the resource shows: the one a calendar file gave when MMS created the meeting, else Exchange's iCalUId. */
    String uid() {
        return first.property(ImportedNames.UID).orElse(first.iCalUId());
    }

    Optional<GraphEvent> member(String id) {
        return members().stream().filter(e -> e.id().equals(id)).findFirst();
    }
}
