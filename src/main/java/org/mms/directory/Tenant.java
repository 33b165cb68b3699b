package org.mms.directory;

import java.util.List;
import java.util.Objects;

/** An organization: its name, its domains and its settings. */
public record Tenant(TenantId id, String name, List<String> domains, TenantSettings settings) {
    public Tenant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        domains = List.copyOf(domains);
        Objects.requireNonNull(settings, "settings");
    }

    public Tenant withSettings(TenantSettings value) {
        return new Tenant(id, name, domains, value);
    }
}
