package org.mms.api;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.security.RouteRole;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.mms.access.AccessControl;
import org.mms.access.Authentication;
import org.mms.access.Caller;
import org.mms.access.Role;
import org.mms.directory.TenantId;
import org.mms.metrics.AddressRange;

/**
 * Runs before every matched route: public routes pass, all others need {@code Authorization: Bearer
 * <token>} whose role the route allows (a route marked with no role needs Admin). The caller is kept
 * on the request, and routes read the tenant only through {@link #tenant(Context)}, so no route can
 * act on a tenant the caller did not prove. Refused tokens count towards the client address's
 * {@link FailedLogins}, and every refusal is written to the audit log (by {@link AuditTrail}).
 */
final class BearerAuthentication implements Handler {

    private static final String CALLER = BearerAuthentication.class.getName() + ".caller";
    private static final String REFUSED = BearerAuthentication.class.getName() + ".refused";
    private static final String SCHEME = "Bearer ";

    private final AccessControl access;
    private final FailedLogins failedLogins;
    private final List<AddressRange> metricsAllowFrom;

    /** @param metricsAllowFrom addresses that read {@code /metrics} without a token */
    BearerAuthentication(AccessControl access, FailedLogins failedLogins, List<AddressRange> metricsAllowFrom) {
        this.access = Objects.requireNonNull(access, "access");
        this.failedLogins = Objects.requireNonNull(failedLogins, "failedLogins");
        this.metricsAllowFrom = List.copyOf(metricsAllowFrom);
    }

    @Override
    public void handle(Context ctx) {
        if (ctx.routeRoles().contains(Access.PUBLIC) || ctx.routeRoles().contains(Access.DASHBOARD)) {
            return;
        }
        if (ctx.routeRoles().contains(Access.METRICS) && AddressRange.anyContains(metricsAllowFrom, ctx.ip())) {
            // The network restriction stands in for a token: a scraper on an allowed network presents none.
            return;
        }
        failedLogins.check(ctx.ip());
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw refuse(ctx, Authentication.Refused.unknown(), false, "this request needs an Authorization: Bearer <token> header");
        }
        if (!header.regionMatches(true, 0, SCHEME, 0, SCHEME.length()) || header.substring(SCHEME.length()).isBlank()) {
            throw refuse(ctx, Authentication.Refused.unknown(), false, "the Authorization header must be Bearer <token>");
        }
        Caller caller = switch (access.authenticate(header.substring(SCHEME.length()).strip())) {
            case Authentication.Granted g -> g.caller();
            case Authentication.Refused r -> throw refuse(ctx, r, true, r.reason());
        };
        ctx.attribute(CALLER, caller);
        Set<Role> allowed = allowed(ctx.routeRoles());
        if (allowed.stream().noneMatch(caller.role()::grants)) {
            throw new Forbidden("a " + caller.role().display() + " token cannot " + ctx.method() + " " + route(ctx)
                    + "; it needs " + allowed.stream().map(Role::display).sorted().collect(Collectors.joining(" or ")));
        }
    }

    private Unauthenticated refuse(Context ctx, Authentication.Refused refused, boolean invalidToken, String message) {
        if (invalidToken) {
            // Only a presented token that fails is a guess; a missing header is a client not set up yet.
            failedLogins.failed(ctx.ip());
        }
        ctx.attribute(REFUSED, refused);
        return new Unauthenticated(invalidToken, message);
    }

    /** The matched route's path template (in before and after handlers, {@code ctx.endpoint()} is the handler's own {@code *}). */
    static String route(Context ctx) {
        io.javalin.router.Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        return matched == null ? ctx.path() : matched.path;
    }

    /** The roles a route's marks allow; no mark means Admin. */
    static Set<Role> allowed(Set<RouteRole> marks) {
        Set<Role> roles = marks.stream().filter(Access.class::isInstance).map(Access.class::cast)
                .flatMap(a -> a.role().stream()).collect(Collectors.toSet());
        return roles.isEmpty() ? Set.of(Role.ADMIN) : roles;
    }

    /** The caller, once the token has been checked; empty before (or on a public route). */
    static Optional<Caller> caller(Context ctx) {
        return Optional.ofNullable(ctx.attribute(CALLER));
    }

    /** The refused token's tenant and name, as far as they are known, after a refusal. */
    static Optional<Authentication.Refused> refused(Context ctx) {
        return Optional.ofNullable(ctx.attribute(REFUSED));
    }

    /** The caller's tenant; only set once the token has been checked. */
    static TenantId tenant(Context ctx) {
        // A route reached without authentication, or a tenant route reached by the service operator, is a wiring bug,
        // never a reason to guess a tenant.
        return caller(ctx).flatMap(Caller::tenant)
                .orElseThrow(() -> new IllegalStateException("no authenticated tenant for " + ctx.method() + " " + ctx.path()));
    }
}
