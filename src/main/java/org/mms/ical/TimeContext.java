package org.mms.ical;

import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.Objects;

/**
 * How one calendar's local times become instants.
 *
 * @param zones         the TZIDs the calendar can use (usually {@code TimeZones.standard().withDefinitions(...)})
 * @param floatingZone  where floating times ({@code 20261130T100000} without TZID) and all-day DATE
 *                      values are read, e.g. the organizer's or the tenant's zone
 * @param unknownTzid   what a TZID that {@code zones} does not know means
 */
public record TimeContext(TimeZones zones, ZoneId floatingZone, UnknownTzid unknownTzid) {

    public enum UnknownTzid {
        /** Throw {@link UnknownTimeZoneException}: the caller reports the meeting instead of guessing. */
        REJECT,
        /** Read the time as floating; off by the difference between the two zones if the guess is wrong. */
        USE_FLOATING_ZONE
    }

    public TimeContext {
        Objects.requireNonNull(zones, "zones");
        Objects.requireNonNull(floatingZone, "floatingZone");
        Objects.requireNonNull(unknownTzid, "unknownTzid");
    }

    /** Rejects unknown TZIDs. */
    public static TimeContext of(TimeZones zones, ZoneId floatingZone) {
        return new TimeContext(zones, floatingZone, UnknownTzid.REJECT);
    }

    public TimeContext withUnknownTzid(UnknownTzid policy) {
        return new TimeContext(zones, floatingZone, policy);
    }

    ZoneRules floatingRules() {
        return floatingZone.getRules();
    }

    ZoneRules rulesFor(String tzid) {
        return zones.rules(tzid).orElseGet(() -> switch (unknownTzid) {
            case REJECT -> throw new UnknownTimeZoneException(tzid);
            case USE_FLOATING_ZONE -> floatingRules();
        });
    }
}
