package org.mms.api;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Objects;
import org.mms.directory.TenantId;

/**
 * Runs before every matched route: public routes pass, all others need {@code Authorization: Bearer
 * <token>} naming a tenant. The tenant is kept on the request, and routes read it only through
 * {@link #tenant(Context)}, so no route can act on a tenant the caller did not prove.
 */
final class BearerAuthentication implements Handler {

    private static final String TENANT = BearerAuthentication.class.getName() + ".tenant";
    private static final String SCHEME = "Bearer ";

    private final TokenAuthenticator tokens;

    BearerAuthentication(TokenAuthenticator tokens) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    @Override
    public void handle(Context ctx) {
        if (ctx.routeRoles().contains(Access.PUBLIC)) {
            return;
        }
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw new Unauthenticated(false, "this request needs an Authorization: Bearer <token> header");
        }
        if (!header.regionMatches(true, 0, SCHEME, 0, SCHEME.length()) || header.substring(SCHEME.length()).isBlank()) {
            throw new Unauthenticated(false, "the Authorization header must be Bearer <token>");
        }
        TenantId tenant = tokens.tenantFor(header.substring(SCHEME.length()).strip())
                .orElseThrow(() -> new Unauthenticated(true, "the bearer token is not valid"));
        ctx.attribute(TENANT, tenant);
    }

    /** The caller's tenant; only set once the token has been checked. */
    static TenantId tenant(Context ctx) {
        TenantId tenant = ctx.attribute(TENANT);
        if (tenant == null) {
            // A route reached without authentication is a wiring bug, never a reason to guess a tenant.
            throw new IllegalStateException("no authenticated tenant for " + ctx.method() + " " + ctx.path());
        }
        return tenant;
    }
}
