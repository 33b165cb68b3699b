package org.mms.api;

/** No bearer token, or one that names no tenant (HTTP 401 with a {@code WWW-Authenticate: Bearer} challenge). */
final class Unauthenticated extends RuntimeException {

    private final boolean invalidToken;

    Unauthenticated(boolean invalidToken, String message) {
        super(message);
        this.invalidToken = invalidToken;
    }

    /** RFC 6750 §3: say {@code invalid_token} only when a token was presented. */
    String challenge() {
        return invalidToken ? "Bearer realm=\"mms\", error=\"invalid_token\"" : "Bearer realm=\"mms\"";
    }
}
