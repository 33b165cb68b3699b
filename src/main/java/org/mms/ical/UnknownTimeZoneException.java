package org.mms.ical;

/**
 * A TZID that is neither an IANA zone, nor a Windows zone name, nor defined by a VTIMEZONE in the
 * calendar. RFC 5545 requires the VTIMEZONE, so this is a malformed calendar; callers that would rather
 * guess read such times in the floating zone instead ({@link TimeContext.UnknownTzid#USE_FLOATING_ZONE}).
 */
public final class UnknownTimeZoneException extends IcalFormatException {

    private final String tzid;

    public UnknownTimeZoneException(String tzid) {
        super("unknown TZID \"" + tzid + "\": not an IANA or Windows zone name, and the calendar has no VTIMEZONE for it");
        this.tzid = tzid;
    }

    public String tzid() {
        return tzid;
    }
}
