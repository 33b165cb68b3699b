package org.mms.service;

/** The service will not start as configured; the message is one line that says why and what to change. */
public final class StartRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StartRefused(String message) {
        super(message);
    }
}
