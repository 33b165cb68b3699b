package org.mms.secret;

import java.util.Objects;

/**
 * A password or other secret as a value. Its {@link #toString()} never shows it, so a record holding
 * one, a log line or an exception message that formats one shows {@code ****} instead; the value
 * itself is only read where it is used ({@link #reveal()}).
 */
public record Secret(String reveal) {

    public Secret {
        Objects.requireNonNull(reveal, "reveal");
    }

    @Override
    public String toString() {
        return "****";
    }
}
