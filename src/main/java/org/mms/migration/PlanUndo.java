package org.mms.migration;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mms.block.JoinLinkType;
import org.mms.block.MeetingType;
import org.mms.ical.CalendarReader;
import org.mms.ical.Component;
import org.mms.ical.ComponentEditor;
import org.mms.ical.IcalFormatException;
import org.mms.itip.ItipRequest;

/**
 * Plans putting back one stored meeting as it was before migrations wrote it: the bytes from before, byte for byte,
 * except that each component the migrations changed gets a SEQUENCE above the one they wrote (and Exchange's copy of
 * it, where the meeting had one) and a DTSTAMP of now, so attendees' clients take the update. Components they did not
 * change come back as they were. The update messages are composed as for a migration.
 */
public final class PlanUndo {

    private static final DateTimeFormatter UTC_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private PlanUndo() {
    }

    /**
     * @param previous   the stored meeting before the first migration wrote it
     * @param current    what is stored now, known to be what the last migration wrote
     * @param components the components the migrations changed
     */
    public static ResourcePlan of(byte[] previous, byte[] current, List<MigrationJournal.WrittenComponent> components, Instant now) {
        Map<String, MigrationJournal.WrittenComponent> changed = new HashMap<>();
        components.forEach(c -> changed.put(key(c.uid(), c.recurrenceId().orElse("")), c));
        Map<String, byte[]> written = new HashMap<>();
        for (CalendarReader.Item item : items(current)) {
            if (item instanceof CalendarReader.TopComponent c && c.name().equals("VEVENT")) {
                written.put(key(Component.parse(c.bytes())), c.bytes());
            }
        }
        List<CalendarReader.Item> items = items(previous);
        List<byte[]> calendarProperties = new ArrayList<>();
        Map<String, byte[]> timezones = new LinkedHashMap<>();
        Map<String, List<ComponentPlan>> meetings = new LinkedHashMap<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream(previous.length + 256);
        boolean beforeComponents = true;
        for (CalendarReader.Item item : items) {
            byte[] bytes = item.bytes();
            if (item instanceof CalendarReader.CalendarProperty p && beforeComponents) {
                calendarProperties.add(p.bytes());
            } else if (item instanceof CalendarReader.TopComponent c) {
                beforeComponents = false;
                if (c.name().equals("VTIMEZONE")) {
                    Component.parse(c.bytes()).value("TZID").ifPresent(id -> timezones.putIfAbsent(id, c.bytes()));
                } else if (c.name().equals("VEVENT")) {
                    Component event = Component.parse(c.bytes());
                    String key = key(event);
                    MigrationJournal.WrittenComponent migrated = changed.get(key);
                    byte[] stored = written.get(key);
                    ComponentPlan plan;
                    if (migrated != null && stored != null) {
                        ComponentEditor editor = new ComponentEditor(event);
                        restamp(editor, event, sequenceOf(Component.parse(stored)) + 1, now);
                        bytes = editor.apply();
                        plan = new ComponentPlan(migrated.uid(), migrated.recurrenceId(), migrated.summary(), migrated.start(), stored,
                                new Outcome.Migrated(bytes, editor.edits(), migrated.newBlock(), migrated.previousBlock(),
                                        migrated.html().map(h -> new HtmlBlocks(h.after(), h.before())), typeOf(migrated.newBlock()),
                                        typeOf(migrated.previousBlock()), OwnerEvidence.addInProperties()));
                    } else {
                        plan = new ComponentPlan(event.value("UID").orElse(""), event.value("RECURRENCE-ID"), "", java.util.Optional.empty(),
                                c.bytes(), new Outcome.Unchanged("not changed by the migration", OwnerEvidence.addInProperties()));
                    }
                    meetings.computeIfAbsent(plan.uid(), k -> new ArrayList<>()).add(plan);
                }
            }
            out.writeBytes(bytes);
        }
        List<MeetingPlan> plans = new ArrayList<>();
        List<ItipRequest> updates = new ArrayList<>();
        meetings.forEach((uid, plan) -> {
            MeetingPlan meeting = new MeetingPlan(uid, plan);
            plans.add(meeting);
            if (meeting.changed()) {
                ComposeUpdate.of(meeting, calendarProperties, timezones).ifPresent(u -> updates.add(u.request()));
            }
        });
        return new ResourcePlan(plans, out.toByteArray(), updates);
    }

    /** SEQUENCE above the one the migration wrote; DTSTAMP now; everything else, LAST-MODIFIED included, as it was. */
    private static void restamp(ComponentEditor editor, Component event, int sequence, Instant now) {
        String stamp = UTC_STAMP.format(now);
        event.first("SEQUENCE").ifPresentOrElse(l -> editor.replaceValue(l, Integer.toString(sequence)),
                () -> editor.addLine("SEQUENCE:" + sequence));
        event.first("X-MICROSOFT-CDO-APPT-SEQUENCE").ifPresent(l -> editor.replaceValue(l, Integer.toString(sequence)));
        event.first("DTSTAMP").ifPresentOrElse(l -> editor.replaceValue(l, stamp), () -> editor.addLine("DTSTAMP:" + stamp));
    }

    private static int sequenceOf(Component event) {
        try {
            return event.value("SEQUENCE").map(String::strip).map(Integer::parseInt).orElse(0);
        } catch (NumberFormatException e) {
            throw new IcalFormatException("SEQUENCE is not a number: " + event.value("SEQUENCE").orElse(""));
        }
    }

    private static MeetingType typeOf(String block) {
        return JoinLinkType.firstIn(block == null ? "" : block).orElse(MeetingType.TEAMS);
    }

    private static List<CalendarReader.Item> items(byte[] resource) {
        List<CalendarReader.Item> items = new ArrayList<>();
        CalendarReader reader = CalendarReader.of(resource);
        for (CalendarReader.Item item = reader.next(); item != null; item = reader.next()) {
            items.add(item);
        }
        return items;
    }

    private static String key(Component event) {
        return key(event.value("UID").orElse(""), event.value("RECURRENCE-ID").orElse(""));
    }

    private static String key(String uid, String recurrenceId) {
        return uid + "\n" + recurrenceId;
    }
}
