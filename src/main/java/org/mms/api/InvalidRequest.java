package org.mms.api;

/**
 * The request itself is malformed: a body that is not the expected JSON, a bad query parameter (HTTP 400),
 * a body larger than the route takes (413) or of a type it does not read (415).
 */
final class InvalidRequest extends RuntimeException {

    private final int status;

    InvalidRequest(String message) {
        this(400, message);
    }

    InvalidRequest(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
