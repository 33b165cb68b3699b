package org.mms.calendar;

/**
 * Asking again will fail the same way until someone changes something: the credentials are refused
 * (401), the account may not write there (403), the calendar does not exist (404 on the collection),
 * the server rejects the data (400, 415), the URL redirects elsewhere. The message says which request
 * failed and how, so an admin can act on it.
 */
public final class PermanentStoreException extends CalendarStoreException {

    private static final long serialVersionUID = 1L;

    public PermanentStoreException(String message) {
        super(message, null);
    }

    public PermanentStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
