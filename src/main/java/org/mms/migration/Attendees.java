package org.mms.migration;

import java.util.HashSet;
import java.util.Set;
import org.mms.ical.Component;
import org.mms.ical.ContentLine;

/** Counting the people a meeting invites, the way the attendee limit counts them. */
final class Attendees {

    private Attendees() {
    }

    /** Distinct attendee addresses, plus the organizer when not listed among them. */
    static int countWithOrganizer(Component event) {
        Set<String> people = new HashSet<>();
        for (ContentLine line : event.all("ATTENDEE")) {
            people.add(Organizer.normalize(line.property().value()));
        }
        event.value("ORGANIZER").ifPresent(o -> people.add(Organizer.normalize(o)));
        return people.size();
    }
}
