package org.mms.migration;

import java.io.ByteArrayOutputStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mms.calendar.ResourceHash;
import org.mms.ical.CalendarReader;
import org.mms.ical.Component;
import org.mms.ical.ContentLine;
import org.mms.ical.ContentLines;
import org.mms.ical.IcalFormatException;
import org.mms.itip.ItipRequest;

/**
 * One stored calendar resource (a VCALENDAR holding one meeting: master, changed occurrences and the
 * time zones they use) planned as a whole: the decisions, the new bytes with only the migrated
 * components replaced, and the update messages (one per changed meeting; normally one).
 */
public record ResourcePlan(List<MeetingPlan> meetings, byte[] newBytes, List<ItipRequest> updates) {

    /** Whether anything in the resource changes. */
    public boolean changed() {
        return meetings.stream().anyMatch(MeetingPlan::changed);
    }

    /**
     * The value of a VEVENT's own UID line (trimmed, escapes kept, as {@link Component#value} reads it),
     * read line by line: an event that cannot be parsed as a whole still groups under its UID and then
     * fails alone, with its reason, when it is planned.
     */
    private static String ownUid(byte[] event) {
        int depth = 0;
        for (ContentLine line : ContentLines.scan(event)) {
            if (line.hasName("BEGIN")) {
                depth++;
            } else if (line.hasName("END")) {
                depth--;
            } else if (depth == 1 && line.hasName("UID")) {
                try {
                    return line.property().value().trim();
                } catch (IcalFormatException unreadable) {
                    return "";
                }
            }
        }
        return "";
    }

    /** Plans {@code resource} with the given rules and targets; components are grouped by UID. */
    public static ResourcePlan of(byte[] resource, SelectionRules rules, Targets targets, ZoneId floatingZone) {
        List<CalendarReader.Item> items = new ArrayList<>();
        CalendarReader reader = CalendarReader.of(resource);
        for (CalendarReader.Item item = reader.next(); item != null; item = reader.next()) {
            items.add(item);
        }
        Map<String, byte[]> timezones = new LinkedHashMap<>();
        List<byte[]> calendarProperties = new ArrayList<>();
        Map<String, List<Integer>> eventsByUid = new LinkedHashMap<>();
        boolean beforeComponents = true;
        for (int i = 0; i < items.size(); i++) {
            CalendarReader.Item item = items.get(i);
            if (item instanceof CalendarReader.TopComponent c) {
                beforeComponents = false;
                if (c.name().equals("VTIMEZONE")) {
                    Component.parse(c.bytes()).value("TZID").ifPresent(id -> timezones.putIfAbsent(id, c.bytes()));
                } else if (c.name().equals("VEVENT")) {
                    String uid = ownUid(c.bytes());
                    eventsByUid.computeIfAbsent(uid, k -> new ArrayList<>()).add(i);
                }
            } else if (item instanceof CalendarReader.CalendarProperty p && beforeComponents) {
                calendarProperties.add(p.bytes());
            }
        }
        PlanMeeting planner = PlanMeeting.create(rules, targets, timezones, floatingZone);
        byte[][] replaced = new byte[items.size()][];
        List<MeetingPlan> meetings = new ArrayList<>();
        List<ItipRequest> updates = new ArrayList<>();
        for (List<Integer> indexes : eventsByUid.values()) {
            List<byte[]> components = new ArrayList<>();
            indexes.forEach(i -> components.add(items.get(i).bytes()));
            MeetingPlan plan = planner.plan(components);
            meetings.add(plan);
            for (int k = 0; k < indexes.size(); k++) {
                replaced[indexes.get(k)] = plan.components().get(k).result();
            }
            if (plan.changed()) {
                ComposeUpdate.of(plan, calendarProperties, timezones).ifPresent(u -> updates.add(u.request()));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(resource.length + 1024);
        for (int i = 0; i < items.size(); i++) {
            out.writeBytes(replaced[i] != null ? replaced[i] : items.get(i).bytes());
        }
        return new ResourcePlan(meetings, out.toByteArray(), updates);
    }

    /** A SHA-256 of resource bytes, to recognize later whether a write happened. */
    public static String hash(byte[] bytes) {
        return ResourceHash.of(bytes);
    }
}
