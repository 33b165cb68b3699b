package org.mms.migration;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mms.calendar.CalendarStore;
import org.mms.calendar.Mailbox;
import org.mms.itip.ItipRequest;

/**
 * What a migration would do, read from the calendar store and changing nothing: every stored meeting of the organizer
 * planned as {@link MigrateOrganizer} plans it (through {@link PlanOrganizer}), counted as it counts them. It assumes
 * every write succeeds; a meeting someone changes between the preview and the migration is planned again then.
 */
public final class PreviewMigration {

    private static final int BATCH = 200;

    private final CalendarStore store;
    private final Clock clock;

    public PreviewMigration(CalendarStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * One component of a previewed meeting (a meeting, or one changed occurrence of a series), or a stored resource that
     * cannot be planned (then {@code uid} is empty and the outcome a failure).
     *
     * @param attendees how many attendees the update for its meeting goes to; 0 when it is not updated
     */
    public record MeetingPreview(String href, String uid, Optional<String> recurrenceId, String summary, Optional<Instant> start,
            Outcome outcome, int attendees) {
    }

    /**
     * @param counts    what {@code Get-CsMeetingMigrationStatus} would show once the migration ran
     * @param updated   meetings (UIDs) that would be changed and get an update
     * @param attendees attendees, counted per update, who would receive one
     */
    public record Preview(MigrateOrganizer.Result counts, int updated, int attendees, List<MeetingPreview> meetings) {
        public Preview {
            meetings = List.copyOf(meetings);
        }
    }

    public Preview preview(MigrateOrganizer.Request request) {
        Instant now = clock.instant();
        Mailbox mailbox = new Mailbox(request.tenant().id(), request.user().id());
        PlanOrganizer planner = PlanOrganizer.of(request, now);
        boolean serverSends = store.schedulesForAttendees(mailbox);
        boolean eachEventApart = serverSends && store.sendsEachEventApart(mailbox);
        MigrateOrganizer.Tally tally = new MigrateOrganizer.Tally();
        List<MeetingPreview> meetings = new ArrayList<>();
        int[] updatedAndAttendees = new int[2];
        store.forEachCandidate(mailbox, now, now.plus(MigrateOrganizer.HORIZON), BATCH, resource -> {
            String href = resource.ref().href();
            switch (planner.plan(resource.data())) {
                case PlanOrganizer.Planned.Unplannable u -> {
                    tally.failed(href, u.why());
                    meetings.add(new MeetingPreview(href, "", Optional.empty(), "", Optional.empty(),
                            new Outcome.Failed(FailReason.INVALID_EVENT, u.why()), 0));
                }
                case PlanOrganizer.Planned.Plan p -> {
                    ResourcePlan plan = p.plan();
                    tally.count(plan, plan.changed());
                    tally.invites += MigrateOrganizer.updatesSent(serverSends, eachEventApart, plan);
                    for (MeetingPlan meeting : plan.meetings()) {
                        int attendees = attendeesOf(plan.updates(), meeting);
                        if (meeting.changed()) {
                            updatedAndAttendees[0]++;
                            updatedAndAttendees[1] += attendees;
                        }
                        for (ComponentPlan c : meeting.components()) {
                            meetings.add(new MeetingPreview(href, c.uid(), c.recurrenceId(), c.summary(), c.start(), c.outcome(),
                                    c.migrated() ? attendees : 0));
                        }
                    }
                }
            }
        });
        return new Preview(tally.result(), updatedAndAttendees[0], updatedAndAttendees[1], meetings);
    }

    private static int attendeesOf(List<ItipRequest> updates, MeetingPlan meeting) {
        return updates.stream().filter(u -> u.uid().equals(meeting.uid())).mapToInt(u -> u.attendees().size()).sum();
    }
}
