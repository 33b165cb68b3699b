package org.mms.access;

import java.util.Objects;
import java.util.Optional;
import org.mms.directory.TenantId;

/** What a presented bearer token proves. */
public sealed interface Authentication {

    /** A valid token: the caller it names. */
    record Granted(Caller caller) implements Authentication {
        public Granted {
            Objects.requireNonNull(caller, "caller");
        }
    }

    /**
     * Refused: unknown, revoked or expired. A revoked or expired token still names its tenant and
     * name, so that the audit log can say which token was tried; the caller is told only the reason.
     */
    record Refused(String reason, Optional<TenantId> tenant, Optional<String> tokenName) implements Authentication {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(tokenName, "tokenName");
        }

        public static Refused unknown() {
            return new Refused("the bearer token is not valid", Optional.empty(), Optional.empty());
        }
    }
}
