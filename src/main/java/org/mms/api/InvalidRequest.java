package org.mms.api;

/** The request itself is malformed: a body that is not the expected JSON, a bad query parameter (HTTP 400). */
final class InvalidRequest extends RuntimeException {

    InvalidRequest(String message) {
        super(message);
    }
}
