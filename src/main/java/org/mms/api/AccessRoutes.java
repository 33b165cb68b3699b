package org.mms.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mms.access.AccessControl;
import org.mms.access.ApiToken;
import org.mms.access.AuditEvent;
import org.mms.access.Caller;
import org.mms.access.Role;
import org.mms.directory.TenantId;

/**
 * Tokens and the audit log for a tenant's admins; tenants for the service operator. Secrets leave
 * only once, in the answer that creates them.
 */
final class AccessRoutes {

    static final String TOKENS = ApiServer.V1 + "/tokens";
    static final String TENANTS = ApiServer.V1 + "/tenants";

    private final AccessControl access;
    private final JsonBody body;
    private final java.time.Clock clock;

    AccessRoutes(AccessControl access, JsonBody body, java.time.Clock clock) {
        this.access = access;
        this.body = body;
        this.clock = clock;
    }

    record NewToken(String Name, String Role, Long ExpiresInDays) {
    }

    record NewTenant(String Identity, String Name, List<String> Domains) {
    }

    void addTo(RoutesConfig routes) {
        routes.get(TOKENS, this::tokens, Access.ADMIN);
        routes.post(TOKENS, this::newToken, Access.ADMIN);
        routes.post(TOKENS + "/{name}/revoke", this::revoke, Access.ADMIN);
        routes.get(ApiServer.V1 + "/audit-log", this::auditLog, Access.ADMIN, Access.SERVICE_OPERATOR);
        routes.get(TENANTS, this::tenants, Access.SERVICE_OPERATOR);
        routes.post(TENANTS, this::newTenant, Access.SERVICE_OPERATOR);
        routes.delete(TENANTS + "/{identity}", this::removeTenant, Access.SERVICE_OPERATOR);
    }

    /** {@code Get-CsAdminToken}: never the secret. */
    private void tokens(Context ctx) {
        Query.of(ctx);
        Instant now = clock.instant();
        ctx.json(access.tokens(BearerAuthentication.tenant(ctx)).stream().map(t -> view(t, now)).toList());
    }

    /** {@code New-CsAdminToken -Name -Role [-ExpiresInDays]}: the secret, this once. */
    private void newToken(Context ctx) {
        Query.of(ctx);
        NewToken p = body.read(ctx, NewToken.class);
        if (p == null) {
            throw new InvalidRequest("the body must be a JSON object");
        }
        String name = JsonBody.required(p.Name(), "Name");
        AuditTrail.target(ctx, "name=" + name);
        Role role = Role.tenantRole(JsonBody.required(p.Role(), "Role"))
                .orElseThrow(() -> new InvalidRequest("Role must be Admin, Operator or Reader, not '" + p.Role() + "'"));
        Optional<Duration> lifetime = Optional.ofNullable(p.ExpiresInDays()).map(days -> {
            if (days < 1 || days > 3650) {
                throw new InvalidRequest("ExpiresInDays must be between 1 and 3650");
            }
            return Duration.ofDays(days);
        });
        ApiToken.Issued issued = access.issue(BearerAuthentication.tenant(ctx), name, role, lifetime);
        Map<String, Object> view = view(issued.token(), clock.instant());
        view.put("Token", issued.secret());
        ctx.status(HttpStatus.CREATED).json(view);
    }

    /** {@code Revoke-CsAdminToken -Name}. */
    private void revoke(Context ctx) {
        Query.of(ctx);
        ctx.json(view(access.revoke(BearerAuthentication.tenant(ctx), ctx.pathParam("name")), clock.instant()));
    }

    /** {@code Get-CsAuditLog [-StartTime] [-EndTime] [-TokenName] [-Result]}: the tenant's, or the service operator's own. */
    private void auditLog(Context ctx) {
        Query q = Query.of(ctx, "startTime", "endTime", "tokenName", "result");
        Optional<Integer> result = q.text("result").map(r -> {
            if (!r.matches("[1-5][0-9][0-9]")) {
                throw new InvalidRequest("result is an HTTP status such as 200 or 401, not '" + r + "'");
            }
            return Integer.parseInt(r);
        });
        AuditEvent.Filter filter = new AuditEvent.Filter(q.instant("startTime"), q.instant("endTime"), q.text("tokenName"), result);
        Caller caller = BearerAuthentication.caller(ctx).orElseThrow();
        ctx.json(access.auditLog(caller.tenant(), filter).stream().map(AccessRoutes::view).toList());
    }

    /** {@code Get-CsTenant}. */
    private void tenants(Context ctx) {
        Query.of(ctx);
        ctx.json(access.tenants().stream().map(AccessRoutes::view).toList());
    }

    /** {@code New-CsTenant -Identity -Name -Domains}: the tenant and its first admin token, shown this once. */
    private void newTenant(Context ctx) {
        Query.of(ctx);
        NewTenant p = body.read(ctx, NewTenant.class);
        if (p == null) {
            throw new InvalidRequest("the body must be a JSON object");
        }
        String id = JsonBody.required(p.Identity(), "Identity");
        AuditTrail.target(ctx, "identity=" + id);
        AccessControl.NewTenant created = access.createTenant(id, p.Name(), p.Domains() == null ? List.of() : p.Domains());
        Map<String, Object> view = view(created.tenant());
        view.put("AdminTokenName", created.adminToken().token().name());
        view.put("AdminToken", created.adminToken().secret());
        ctx.status(HttpStatus.CREATED).json(view);
    }

    /** {@code Remove-CsTenant -Identity -Confirm:$false}: only with {@code confirm=true}, because nothing brings the data back. */
    private void removeTenant(Context ctx) {
        Query q = Query.of(ctx, "confirm");
        String id = ctx.pathParam("identity");
        if (!q.text("confirm").filter("true"::equalsIgnoreCase).isPresent()) {
            throw new InvalidRequest("removing tenant '" + id + "' deletes all its data; repeat with confirm=true to go ahead");
        }
        TenantId tenant;
        try {
            tenant = new TenantId(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest("the tenant's Identity cannot be blank");
        }
        access.removeTenant(tenant);
        ctx.json(Map.of("Identity", id, "Removed", true));
    }

    private static Map<String, Object> view(ApiToken t, Instant now) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("Name", t.name());
        v.put("Role", t.role().display());
        v.put("State", t.state(now));
        v.put("CreatedAt", t.createdAt().toString());
        v.put("ExpiresAt", t.expiresAt().map(Instant::toString).orElse(null));
        v.put("RevokedAt", t.revokedAt().map(Instant::toString).orElse(null));
        return v;
    }

    private static Map<String, Object> view(AccessControl.TenantEntry t) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("Identity", t.id());
        v.put("Name", t.name());
        v.put("Domains", t.domains());
        return v;
    }

    private static Map<String, Object> view(AuditEvent e) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("Time", e.at().toString());
        v.put("TokenName", e.tokenName().orElse(null));
        v.put("Action", e.action());
        v.put("Target", e.target());
        v.put("Result", e.result());
        v.put("Client", e.client());
        return v;
    }
}
