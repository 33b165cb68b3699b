package org.mms.access;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A token as {@code Get-CsAdminToken} shows it: never the secret, which only its hash in the database could match. */
public record ApiToken(String name, Role role, Instant createdAt, Optional<Instant> expiresAt, Optional<Instant> revokedAt) {
    public ApiToken {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
    }

    /** Active, Expired or Revoked at {@code now}. */
    public String state(Instant now) {
        if (revokedAt.isPresent()) {
            return "Revoked";
        }
        return expiresAt.filter(e -> !now.isBefore(e)).isPresent() ? "Expired" : "Active";
    }

    /** A token just issued, with its secret: shown once, never stored. */
    public record Issued(ApiToken token, String secret) {
        public Issued {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(secret, "secret");
        }

        @Override
        public String toString() {
            return "Issued[" + token + ", secret hidden]";
        }
    }
}
