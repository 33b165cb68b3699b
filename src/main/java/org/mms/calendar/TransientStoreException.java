package org.mms.calendar;

/**
 * The store may well succeed if asked again later: a timeout, a reset connection, a server error
 * (5xx), too many requests (429). The queue retries the migration with its usual backoff.
 */
public final class TransientStoreException extends CalendarStoreException {

    private static final long serialVersionUID = 1L;

    public TransientStoreException(String message) {
        super(message, null);
    }

    public TransientStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
