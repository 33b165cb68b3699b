package org.mms.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a token may do. A tenant's tokens are {@link #ADMIN} (everything in the tenant),
 * {@link #OPERATOR} (start migrations and read their outcome; no settings, no secrets) or
 * {@link #READER} (status, detail, decisions). {@link #SERVICE_OPERATOR} belongs to no tenant: it
 * creates and removes tenants and sees none of their meetings. {@link #METRICS} belongs to no tenant
 * either: it reads {@code /metrics} (counts across all tenants) and nothing else, which is why no tenant's
 * Reader may: a tenant must not learn another's figures.
 */
public enum Role {
    ADMIN("Admin"), OPERATOR("Operator"), READER("Reader"), SERVICE_OPERATOR("ServiceOperator"), METRICS("Metrics");

    private final String display;

    Role(String display) {
        this.display = display;
    }

    /** The spelling the cmdlets and the API use. */
    public String display() {
        return display;
    }

    /** Whether a token with this role may call a route that needs {@code needed}. */
    public boolean grants(Role needed) {
        return switch (this) {
            case ADMIN -> needed == ADMIN || needed == OPERATOR || needed == READER;
            case OPERATOR -> needed == OPERATOR || needed == READER;
            case READER -> needed == READER;
            case SERVICE_OPERATOR -> needed == SERVICE_OPERATOR || needed == METRICS;
            case METRICS -> needed == METRICS;
        };
    }

    /** A tenant token's role by its name in any case; the service-wide ones (service operator, metrics) are not for a tenant to issue. */
    public static Optional<Role> tenantRole(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> !r.serviceWide() && r.display.toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    /** A role of the whole installation, whose tokens belong to no tenant. */
    public boolean serviceWide() {
        return this == SERVICE_OPERATOR || this == METRICS;
    }

    /** The role stored under {@link #display()}. */
    public static Role stored(String display) {
        return Arrays.stream(values()).filter(r -> r.display.equals(display)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown token role in the database: " + display));
    }
}
