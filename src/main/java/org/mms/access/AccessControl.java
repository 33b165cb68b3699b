package org.mms.access;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.mms.directory.TenantId;

/**
 * Tokens, tenants and the audit log, as the API uses them. Every check reads the stored state, so a
 * revoke or an expiry holds from the next request on.
 */
public interface AccessControl {

    /** Who a bearer token belongs to, or why it is refused. */
    Authentication authenticate(String bearerToken);

    /** The tenant's tokens, oldest first. */
    List<ApiToken> tokens(TenantId tenant);

    /** A new named token for the tenant; the secret is in the answer and nowhere else. */
    ApiToken.Issued issue(TenantId tenant, String name, Role role, Optional<Duration> lifetime);

    /** Revokes the tenant's token of that name; it is refused from the next request on. */
    ApiToken revoke(TenantId tenant, String name);

    /** Every tenant, for the service operator. */
    List<TenantEntry> tenants();

    /** A new tenant and its first admin token. */
    NewTenant createTenant(String id, String name, List<String> domains);

    /** Removes a tenant with all its data: users, meetings, migrations, messages, tokens and audit log. */
    void removeTenant(TenantId tenant);

    void record(AuditEvent event);

    /** A tenant's audit log, or with an empty tenant the service operator's (tenant management, unknown tokens); newest first. */
    List<AuditEvent> auditLog(Optional<TenantId> tenant, AuditEvent.Filter filter);

    /** A tenant as the service operator sees it. */
    record TenantEntry(String id, String name, List<String> domains) {
        public TenantEntry {
            domains = List.copyOf(domains);
        }
    }

    /** A tenant just created, with its first admin token (shown once). */
    record NewTenant(TenantEntry tenant, ApiToken.Issued adminToken) {
    }
}
