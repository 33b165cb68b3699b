package org.mms.migration;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.mms.ical.Component;
import org.mms.ical.ContentLine;
import org.mms.ical.DateTimeValue;
import org.mms.ical.IcalFormatException;
import org.mms.ical.Property;
import org.mms.ical.RecurrenceSet;
import org.mms.ical.TimeContext;
import org.mms.ical.UnknownTimeZoneException;

/**
 * Meeting times read with the calendar's time zones. A TZID that nothing defines is read as the
 * zone where a local time is the latest instant (UTC-12): a meeting whose zone is unknown is then
 * taken as not yet started whenever any reading says so, which at worst updates a meeting that has
 * just begun and never leaves a future one with old coordinates.
 */
final class IcalMeetingTimes implements MeetingTimes {

    private static final ZoneId LATEST = ZoneId.of("Etc/GMT+12");

    private final TimeContext time;
    private final TimeContext lenient;

    IcalMeetingTimes(TimeContext time) {
        this.time = time;
        this.lenient = new TimeContext(time.zones(), LATEST, TimeContext.UnknownTzid.USE_FLOATING_ZONE);
    }

    @Override
    public Instant start(Component event) {
        return withZones(t -> value(event, "DTSTART").instant(t));
    }

    @Override
    public Instant recurrenceId(Component override) {
        return withZones(t -> value(override, "RECURRENCE-ID").instant(t));
    }

    @Override
    public Optional<Instant> nextStart(Component master, Instant now, Set<Instant> overridden) {
        return withZones(t -> RecurrenceSet.of(value(master, "DTSTART"), master.all("RRULE").stream()
                        .map(l -> l.property().value().strip()).toList(), values(master, "RDATE"), values(master, "EXDATE"), t)
                .firstStartAfter(now, overridden));
    }

    /**
     * Runs with the calendar's zones; if a TZID is unknown, again reading unknown zones as UTC-12.
     * Overrides and their RECURRENCE-IDs must be read alike, so unknown zones are never mixed: an
     * instant computed leniently is only compared with others computed leniently for the same TZID.
     */
    private <T> T withZones(Function<TimeContext, T> read) {
        try {
            return read.apply(time);
        } catch (UnknownTimeZoneException e) {
            return read.apply(lenient);
        }
    }

    private static DateTimeValue value(Component event, String name) {
        ContentLine line = event.first(name).orElseThrow(() -> new IcalFormatException("the meeting has no " + name));
        return dateTimeValue(line.property());
    }

    private static List<DateTimeValue> values(Component event, String name) {
        List<DateTimeValue> values = new ArrayList<>();
        for (ContentLine line : event.all(name)) {
            values.add(dateTimeValue(line.property()));
        }
        return values;
    }

    private static DateTimeValue dateTimeValue(Property p) {
        return new DateTimeValue(p.value().strip(), p.parameter("TZID"), p.parameter("VALUE"));
    }
}
