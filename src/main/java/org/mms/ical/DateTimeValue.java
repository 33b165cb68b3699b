package org.mms.ical;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The value of a DTSTART, RECURRENCE-ID, RDATE or EXDATE property as it stands in the calendar
 * (unfolded), with the two parameters that decide what it means.
 *
 * <ul>
 *   <li>{@code 20261130T100000} is a local time: in the TZID's zone, or floating without TZID;</li>
 *   <li>{@code 20261130T100000Z} is UTC (a TZID next to it is ignored);</li>
 *   <li>{@code 20261130} is a DATE, an all-day value, starting at midnight.</li>
 * </ul>
 * Floating times and DATEs are read in the {@link TimeContext#floatingZone()}. RDATE and EXDATE may
 * hold comma-separated lists, and RDATE;VALUE=PERIOD values {@code start/end} or
 * {@code start/duration}, of which only the start matters here.
 *
 * @param text      the property value, e.g. {@code 20261130T100000} or {@code 20261130T100000,20261207T100000}
 * @param tzid      the TZID parameter, if any (surrounding quotes are removed)
 * @param valueType the VALUE parameter, if any: {@code DATE}, {@code DATE-TIME} or {@code PERIOD}
 */
public record DateTimeValue(String text, Optional<String> tzid, Optional<String> valueType) {

    public DateTimeValue {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(tzid, "tzid");
        Objects.requireNonNull(valueType, "valueType");
        tzid = tzid.map(DateTimeValue::unquote).filter(t -> !t.isEmpty());
        valueType = valueType.map(v -> v.strip().toUpperCase(Locale.ROOT));
    }

    /** A UTC, floating or DATE value without parameters. */
    public static DateTimeValue of(String text) {
        return new DateTimeValue(text, Optional.empty(), Optional.empty());
    }

    /** A local time in the zone {@code tzid}. */
    public static DateTimeValue of(String text, String tzid) {
        return new DateTimeValue(text, Optional.of(tzid), Optional.empty());
    }

    /** An all-day value: VALUE=DATE, or a bare {@code 20261130}. */
    public boolean isDate() {
        return valueType.map("DATE"::equals).orElseGet(() -> items().getFirst().form() == DateTimeText.Form.DATE);
    }

    /**
     * The one instant this value stands for, as needed for DTSTART and RECURRENCE-ID.
     *
     * @throws IcalFormatException          if the value is malformed or a list
     * @throws UnknownTimeZoneException     if the TZID is unknown and the context rejects those
     */
    public Instant instant(TimeContext time) {
        List<DateTimeText> items = items();
        if (items.size() != 1) {
            throw new IcalFormatException("expected one DATE or DATE-TIME, got " + items.size() + ": \"" + text + "\"");
        }
        return toInstant(items.getFirst(), time);
    }

    /** Every instant of a list value (RDATE, EXDATE), in the order written. */
    public List<Instant> instants(TimeContext time) {
        List<Instant> instants = new ArrayList<>();
        for (DateTimeText item : items()) {
            instants.add(toInstant(item, time));
        }
        return instants;
    }

    /** The values as written, checked against VALUE; PERIODs reduced to their start. */
    List<DateTimeText> items() {
        String type = valueType.orElse("");
        if (!type.isEmpty() && !type.equals("DATE") && !type.equals("DATE-TIME") && !type.equals("PERIOD")) {
            throw new IcalFormatException("VALUE=" + type + " is not a date or time: \"" + text + "\"");
        }
        List<DateTimeText> items = new ArrayList<>();
        for (String item : text.split(",", -1)) {
            String value = item.strip();
            int slash = value.indexOf('/');
            if (slash >= 0) {
                if (!type.isEmpty() && !type.equals("PERIOD")) {
                    throw new IcalFormatException("a PERIOD in a VALUE=" + type + " property: \"" + text + "\"");
                }
                value = value.substring(0, slash);
            }
            DateTimeText parsed = DateTimeText.parse(value, text);
            boolean date = parsed.form() == DateTimeText.Form.DATE;
            if (date && (type.equals("DATE-TIME") || type.equals("PERIOD") || slash >= 0)) {
                throw new IcalFormatException("a DATE where VALUE=" + (type.isEmpty() ? "PERIOD" : type) + " needs a DATE-TIME: \"" + text + "\"");
            }
            if (!date && type.equals("DATE")) {
                throw new IcalFormatException("a DATE-TIME where VALUE=DATE needs a DATE: \"" + text + "\"");
            }
            items.add(parsed);
        }
        return items;
    }

    /** The rules a value of this property is read with: UTC, the floating zone for DATEs, else the TZID's. */
    ZoneRules rulesFor(DateTimeText item, TimeContext time) {
        return switch (item.form()) {
            case UTC -> ZoneOffset.UTC.getRules();
            case DATE -> time.floatingRules();
            case LOCAL -> tzid.isPresent() ? time.rulesFor(tzid.get()) : time.floatingRules();
        };
    }

    Instant toInstant(DateTimeText item, TimeContext time) {
        return LocalTimes.toInstant(item.local(), rulesFor(item, time));
    }

    private static String unquote(String value) {
        String stripped = value.strip();
        if (stripped.length() >= 2 && stripped.startsWith("\"") && stripped.endsWith("\"")) {
            return stripped.substring(1, stripped.length() - 1);
        }
        return stripped;
    }
}
