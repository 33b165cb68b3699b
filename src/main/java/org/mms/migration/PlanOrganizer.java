package org.mms.migration;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.Set;
import org.mms.ical.IcalFormatException;

/**
 * How one migration request plans the organizer's stored meetings: the selection rules and targets it implies at a
 * moment, and the plan of each stored resource. Migrating ({@link MigrateOrganizer}) and previewing
 * ({@link PreviewMigration}) both plan through here, so a preview shows what the migration will do.
 */
final class PlanOrganizer {

    /** The plan of one stored resource, or why it has none. */
    sealed interface Planned {
        record Plan(ResourcePlan plan) implements Planned {
        }

        /** The resource cannot be planned: it fails as a whole, and the organizer's other meetings go on. */
        record Unplannable(String why) implements Planned {
        }
    }

    private final SelectionRules rules;
    private final Targets targets;

    private PlanOrganizer(SelectionRules rules, Targets targets) {
        this.rules = rules;
        this.targets = targets;
    }

    static PlanOrganizer of(MigrateOrganizer.Request request, Instant now) {
        var user = request.user();
        Set<String> aliases = new LinkedHashSet<>(user.aliases());
        aliases.add(user.upn());
        // What the organizer's own blocks show of them, for meetings without the add-in's properties.
        Set<String> conferenceIds = new LinkedHashSet<>();
        user.audio().conferenceId().filter(id -> Organizer.conferenceIdProblem(id).isEmpty()).ifPresent(conferenceIds::add);
        Organizer organizer = new Organizer(user.sipAddress(), aliases, user.objectId().map(Set::of).orElse(Set.of()), conferenceIds);
        SelectionRules rules = new SelectionRules(organizer, now, request.tenant().settings().attendeeLimit(), request.type().sources(),
                request.tenant().settings().requireAddInProperties());
        return new PlanOrganizer(rules, OrganizerTargets.of(request.tenant(), user, request.bridge(), request.type()));
    }

    Planned plan(byte[] resource) {
        try {
            return new Planned.Plan(ResourcePlan.of(resource, rules, targets, ZoneOffset.UTC));
        } catch (IcalFormatException e) {
            return new Planned.Unplannable("the stored meeting cannot be read: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            // A value the update cannot carry (an address or a name no mail header can hold).
            return new Planned.Unplannable("the update for this meeting cannot be composed: " + e.getMessage());
        }
    }
}
