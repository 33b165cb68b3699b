package org.mms.ical;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * One DATE or DATE-TIME exactly as RFC 5545 writes it, read by hand (this runs for every meeting of
 * large calendars, so no formatter and no regular expression).
 *
 * @param local the wall-clock value; a DATE is its midnight
 * @param form  {@code 20261130} is a DATE, {@code 20261130T100000} a LOCAL time (in the TZID's zone or
 *              floating), {@code 20261130T100000Z} UTC
 */
record DateTimeText(LocalDateTime local, Form form) {

    enum Form { DATE, LOCAL, UTC }

    /**
     * @param text  the single value to read
     * @param whole the property value it came from, quoted in the error message when it differs
     */
    static DateTimeText parse(String text, String whole) {
        int length = text.length();
        boolean date = length == 8;
        boolean utc = length == 16 && (text.charAt(15) == 'Z' || text.charAt(15) == 'z');
        boolean dateTime = (length == 15 || utc) && (text.charAt(8) == 'T' || text.charAt(8) == 't');
        if (!date && !dateTime) {
            throw malformed(text, whole);
        }
        try {
            LocalDate day = LocalDate.of(digits(text, 0, 4, whole), digits(text, 4, 6, whole), digits(text, 6, 8, whole));
            if (date) {
                return new DateTimeText(day.atStartOfDay(), Form.DATE);
            }
            // RFC 5545 allows second 60 for a leap second; java.time does not, and a meeting start
            // one second early changes nothing for us.
            int second = Math.min(digits(text, 13, 15, whole), 59);
            LocalTime time = LocalTime.of(digits(text, 9, 11, whole), digits(text, 11, 13, whole), second);
            return new DateTimeText(LocalDateTime.of(day, time), utc ? Form.UTC : Form.LOCAL);
        } catch (DateTimeException e) {
            throw new IcalFormatException(describe(text, whole) + ": " + e.getMessage(), e);
        }
    }

    private static int digits(String text, int from, int to, String whole) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw malformed(text, whole);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static IcalFormatException malformed(String text, String whole) {
        return new IcalFormatException(describe(text, whole) + " (expected 20261130, 20261130T100000 or 20261130T100000Z)");
    }

    private static String describe(String text, String whole) {
        String what = "not an iCalendar DATE or DATE-TIME: \"" + text + "\"";
        return text.equals(whole) ? what : what + " in \"" + whole + "\"";
    }
}
