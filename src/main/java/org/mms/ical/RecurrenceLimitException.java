package org.mms.ical;

/**
 * A recurrence rule would take more work to answer than we allow for one meeting (see
 * {@link RecurrenceSet#MAX_EXAMINED_INSTANCES}). Real meetings never get here; a calendar that does is
 * reported rather than allowed to stall a worker.
 */
public final class RecurrenceLimitException extends IcalFormatException {

    public RecurrenceLimitException(String message) {
        super(message);
    }
}
