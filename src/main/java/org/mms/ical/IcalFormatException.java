package org.mms.ical;

/**
 * The input is not iCalendar we can edit safely: not a calendar at all, broken folding, a component
 * that never ends, a value that cannot be read. The message names where (line, component, UID) so an
 * admin can find it.
 */
public class IcalFormatException extends RuntimeException {

    public IcalFormatException(String message) {
        super(message);
    }

    public IcalFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
