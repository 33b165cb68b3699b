package org.mms.api;

import io.javalin.security.RouteRole;
import java.util.Optional;
import org.mms.access.Role;

/**
 * Who may call a route, marked where the route is registered. A route with no mark needs an
 * {@code Admin} token: a route someone forgets to mark is as closed as it can be, not open.
 * {@link #PUBLIC} routes answer without a token; {@link #SERVICE_OPERATOR} ones only to the service
 * operator, who manages tenants and reaches nothing inside one; {@link #METRICS} to the metrics token and
 * the service operator, or to an address in {@code metrics.allowFrom} without a token. {@link #DASHBOARD}
 * routes are the browser dashboard's, which signs in with a token once and then checks its session.
 */
enum Access implements RouteRole {
    PUBLIC(null), READER(Role.READER), OPERATOR(Role.OPERATOR), ADMIN(Role.ADMIN), SERVICE_OPERATOR(Role.SERVICE_OPERATOR),
    METRICS(Role.METRICS),
    /** A dashboard page or action: no bearer token, the dashboard checks its own session cookie (and is not part of the API). */
    DASHBOARD(null);

    private final Role role;

    Access(Role role) {
        this.role = role;
    }

    /** The role a token needs; none for a public route. */
    Optional<Role> role() {
        return Optional.ofNullable(role);
    }
}
