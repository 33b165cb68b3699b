package org.mms.api;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.mms.access.AccessControl;
import org.mms.access.ApiToken;
import org.mms.access.AuditEvent;
import org.mms.access.Authentication;
import org.mms.access.Caller;
import org.mms.access.Role;
import org.mms.admin.AdminException;
import org.mms.directory.TenantId;

/** A {@link TokenAuthenticator}'s tokens as admin tokens of their tenant, with nothing else to manage and nothing recorded. */
final class AdminTokensOnly implements AccessControl {

    private final TokenAuthenticator tokens;

    AdminTokensOnly(TokenAuthenticator tokens) {
        this.tokens = tokens;
    }

    @Override
    public Authentication authenticate(String bearerToken) {
        return tokens.tenantFor(bearerToken).<Authentication>map(t -> new Authentication.Granted(new Caller(Optional.of(t), "token", Role.ADMIN)))
                .orElseGet(Authentication.Refused::unknown);
    }

    @Override
    public List<ApiToken> tokens(TenantId tenant) {
        return List.of();
    }

    @Override
    public ApiToken.Issued issue(TenantId tenant, String name, Role role, Optional<Duration> lifetime) {
        throw unsupported();
    }

    @Override
    public ApiToken revoke(TenantId tenant, String name) {
        throw unsupported();
    }

    @Override
    public List<TenantEntry> tenants() {
        return List.of();
    }

    @Override
    public NewTenant createTenant(String id, String name, List<String> domains) {
        throw unsupported();
    }

    @Override
    public void removeTenant(TenantId tenant) {
        throw unsupported();
    }

    @Override
    public void record(AuditEvent event) {
    }

    @Override
    public List<AuditEvent> auditLog(Optional<TenantId> tenant, AuditEvent.Filter filter) {
        return List.of();
    }

    private static AdminException unsupported() {
        return new AdminException.Conflict("this server manages no tokens or tenants");
    }
}
