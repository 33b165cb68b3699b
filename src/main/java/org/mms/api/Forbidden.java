package org.mms.api;

/** A valid token whose role does not allow the route (HTTP 403). */
final class Forbidden extends RuntimeException {
    Forbidden(String message) {
        super(message);
    }
}
