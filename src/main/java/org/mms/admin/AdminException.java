package org.mms.admin;

/** An admin request that cannot be carried out; the message says why, for the admin. */
public sealed class AdminException extends RuntimeException {

    private AdminException(String message) {
        super(message);
    }

    /** The request names something that does not exist in the tenant (HTTP 404, CLI exit 1). */
    public static final class NotFound extends AdminException {
        public NotFound(String message) {
            super(message);
        }
    }

    /** The request is malformed or asks for something impossible (HTTP 400, CLI exit 1). */
    public static final class BadRequest extends AdminException {
        public BadRequest(String message) {
            super(message);
        }
    }

    /** The request conflicts with the current state, e.g. a name already taken (HTTP 409, CLI exit 1). */
    public static final class Conflict extends AdminException {
        public Conflict(String message) {
            super(message);
        }
    }
}
