package org.mms.api;

/** Too many refused authentications from one address lately (HTTP 429 with {@code Retry-After}). */
final class TooManyFailures extends RuntimeException {

    private final long retryAfterSeconds;

    TooManyFailures(long retryAfterSeconds) {
        super("too many failed authentications from this address; try again in " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
