package org.mms.calendar.graph.emulator;

/**
 * How Entra ID refuses a daemon app's token request for reasons the request itself cannot show (the secret expired,
 * consent was never granted, the app was disabled, a policy blocks it): the status, the OAuth {@code error}, the
 * AADSTS code and the description Entra gives, as "Microsoft Entra authentication and authorization error codes"
 * documents them. {@code %s} in a description is the app's client id.
 */
public enum SignInRefusal {

    EXPIRED_SECRET(401, "invalid_client", 7000222, "The provided client secret keys for app '%s' are expired. Visit the Azure portal "
            + "to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added "
            + "security: https://aka.ms/certCreds."),
    NO_ADMIN_CONSENT(400, "invalid_grant", 65001, "The user or administrator has not consented to use the application with ID '%s' "
            + "named 'MMS'. Send an interactive authorization request for this user and resource."),
    PERMISSION_NOT_CONFIGURED(400, "invalid_client", 650057, "Invalid resource. The client has requested access to a resource which "
            + "is not listed in the requested permissions in the client's application registration. Client app ID: %s(MMS)."),
    APP_DISABLED(400, "unauthorized_client", 7000112, "Application '%s'(MMS) is disabled."),
    CONDITIONAL_ACCESS(400, "invalid_grant", 53003, "Access has been blocked by Conditional Access policies. The access policy does "
            + "not allow token issuance."),
    CERTIFICATE_NOT_REGISTERED(401, "invalid_client", 700027, "The certificate with identifier used to sign the client assertion is "
            + "not registered on application. [Reason - The key was not found., Thumbprint of key used by client: "
            + "'3A1F0E6C2B9D4E7F8A1B2C3D4E5F60718293A4B5']"),
    ASSERTION_OUT_OF_TIME(401, "invalid_client", 700024, "Client assertion is not within its valid time range. Current time: "
            + "2026-12-06T05:30:00.0000000Z, assertion valid from 2026-12-06T06:00:00.0000000Z, expiry time of assertion "
            + "2026-12-06T06:10:00.0000000Z."),
    TENANT_NOT_FOUND_BY_NAME(400, "invalid_request", 90023, "Invalid STS request."),
    /** A code no explanation names: said by its code and Entra's first sentence. */
    ACCOUNT_LOCKED(400, "invalid_grant", 50053, "Your account is locked because you've tried to sign in too many times with an "
            + "incorrect user ID or password. Wait a minute and try again."),
    /** Entra's own trouble, which passes. */
    TEMPORARILY_UNAVAILABLE(503, "temporarily_unavailable", 90033, "A transient error has occurred. Please try again.");

    final int status;
    final String error;
    final int code;
    private final String description;

    SignInRefusal(int status, String error, int code, String description) {
        this.status = status;
        this.error = error;
        this.code = code;
        this.description = description;
    }

    String description(String clientId) {
        return description.formatted(clientId);
    }
}
