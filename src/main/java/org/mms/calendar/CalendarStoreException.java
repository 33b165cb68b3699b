package org.mms.calendar;

/**
 * A store could not do what it was asked, for a reason outside the caller's data: the server cannot be
 * reached, refuses the credentials, answers with an error. Expected outcomes of writes (a lost race, a
 * resource that is gone) are {@link WriteResult}s, never this.
 *
 * <p>The two kinds tell the worker what to do next, so it needs no knowledge of any adapter:
 * {@link TransientStoreException} means "try again later", {@link PermanentStoreException} means "an
 * admin must fix something first". Messages name the operation and the resource, never credentials.
 */
public abstract sealed class CalendarStoreException extends RuntimeException
        permits TransientStoreException, PermanentStoreException {

    private static final long serialVersionUID = 1L;

    protected CalendarStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
