package org.mms.api;

import java.util.Optional;
import org.mms.directory.TenantId;

/** Which tenant a bearer token belongs to; empty when the token is unknown, expired or revoked. */
@FunctionalInterface
public interface TokenAuthenticator {

    Optional<TenantId> tenantFor(String bearerToken);
}
