package org.mms.migration;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.mms.block.BlockRenderer;
import org.mms.block.Coordinates;
import org.mms.block.RenderedBlock;
import org.mms.block.ShownCoordinates;
import org.mms.ical.Component;
import org.mms.ical.ComponentEditor;
import org.mms.ical.ContentLine;
import org.mms.ical.ContentLines;
import org.mms.ical.IcalFormatException;
import org.mms.ical.TextEscaping;
import org.mms.ical.TimeContext;
import org.mms.ical.TimeZones;

/**
 * Decides, for every component of one meeting (a single meeting, or a series' master and its
 * changed occurrences), whether it is migrated, left alone or cannot be migrated, and why; and for
 * those migrated, computes the byte edits. Pure: bytes and settings in, decisions and bytes out.
 */
public final class PlanMeeting {

    private static final DateTimeFormatter UTC_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final SelectionRules rules;
    private final Targets targets;
    private final Function<Coordinates, RenderedBlock> render;
    private final MeetingTimes times;

    /**
     * A planner for one calendar: {@code timezones} are its VTIMEZONE components (raw bytes by TZID),
     * {@code floatingZone} is where times without a zone are read.
     */
    public static PlanMeeting create(SelectionRules rules, CoordinatesTemplate target, Map<String, byte[]> timezones,
            ZoneId floatingZone) {
        return create(rules, Targets.all(target), timezones, floatingZone);
    }

    /** As {@link #create(SelectionRules, CoordinatesTemplate, Map, ZoneId)}, with settings per meeting type. */
    public static PlanMeeting create(SelectionRules rules, Targets targets, Map<String, byte[]> timezones, ZoneId floatingZone) {
        Map<String, String> definitions = new HashMap<>();
        timezones.forEach((tzid, bytes) -> definitions.put(tzid, unfolded(bytes)));
        TimeContext time = TimeContext.of(TimeZones.standard().withDefinitions(definitions), floatingZone);
        return new PlanMeeting(rules, targets, BlockRenderer::render, new IcalMeetingTimes(time));
    }

    private static String unfolded(byte[] component) {
        StringBuilder sb = new StringBuilder(component.length);
        for (ContentLine line : ContentLines.scan(component)) {
            sb.append(line.text()).append('\n');
        }
        return sb.toString();
    }

    PlanMeeting(SelectionRules rules, Targets targets, Function<Coordinates, RenderedBlock> render, MeetingTimes times) {
        this.rules = rules;
        this.targets = targets;
        this.render = render;
        this.times = times;
    }

    /** Plans one meeting: {@code components} are the raw VEVENTs sharing one UID, in input order. */
    public MeetingPlan plan(List<byte[]> components) {
        List<Parsed> parsed = new ArrayList<>(components.size());
        for (byte[] bytes : components) {
            parsed.add(Parsed.of(bytes));
        }
        String uid = parsed.getFirst().uid;

        // Changed occurrences first: each is judged by its own start, and the series' own
        // occurrences they replace are left out when asking whether the series has a future one.
        Set<Instant> overridden = new HashSet<>();
        boolean anyOverrideAhead = false;
        for (Parsed p : parsed) {
            if (p.event == null || p.recurrenceId.isEmpty()) {
                continue;
            }
            try {
                overridden.add(times.recurrenceId(p.event));
                p.start = Optional.of(times.start(p.event));
                p.ahead = p.start.get().isAfter(rules.now());
                anyOverrideAhead |= p.ahead;
            } catch (IcalFormatException e) {
                p.timeFailure = e.getMessage();
            }
        }
        // Every component without RECURRENCE-ID is a master (normally one; a duplicated export may have more).
        for (Parsed p : parsed) {
            if (p.event == null || p.recurrenceId.isPresent()) {
                continue;
            }
            try {
                Optional<Instant> next = times.nextStart(p.event, rules.now(), overridden);
                p.start = next.isPresent() ? next : Optional.of(times.start(p.event));
                p.ahead = next.isPresent() || anyOverrideAhead;
            } catch (IcalFormatException e) {
                p.timeFailure = e.getMessage();
            }
        }

        List<ComponentPlan> plans = new ArrayList<>(parsed.size());
        // A series and its changed occurrences usually carry the same HTML body: located once, replaced once.
        Bodies.HtmlFinds htmlFinds = new Bodies.HtmlFinds();
        for (Parsed p : parsed) {
            Outcome outcome = p.failure != null ? new Outcome.Failed(FailReason.INVALID_EVENT, p.failure) : decide(p, htmlFinds);
            plans.add(new ComponentPlan(p.uid, p.recurrenceId, p.summary, p.start, p.bytes, outcome));
        }
        return new MeetingPlan(uid, plans);
    }

    private Outcome decide(Parsed p, Bodies.HtmlFinds htmlFinds) {
        Component event = p.event;
        // Without ORGANIZER the event is the calendar owner's own appointment (Outlook writes none when
        // there are no attendees), so it counts as theirs.
        Optional<String> organizer = event.value("ORGANIZER");
        if (organizer.isPresent() && !rules.organizer().is(organizer.get())) {
            return new Outcome.Skipped(SkipReason.NOT_ORGANIZER, "organized by " + Organizer.normalize(organizer.get()));
        }
        if (event.value("STATUS").filter(s -> s.equalsIgnoreCase("CANCELLED")).isPresent()) {
            return new Outcome.Skipped(SkipReason.CANCELLED, "the meeting is cancelled");
        }
        OwnerEvidence evidence;
        Bodies located = null;
        if (OnlineMeetingProperties.writtenByAddIn(event)) {
            evidence = OwnerEvidence.addInProperties();
        } else {
            if (rules.addInPropertiesRequired() || !Bodies.hasFence(event)) {
                return new Outcome.Skipped(SkipReason.NO_ONLINE_MEETING, Bodies.hasFence(event)
                        ? "the body shows an online-meeting block, but the meeting carries none of the add-in's properties, which this run requires"
                        : "not an online meeting");
            }
            // No properties (an Outlook export keeps none): the block itself must show it is the organizer's.
            located = Bodies.locate(event, Optional.empty(), htmlFinds);
            switch (ownershipShownBy(event, located)) {
                case Ownership.NotShown(String why) -> {
                    return new Outcome.Skipped(SkipReason.NO_ONLINE_MEETING, why);
                }
                case Ownership.Owned(OwnerEvidence shown) -> evidence = shown;
            }
        }
        if (p.timeFailure != null) {
            return new Outcome.Failed(FailReason.INVALID_EVENT, p.timeFailure);
        }
        if (!p.ahead) {
            String when = p.start.map(UTC_STAMP::format).map(s -> " (" + s + ")").orElse("");
            return p.recurrenceId.isPresent()
                    ? new Outcome.Skipped(SkipReason.PAST_OVERRIDE, "this occurrence has started" + when + "; it stays as it was")
                    : new Outcome.Skipped(SkipReason.PAST, "every occurrence has started" + when);
        }
        int people = Attendees.countWithOrganizer(event);
        if (people > rules.attendeeLimit()) {
            return new Outcome.Skipped(SkipReason.TOO_MANY_ATTENDEES,
                    people + " attendees including the organizer; the limit is " + rules.attendeeLimit());
        }
        Optional<String> ownLink = OnlineMeetingProperties.joinLink(event);
        Bodies bodies = located != null ? located : Bodies.locate(event, ownLink, htmlFinds);
        if (bodies.outcome().isPresent()) {
            return bodies.outcome().get();
        }
        if (!rules.sourceTypes().contains(bodies.type())) {
            return new Outcome.Skipped(SkipReason.SOURCE_TYPE, "a " + bodies.type() + " meeting; this run selects "
                    + rules.sourceTypes());
        }
        Optional<CoordinatesTemplate> target = targets.forSource(bodies.type());
        if (target.isEmpty()) {
            return new Outcome.Failed(FailReason.NO_COORDINATES, "the organizer's settings give no coordinates for "
                    + bodies.type() + " meetings");
        }
        Optional<String> currentLink = ownLink.or(bodies::firstJoinLink);
        CoordinatesTemplate.Resolution resolution = target.get().forMeeting(new CoordinatesTemplate.Meeting(p.uid, bodies.type(),
                currentLink, rules.organizer().address()));
        if (resolution instanceof CoordinatesTemplate.Resolution.Missing(String why)) {
            return new Outcome.Failed(FailReason.NO_COORDINATES, why);
        }
        // A change replaces what it changed: the same Teams meeting keeps its own ID, passcode and pages.
        Coordinates coordinates = bodies.meetingDetails().keptIn(
                ((CoordinatesTemplate.Resolution.Resolved) resolution).coordinates(), currentLink);
        RenderedBlock rendered = render.apply(coordinates);
        if (bodies.alreadyShows(coordinates, rendered) && ownLink.map(l -> l.equals(coordinates.joinUrl().toString())).orElse(true)) {
            return new Outcome.Unchanged("already shows the target coordinates", evidence);
        }
        return rewrite(p, bodies, coordinates, rendered, evidence);
    }

    /**
     * Whose meeting the block shows; when the block cannot be located (its failure is reported once the
     * meeting is known to be the organizer's), what the whole plain-text body shows decides.
     */
    private Ownership ownershipShownBy(Component event, Bodies located) {
        if (located.outcome().isEmpty()) {
            return ProveOwnership.of(rules.organizer(), located.links(), located.digitGroups());
        }
        ShownCoordinates shown = Bodies.shownInPlainText(event);
        return ProveOwnership.of(rules.organizer(), shown.links(), shown.digitGroups());
    }

    private Outcome rewrite(Parsed p, Bodies bodies, Coordinates coordinates, RenderedBlock rendered, OwnerEvidence evidence) {
        ComponentEditor editor = new ComponentEditor(p.event);
        Optional<Outcome> refused = bodies.replace(editor, rendered);
        if (refused.isPresent()) {
            return refused.get();
        }
        OnlineMeetingProperties.update(editor, p.event, bodies.type(), coordinates, rules.organizer().address(), bodies.links());
        if (editor.edits().isEmpty() || sameContentLines(p.bytes, editor.apply())) {
            return new Outcome.Unchanged("already up to date", evidence);
        }
        Optional<Outcome> bad = bumpSequenceAndStamps(editor, p.event);
        if (bad.isPresent()) {
            return bad.get();
        }
        return new Outcome.Migrated(editor.apply(), editor.edits(), bodies.oldBlockText(), rendered.text(), bodies.htmlBlocks(rendered),
                bodies.type(), coordinates.type(), evidence);
    }

    /**
     * Whether two versions of a component say the same thing line by line, folding aside: edits that set each value
     * to what it was and put back the lines they took out (the CONFERENCE lines are always replaced whole) change
     * nothing, and no update is owed. It matters where what the old block shows cannot tell that it already is the
     * target's.
     */
    private static boolean sameContentLines(byte[] before, byte[] after) {
        List<ContentLine> was = ContentLines.scan(before);
        List<ContentLine> now = ContentLines.scan(after);
        if (was.size() != now.size()) {
            return false;
        }
        for (int i = 0; i < was.size(); i++) {
            if (!Arrays.equals(was.get(i).unfolded(), now.get(i).unfolded())) {
                return false;
            }
        }
        return true;
    }

    /**
     * SEQUENCE goes up by one (from 0 when absent) so attendees' clients take the update; DTSTAMP and
     * LAST-MODIFIED say when; Exchange's own copy of the sequence follows SEQUENCE.
     */
    private Optional<Outcome> bumpSequenceAndStamps(ComponentEditor editor, Component event) {
        int sequence;
        try {
            sequence = event.value("SEQUENCE").map(String::strip).map(Integer::parseInt).orElse(0) + 1;
        } catch (NumberFormatException e) {
            return Optional.of(new Outcome.Failed(FailReason.INVALID_EVENT, "SEQUENCE is not a number: " + event.value("SEQUENCE").orElse("")));
        }
        String now = UTC_STAMP.format(rules.now());
        event.first("SEQUENCE").ifPresentOrElse(l -> editor.replaceValue(l, Integer.toString(sequence)),
                () -> editor.addLine("SEQUENCE:" + sequence));
        event.first("X-MICROSOFT-CDO-APPT-SEQUENCE").ifPresent(l -> editor.replaceValue(l, Integer.toString(sequence)));
        event.first("DTSTAMP").ifPresentOrElse(l -> editor.replaceValue(l, now), () -> editor.addLine("DTSTAMP:" + now));
        event.first("LAST-MODIFIED").ifPresent(l -> editor.replaceValue(l, now));
        return Optional.empty();
    }

    /** One component, read once: the facts every decision about it uses. */
    private static final class Parsed {
        final byte[] bytes;
        Component event;
        String uid = "";
        Optional<String> recurrenceId = Optional.empty();
        String summary = "";
        Optional<Instant> start = Optional.empty();
        boolean ahead;
        /** The component cannot be read at all. */
        String failure;
        /** Its times cannot be read: only matters once it is known to be the organizer's online meeting. */
        String timeFailure;

        private Parsed(byte[] bytes) {
            this.bytes = bytes;
        }

        static Parsed of(byte[] bytes) {
            Parsed p = new Parsed(bytes);
            try {
                p.event = Component.parse(bytes);
                p.uid = p.event.value("UID").orElse("");
                p.recurrenceId = p.event.value("RECURRENCE-ID");
                p.summary = p.event.value("SUMMARY").map(TextEscaping::unescape).orElse("");
            } catch (IcalFormatException e) {
                p.failure = e.getMessage();
            }
            return p;
        }
    }
}
