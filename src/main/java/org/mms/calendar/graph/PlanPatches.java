package org.mms.calendar.graph;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What writing a resource means on Graph: for each of the meeting's events, the PATCH that brings its HTML body and
 * the add-in's properties to what the resource says, or none when they already are. MMS edits the online-meeting
 * block and nothing else, so a resource that changes anything else Exchange keeps (times, recurrence, subject,
 * attendees, cancellation) is refused: Exchange would keep the old values and the caller would believe otherwise.
 * SEQUENCE, DTSTAMP and LAST-MODIFIED are Exchange's own and ignored. Of the lines Graph has no place for, those of
 * the block (RFC 7986 CONFERENCE) go into a property of MMS's own on the event ({@link KeptLines}); the others
 * (LOCATION, DESCRIPTION) are ignored. Each PATCH also records the hash of the resource it is part of
 * ({@link #WRITTEN_HASH}), so that a write whose answer was lost can be recognized. Pure.
 */
final class PlanPatches {

    /** One PATCH: the event, the version it is conditional on, and its body. */
    record Patch(GraphEvent event, ObjectNode body) {
    }

    /**
     * The {@link org.mms.calendar.ResourceHash} of the last resource MMS wrote to the event: written with every PATCH,
     * read by {@link GraphCalendarStore#holds}. Exchange renders a meeting its own way (its HTML, no SEQUENCE of
     * ours), so the bytes read back never hash to what was written; the event remembers instead.
     */
    static final String WRITTEN_HASH = "String " + ImportedNames.MMS_SET + " Name MmsWrittenHash";

    private PlanPatches() {
    }

    /**
     * @param writtenHash the hash of the resource {@code wanted} was read from
     * @throws IllegalArgumentException naming the first change Graph cannot be given
     */
    static List<Patch> of(GraphMeeting current, List<IcalEvent> wanted, String writtenHash, JsonMapper json) {
        List<Patch> patches = new ArrayList<>();
        Set<String> matched = new HashSet<>();
        for (IcalEvent w : wanted) {
            GraphEvent event = memberFor(current, w);
            if (!matched.add(event.id())) {
                throw new IllegalArgumentException("the resource holds two events for the same " + describe(w));
            }
            refuseOtherChanges(event, w, current.first().recurrence().flatMap(TranslateRecurrence::zoneOf));
            patchFor(event, w, writtenHash, json).ifPresent(body -> patches.add(new Patch(event, body)));
        }
        for (GraphEvent member : current.members()) {
            if (!matched.contains(member.id())) {
                throw new IllegalArgumentException("the resource leaves out the " + (member.isException() ? "exception at "
                        + member.originalStart().orElse(Instant.EPOCH) : "master") + " Exchange holds; MMS does not delete events");
            }
        }
        return patches;
    }

    private static GraphEvent memberFor(GraphMeeting current, IcalEvent w) {
        if (w.recurrenceId().isEmpty()) {
            return current.first();
        }
        for (GraphEvent e : current.exceptions()) {
            if (e.originalStart().equals(w.recurrenceId())) {
                return e;
            }
        }
        throw new IllegalArgumentException("the resource has an override for " + w.recurrenceId().get()
                + " that Exchange does not hold as an exception; MMS does not make exceptions");
    }

    private static void refuseOtherChanges(GraphEvent e, IcalEvent w, Optional<ZoneId> seriesZone) {
        List<String> changed = new ArrayList<>();
        if (!e.subject().equals(w.summary())) {
            changed.add("SUMMARY");
        }
        if (!sameTime(e.start(), w.start(), e.isAllDay() || w.allDay())) {
            changed.add("DTSTART");
        }
        if (!sameTime(e.end(), w.end(), e.isAllDay() || w.allDay())) {
            changed.add("DTEND");
        }
        if (e.isCancelled() != w.cancelled()) {
            changed.add("STATUS");
        }
        Set<String> attendees = new LinkedHashSet<>();
        e.attendees().forEach(a -> attendees.add(a.person().address().toLowerCase(Locale.ROOT)));
        if (!attendees.equals(w.attendeeAddresses())) {
            changed.add("ATTENDEE");
        }
        Optional<String> rule = e.recurrence().map(r -> TranslateRecurrence.toRrule(r, seriesZone.orElse(ZoneOffset.UTC)));
        if (!sameRule(rule, w.rrule())) {
            changed.add("RRULE");
        }
        if (!changed.isEmpty()) {
            throw new IllegalArgumentException("on Exchange Online MMS changes only the online-meeting block (the HTML body and the "
                    + "add-in's properties); this write also changes " + String.join(", ", changed) + " of " + describe(w));
        }
    }

    private static boolean sameTime(Instant a, Instant b, boolean allDay) {
        // An all-day event's midnight depends on the zone it is read in; its date is what counts.
        return allDay ? Math.abs(a.getEpochSecond() - b.getEpochSecond()) < 24 * 3600 : a.equals(b);
    }

    /**
     * Whether two RRULEs describe the same series as far as Graph keeps one: frequency, interval, days, count.
     * UNTIL is left out, since Graph keeps only its date; WKST too, since it changes nothing for these rules.
     */
    static boolean sameRule(Optional<String> a, Optional<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() && b.isEmpty();
        }
        Map<String, String> x = parts(a.get());
        Map<String, String> y = parts(b.get());
        for (String name : List.of("FREQ", "INTERVAL", "COUNT", "BYMONTH", "BYMONTHDAY", "BYSETPOS")) {
            if (!x.get(name).equals(y.get(name))) {
                return false;
            }
        }
        return !x.containsKey("BYDAY") || !y.containsKey("BYDAY") || x.get("BYDAY").equals(y.get("BYDAY"));
    }

    private static Map<String, String> parts(String rule) {
        Map<String, String> parts = new TreeMap<>();
        for (String part : rule.strip().toUpperCase(Locale.ROOT).split(";")) {
            int equals = part.indexOf('=');
            if (equals > 0) {
                parts.put(part.substring(0, equals), part.substring(equals + 1));
            }
        }
        parts.putIfAbsent("INTERVAL", "1");
        for (String name : List.of("COUNT", "BYMONTH", "BYMONTHDAY", "BYSETPOS", "FREQ")) {
            parts.putIfAbsent(name, "");
        }
        parts.computeIfPresent("BYDAY", (k, v) -> String.join(",", new java.util.TreeSet<>(List.of(v.split(",")))));
        return parts;
    }

    private static Optional<ObjectNode> patchFor(GraphEvent e, IcalEvent w, String writtenHash, JsonMapper json) {
        ObjectNode body = json.createObjectNode();
        if (w.htmlBody().isPresent()) {
            String content = KeepLineBreaks.splice(e.body(), w.htmlBody().get());
            if (!content.equals(e.body())) {
                ObjectNode b = body.putObject("body");
                b.put("contentType", "html");
                b.put("content", content);
            }
        }
        ArrayNode properties = json.createArrayNode();
        for (AddInProperties p : AddInProperties.ALL) {
            Optional<String> now = e.property(p.graphId());
            Optional<String> then = Optional.ofNullable(w.addIn().get(p.icalName())).filter(v -> !v.isBlank());
            if (!now.equals(then)) {
                // Graph cannot remove an extended property; an empty one reads as absent.
                ObjectNode property = properties.addObject();
                property.put("id", p.graphId());
                property.put("value", then.orElse(""));
            }
        }
        String kept = KeptLines.value(w.keptLines());
        if (!e.property(KeptLines.PROPERTY).orElse("").equals(kept)) {
            ObjectNode property = properties.addObject();
            property.put("id", KeptLines.PROPERTY);
            property.put("value", kept);
        }
        if (properties.isEmpty() && body.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode stamp = properties.addObject();
        stamp.put("id", WRITTEN_HASH);
        stamp.put("value", writtenHash);
        body.set("singleValueExtendedProperties", properties);
        return Optional.of(body);
    }

    private static String describe(IcalEvent w) {
        return w.recurrenceId().map(r -> "occurrence " + r).orElse("meeting") + " (UID " + w.uid() + ")";
    }
}
